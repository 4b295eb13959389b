
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "touchpoint_id","customer_id","source_identifier_type","channel","touchpoint_type","journey_stage","engaged_seconds", 'actual' as "actual_or_expected"
  from (
    -- incremental: a run (re)builds the touchpoints exported in the last late_event_lookback_days export
-- days of their export stream, all web/app touchpoints of the visitors seen in them (so session ids and per-view engaged
-- time stay right when late events join old sessions), and re-keys rows whose identifier now belongs
-- to another customer; delete+insert on touchpoint_id, so a redelivered event never counts twice.


with

 __dbt__cte__int_journey__web_app_events as (

-- Fixture for int_journey__web_app_events
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w1' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('1' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w2' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_ping' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:05' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('true' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('false' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('1' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w3' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_ping' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 10:00:15' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('true' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('false' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('2' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w4' as character varying)
 as "event_id", 
    
    cast('K1' as character varying)
 as "visitor_id", 
    
    cast('K1' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast('A1' as character varying)
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('login' as character varying)
 as "event_type", 
    
    cast(null as character varying(256))
 as "page_url", 
    
    cast('2025-03-01 10:01:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('false' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('7' as DOUBLE)
 as "heartbeat_bucket"
union all
select 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('w5' as character varying)
 as "event_id", 
    
    cast('K9' as character varying)
 as "visitor_id", 
    
    cast('K9' as character varying)
 as "anonymous_id", 
    
    cast(null as character varying(256))
 as "device_id", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "platform", 
    
    cast('page_view' as character varying)
 as "event_type", 
    
    cast('/home' as character varying)
 as "page_url", 
    
    cast('2025-03-01 11:00:00' as TIMESTAMP)
 as "occurred_at", 
    
    cast('2025-03-01' as DATE)
 as "_export_date", 
    
    cast('false' as BOOLEAN)
 as "is_heartbeat", 
    
    cast('true' as BOOLEAN)
 as "is_view", 
    
    cast('false' as BOOLEAN)
 as "is_checkout", 
    
    cast('9' as DOUBLE)
 as "heartbeat_bucket"
),  __dbt__cte__int_journey__touchpoints_from_records as (

-- Fixture for int_journey__touchpoints_from_records
select cast(null as character varying(256)) as "touchpoint_id", cast(null as character varying(256)) as "customer_id", cast(null as character varying(256)) as "channel", cast(null as character varying(256)) as "source", cast(null as character varying(256)) as "touchpoint_type", cast(null as TIMESTAMP) as "occurred_at", cast(null as DOUBLE) as "revenue", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", cast(null as DATE) as "_export_date"
    limit 0
),  __dbt__cte__touchpoint_types as (

-- Fixture for touchpoint_types
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('search' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('logout' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('remove_from_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('checkout' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('app_open' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('screen_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('push_open' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('logout' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('background' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('checkout' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('order' as character varying)
 as "touchpoint_type", 
    
    cast('purchase' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('pos' as character varying)
 as "source", 
    
    cast('store_purchase' as character varying)
 as "touchpoint_type", 
    
    cast('purchase' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('delivered' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('bounce' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('open' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('unsubscribe' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('complaint' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_email' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_chat' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_phone' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_social' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_promoter' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_passive' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_detractor' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_positive' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_neutral' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_negative' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_earn' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_redeem' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_expire' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_adjust' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
),  __dbt__cte__int_journey__identifier_lookup as (

-- Fixture for int_journey__identifier_lookup
select 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('K1' as character varying)
 as "identifier_value", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"
union all
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_type", 
    
    cast('A1' as character varying)
 as "identifier_value", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast(False as BOOLEAN)
 as "is_erased"
), events as (

    select * from __dbt__cte__int_journey__web_app_events

),

record_touchpoints as (

    select * from __dbt__cte__int_journey__touchpoints_from_records

),

touchpoint_types as (

    select * from __dbt__cte__touchpoint_types

),



scoped_events as (

    select * from events

),

scoped_records as (

    select * from record_touchpoints

),



kept_events as (

    select *
    from scoped_events
    where 
    not exists (
        select 1
        from __dbt__cte__int_journey__identifier_lookup as erased_1
        where erased_1.is_erased
            and erased_1.identifier_type = 'shop_account_id'
            and erased_1.identifier_value = scoped_events.shop_account_id
    ) and
    not exists (
        select 1
        from __dbt__cte__int_journey__identifier_lookup as erased_2
        where erased_2.is_erased
            and erased_2.identifier_type = 'anonymous_id'
            and erased_2.identifier_value = scoped_events.anonymous_id
    ) and
    not exists (
        select 1
        from __dbt__cte__int_journey__identifier_lookup as erased_3
        where erased_3.is_erased
            and erased_3.identifier_type = 'device_id'
            and erased_3.identifier_value = scoped_events.device_id
    )

),

sessionised as (

    select
        session_numbered.*,
        md5(cast(session_numbered.channel || ':' || session_numbered.visitor_id || ':' || session_numbered.session_first_event_id as TEXT)) as session_id

    from (
        select
            gaps.*,
            first_value(gaps.event_id) over (
                partition by gaps.channel, gaps.visitor_id, gaps.session_number
                order by gaps.occurred_at, gaps.event_id
                rows between unbounded preceding and unbounded following
            ) as session_first_event_id,
            row_number() over (
                partition by gaps.channel, gaps.visitor_id, gaps.session_number
                order by gaps.occurred_at, gaps.event_id
            ) as event_sequence

        from (
            select
                with_previous.*,
                sum(
                    case
                        when with_previous.previous_occurred_at is null then 1
                        when with_previous.occurred_at > 

    (with_previous.previous_occurred_at + cast(30 as bigint) * interval 1 minute) then 1
                        else 0
                    end
                ) over (
                    partition by with_previous.channel, with_previous.visitor_id
                    order by with_previous.occurred_at, with_previous.event_id
                    rows between unbounded preceding and current row
                ) as session_number

            from (
                select
                    kept_events.*,
                    lag(kept_events.occurred_at) over (
                        partition by kept_events.channel, kept_events.visitor_id
                        order by kept_events.occurred_at, kept_events.event_id
                    ) as previous_occurred_at

                from kept_events
            ) as with_previous
        ) as gaps
    ) as session_numbered

),

-- each heartbeat belongs to the page or screen view before it in the same session
view_numbered as (

    select
        sessionised.*,
        sum(case when is_view then 1 else 0 end) over (
            partition by session_id
            order by occurred_at, event_id
            rows between unbounded preceding and current row
        ) as view_number

    from sessionised

),

view_heartbeats as (

    select
        session_id,
        view_number,
        count(distinct heartbeat_bucket) as heartbeat_count

    from view_numbered
    where is_heartbeat
        and view_number > 0
    group by session_id, view_number

),

event_touchpoints as (

    select
        view_numbered.channel || ':' || view_numbered.event_id as touchpoint_id,
        view_numbered.channel,
        view_numbered.channel as source,
        view_numbered.event_type as touchpoint_type,
        view_numbered.occurred_at,
        view_numbered.session_id,
        cast(null as double) as revenue,
        -- per view, the session formula over the view's own heartbeats
        case
            when view_numbered.is_view then least(
                case
                    when coalesce(view_heartbeats.heartbeat_count, 0) > 0
                        then 10 * (view_heartbeats.heartbeat_count - 1) + 5
                    else 0
                end,
                14400
            )
        end as engaged_seconds,
        view_numbered.shop_account_id,
        view_numbered.anonymous_id,
        view_numbered.device_id,
        view_numbered._export_date

    from view_numbered
    left join view_heartbeats
        on view_numbered.session_id = view_heartbeats.session_id
        and view_numbered.view_number = view_heartbeats.view_number
        and view_numbered.is_view
    -- heartbeats are not interactions: they are counted as engaged time of views and sessions
    where not view_numbered.is_heartbeat

),

event_touchpoints_resolved as (

    select
        event_touchpoints.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id,
            lookup_3.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'anonymous_id'
            when lookup_3.customer_id is not null then 'device_id'
            when event_touchpoints.shop_account_id is not null then 'shop_account_id'
            when event_touchpoints.anonymous_id is not null then 'anonymous_id'
            when event_touchpoints.device_id is not null then 'device_id'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then event_touchpoints.shop_account_id
            when lookup_2.customer_id is not null then event_touchpoints.anonymous_id
            when lookup_3.customer_id is not null then event_touchpoints.device_id
            when event_touchpoints.shop_account_id is not null then event_touchpoints.shop_account_id
            when event_touchpoints.anonymous_id is not null then event_touchpoints.anonymous_id
            when event_touchpoints.device_id is not null then event_touchpoints.device_id
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false) or
            coalesce(lookup_3.is_erased, false)
        ) as is_erased

    from event_touchpoints
    left join __dbt__cte__int_journey__identifier_lookup as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = event_touchpoints.shop_account_id
    left join __dbt__cte__int_journey__identifier_lookup as lookup_2
        on lookup_2.identifier_type = 'anonymous_id'
        and lookup_2.identifier_value = event_touchpoints.anonymous_id
    left join __dbt__cte__int_journey__identifier_lookup as lookup_3
        on lookup_3.identifier_type = 'device_id'
        and lookup_3.identifier_value = event_touchpoints.device_id

),

batch_touchpoints as (

    select touchpoint_id, customer_id, channel, source, touchpoint_type, occurred_at, session_id, revenue, engaged_seconds, source_identifier_type, source_identifier_value, _export_date from event_touchpoints_resolved

    union all

    select
        touchpoint_id,
        customer_id,
        channel,
        source,
        touchpoint_type,
        occurred_at,
        cast(null as varchar) as session_id,
        revenue,
        cast(null as bigint) as engaged_seconds,
        source_identifier_type,
        source_identifier_value,
        _export_date

    from scoped_records

),



changed_touchpoints as (

    select * from batch_touchpoints

),



final as (

    select
        ---------- ids
        changed_touchpoints.touchpoint_id,
        changed_touchpoints.customer_id,
        changed_touchpoints.session_id,
        changed_touchpoints.source_identifier_type,
        changed_touchpoints.source_identifier_value,

        ---------- attributes
        changed_touchpoints.channel,
        changed_touchpoints.source,
        changed_touchpoints.touchpoint_type,
        touchpoint_types.journey_stage,

        ---------- measures
        changed_touchpoints.revenue,
        cast(changed_touchpoints.engaged_seconds as bigint) as engaged_seconds,

        ---------- timestamps
        changed_touchpoints.occurred_at,

        ---------- lineage
        changed_touchpoints._export_date

    from changed_touchpoints
    left join touchpoint_types
        on changed_touchpoints.source = touchpoint_types.source
        and changed_touchpoints.touchpoint_type = touchpoint_types.touchpoint_type

)

select * from final
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "touchpoint_id", "customer_id", "source_identifier_type", "channel", "touchpoint_type", "journey_stage", "engaged_seconds", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('web:w1' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('anonymous_id' as character varying)
 as "source_identifier_type", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast(15 as BIGINT)
 as "engaged_seconds"
union all
select 
    
    cast('web:w4' as character varying)
 as "touchpoint_id", 
    
    cast('CUST1' as character varying)
 as "customer_id", 
    
    cast('shop_account_id' as character varying)
 as "source_identifier_type", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast(null as BIGINT)
 as "engaged_seconds"
union all
select 
    
    cast('web:w5' as character varying)
 as "touchpoint_id", 
    
    cast(null as character varying(256))
 as "customer_id", 
    
    cast('anonymous_id' as character varying)
 as "source_identifier_type", 
    
    cast('web' as character varying)
 as "channel", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast(0 as BIGINT)
 as "engaged_seconds"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected