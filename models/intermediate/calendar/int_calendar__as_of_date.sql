-- One row: the date every time-dependent figure is computed as of.
-- var('as_of_date') when set, else the latest day with an event in any source; rebuild an earlier
-- date exactly with: dbt build --vars '{as_of_date: 2025-06-30}'

with

latest_events as (

    select max(cast(occurred_at as date)) as latest_on from {{ ref('stg_web__events') }}
    union all
    select max(cast(occurred_at as date)) from {{ ref('stg_app__events') }}
    union all
    select max(cast(ordered_at as date)) from {{ ref('stg_shop__orders') }}
    union all
    select max(cast(transacted_at as date)) from {{ ref('stg_pos__transactions') }}
    union all
    select max(cast(occurred_at as date)) from {{ ref('stg_email__events') }}
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

    select
        {% if var('as_of_date') -%}
        cast('{{ var("as_of_date") }}' as date)
        {%- else -%}
        coalesce(latest.latest_on, current_date)
        {%- endif %} as as_of_date,
        {{ 'true' if var('as_of_date') else 'false' }} as is_pinned

    -- aggregate first: one row whether or not the date is pinned
    from (select max(latest_on) as latest_on from latest_events) as latest

)

select * from as_of
