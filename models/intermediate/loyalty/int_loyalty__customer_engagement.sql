-- Sessions and engaged minutes per customer over the last var engagement_window_days days up to and
-- including as_of_date.
with

sessions as (

    select * from {{ ref('int_journey__sessions') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

recent as (

    select
        sessions.customer_id,
        count(*) as sessions_recent,
        coalesce(sum(sessions.engaged_seconds), 0) / 60.0 as engaged_minutes_recent

    from sessions
    cross join as_of
    where
        sessions.customer_id is not null
        and cast(sessions.started_at as date) <= as_of.as_of_date
        and cast(sessions.started_at as date) > {{ dbt.dateadd('day', -var('engagement_window_days'), 'as_of.as_of_date') }}
    group by sessions.customer_id

)

select * from recent
