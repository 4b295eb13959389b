-- placeholder until branch identity/journeys lands
-- TEMPORARY: one session per web cookie per day, engaged seconds = 10 s per page_ping.
with

bridge as (select * from {{ ref('bdg_customer_identifiers') }}),
events as (select * from {{ ref('stg_web__events') }}),

sessions as (
    select
        anonymous_id || '-' || cast(cast(occurred_at as date) as varchar) as session_id,
        anonymous_id,
        max(shop_account_id) as shop_account_id,
        min(occurred_at) as started_at,
        10 * sum(case when event_type = 'page_ping' then 1 else 0 end) as engaged_seconds
    from events
    group by anonymous_id, cast(occurred_at as date)
)

select
    sessions.session_id,
    bridge.customer_id,
    sessions.started_at,
    sessions.engaged_seconds
from sessions
left join bridge
    on bridge.identifier_type = 'shop_account_id' and bridge.identifier_value = sessions.shop_account_id
