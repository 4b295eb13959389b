-- One row: the date every time-dependent figure is computed as of.
-- var('as_of_date') when set, else the latest day with an event in any source; rebuild an earlier
-- date exactly with: dbt build --vars '{as_of_date: 2025-06-30}'

with

latest_events as (

    select max(cast(occurred_at as date)) as latest_on from "fresh"."staging"."stg_web__events"
    union all
    select max(cast(occurred_at as date)) from "fresh"."staging"."stg_app__events"
    union all
    select max(cast(ordered_at as date)) from "fresh"."staging"."stg_shop__orders"
    union all
    select max(cast(transacted_at as date)) from "fresh"."staging"."stg_pos__transactions"
    union all
    select max(cast(occurred_at as date)) from "fresh"."staging"."stg_email__events"
    union all
    select max(cast(opened_at as date)) from "fresh"."staging"."stg_care__tickets"
    union all
    select max(cast(answered_at as date)) from "fresh"."staging"."stg_survey__nps_responses"
    union all
    select max(cast(submitted_at as date)) from "fresh"."staging"."stg_reviews__reviews"
    union all
    select max(cast(occurred_at as date)) from "fresh"."staging"."stg_loyalty__points"
    union all
    select max(cast(updated_at as date)) from "fresh"."staging"."stg_crm__customers"

),

as_of as (

    select
        coalesce(max(latest_on), current_date) as as_of_date,
        false as is_pinned

    from latest_events

)

select * from as_of