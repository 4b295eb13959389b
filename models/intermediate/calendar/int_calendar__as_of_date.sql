-- One row: the date every time-dependent figure is computed as of.
-- var('as_of_date') when set, else the latest day with an event in any source; rebuild an earlier
-- date exactly with: dbt build --vars '{as_of_date: 2025-06-30}'

-- The big event sources are read raw: staging passes their occurred_at through unchanged, and its
-- de-duplication window over every event would cost a full sort for one max().

with

latest_events as (

    select max(cast(occurred_at as date)) as latest_on from {{ source('web', 'events') }}
    union all
    select max(cast(occurred_at as date)) from {{ source('app', 'events') }}
    union all
    select max(cast(ordered_at as date)) from {{ ref('stg_shop__orders') }}
    union all
    select max(cast(transacted_at as date)) from {{ ref('stg_pos__transactions') }}
    union all
    select max(cast(occurred_at as date)) from {{ source('email', 'events') }}
    union all
    select max(cast(opened_at as date)) from {{ ref('stg_care__tickets') }}
    union all
    select max(cast(answered_at as date)) from {{ ref('stg_survey__nps_responses') }}
    union all
    select max(cast(submitted_at as date)) from {{ ref('stg_reviews__reviews') }}
    union all
    select max(cast(occurred_at as date)) from {{ ref('stg_loyalty__points') }}
    union all
    select max(cast(updated_at as date)) from {{ ref('stg_crm__customers') }}

),

as_of as (

    {% if var('as_of_date') -%}
    -- pinned: one row, whatever the events (a select over latest_events would repeat it per source)
    select
        cast('{{ var("as_of_date") }}' as date) as as_of_date,
        true as is_pinned
    {%- else -%}
    select
        coalesce(max(latest_on), current_date) as as_of_date,
        false as is_pinned

    from latest_events
    {%- endif %}

)

select * from as_of
