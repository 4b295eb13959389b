-- incremental: a run (re)builds the touchpoints exported in the last late_event_lookback_days export
-- days of their export stream, all web/app touchpoints of the visitors seen in them (so session ids and per-view engaged
-- time stay right when late events join old sessions), and re-keys rows whose identifier now belongs
-- to another customer; delete+insert on touchpoint_id, so a redelivered event never counts twice.


with

events as (

    select * from "fresh"."intermediate"."int_journey__web_app_events"

),

record_touchpoints as (

    select * from "fresh"."intermediate"."int_journey__touchpoints_from_records"

),

touchpoint_types as (

    select * from "fresh"."reference"."touchpoint_types"

),



-- the lookback is counted per export stream (source entity), back from the newest export of that
-- stream already here, so a stream whose exports stall for a while and then catch up is not skipped
watermarks as (

    select
        case when touchpoint_type = 'cart' then source || '__carts' else source end as export_stream,
        

    (max(_export_date) + cast(-3 as bigint) * interval 1 day) as exported_after

    from "fresh"."marts"."fct_touchpoints"
    group by 1

),

affected_visitors as (

    select distinct
        events.channel,
        events.visitor_id

    from events
    left join watermarks
        on events.channel = watermarks.export_stream
    where watermarks.exported_after is null
        or events._export_date > watermarks.exported_after

),

scoped_events as (

    select events.*

    from events
    inner join affected_visitors
        on events.channel = affected_visitors.channel
        and events.visitor_id = affected_visitors.visitor_id

),

scoped_records as (

    select record_touchpoints.*

    from record_touchpoints
    left join watermarks
        on case when record_touchpoints.touchpoint_type = 'cart' then record_touchpoints.source || '__carts' else record_touchpoints.source end = watermarks.export_stream
    where watermarks.exported_after is null
        or record_touchpoints._export_date > watermarks.exported_after

),



kept_events as (

    select *
    from scoped_events
    where 
    not exists (
        select 1
        from "fresh"."intermediate"."int_journey__identifier_lookup" as erased_1
        where erased_1.is_erased
            and erased_1.identifier_type = 'shop_account_id'
            and erased_1.identifier_value = scoped_events.shop_account_id
    ) and
    not exists (
        select 1
        from "fresh"."intermediate"."int_journey__identifier_lookup" as erased_2
        where erased_2.is_erased
            and erased_2.identifier_type = 'anonymous_id'
            and erased_2.identifier_value = scoped_events.anonymous_id
    ) and
    not exists (
        select 1
        from "fresh"."intermediate"."int_journey__identifier_lookup" as erased_3
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
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = event_touchpoints.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'anonymous_id'
        and lookup_2.identifier_value = event_touchpoints.anonymous_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_3
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



-- rows built earlier whose identifier now belongs to another customer (identity merged, split or
-- stitched a cookie to a login): re-keyed without re-reading their source
built_touchpoints as (

    select
        built.*,
        built.customer_id as built_customer_id

    from "fresh"."marts"."fct_touchpoints" as built
    left join batch_touchpoints
        on built.touchpoint_id = batch_touchpoints.touchpoint_id
    where batch_touchpoints.touchpoint_id is null

),

rekeyed as (

    select
        built_touchpoints.touchpoint_id,
        lookup.customer_id,
        built_touchpoints.channel,
        built_touchpoints.source,
        built_touchpoints.touchpoint_type,
        built_touchpoints.occurred_at,
        built_touchpoints.session_id,
        built_touchpoints.revenue,
        built_touchpoints.engaged_seconds,
        built_touchpoints.source_identifier_type,
        built_touchpoints.source_identifier_value,
        built_touchpoints._export_date

    from built_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup
        on built_touchpoints.source_identifier_type = lookup.identifier_type
        and built_touchpoints.source_identifier_value = lookup.identifier_value
    where lookup.customer_id is distinct from built_touchpoints.built_customer_id
        and not coalesce(lookup.is_erased, false)

),

changed_touchpoints as (

    select touchpoint_id, customer_id, channel, source, touchpoint_type, occurred_at, session_id, revenue, engaged_seconds, source_identifier_type, source_identifier_value, _export_date from batch_touchpoints
    union all
    select touchpoint_id, customer_id, channel, source, touchpoint_type, occurred_at, session_id, revenue, engaged_seconds, source_identifier_type, source_identifier_value, _export_date from rekeyed

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