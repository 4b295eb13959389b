-- incremental: an incremental run re-sessionises, from their whole history, every visitor with an
-- event exported in the last late_event_lookback_days export days of its channel (or whose customer
-- changed), and
-- replaces that visitor's sessions (delete+insert on channel + visitor_id). Late events inside the
-- lookback therefore land in the right session, however old the session.


with

events as (

    select * from "fresh"."intermediate"."int_journey__web_app_events"

),



-- the lookback is counted per channel, back from the newest export of that channel already here
watermarks as (

    select
        channel,
        

    (max(_export_date) + cast(-3 as bigint) * interval 1 day) as exported_after

    from "fresh"."marts"."fct_sessions"
    group by channel

),

built_sessions as (

    select distinct
        channel,
        visitor_id,
        customer_id as built_customer_id,
        shop_account_id,
        case when channel = 'web' then visitor_id end as anonymous_id,
        case when channel = 'app' then visitor_id end as device_id

    from "fresh"."marts"."fct_sessions"

),

built_sessions_resolved as (

    select
        built_sessions.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id,
            lookup_3.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'anonymous_id'
            when lookup_3.customer_id is not null then 'device_id'
            when built_sessions.shop_account_id is not null then 'shop_account_id'
            when built_sessions.anonymous_id is not null then 'anonymous_id'
            when built_sessions.device_id is not null then 'device_id'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then built_sessions.shop_account_id
            when lookup_2.customer_id is not null then built_sessions.anonymous_id
            when lookup_3.customer_id is not null then built_sessions.device_id
            when built_sessions.shop_account_id is not null then built_sessions.shop_account_id
            when built_sessions.anonymous_id is not null then built_sessions.anonymous_id
            when built_sessions.device_id is not null then built_sessions.device_id
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false) or
            coalesce(lookup_3.is_erased, false)
        ) as is_erased

    from built_sessions
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = built_sessions.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'anonymous_id'
        and lookup_2.identifier_value = built_sessions.anonymous_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_3
        on lookup_3.identifier_type = 'device_id'
        and lookup_3.identifier_value = built_sessions.device_id

),

affected_visitors as (

    -- visitors with events in the lookback export days
    select distinct
        events.channel,
        events.visitor_id

    from events
    left join watermarks
        on events.channel = watermarks.channel
    where watermarks.exported_after is null
        or events._export_date > watermarks.exported_after

    union

    -- visitors whose sessions now belong to another customer (identity merged, split, stitched, erased)
    select
        channel,
        visitor_id

    from built_sessions_resolved
    where customer_id is distinct from built_customer_id

),

scoped_events as (

    select events.*

    from events
    inner join affected_visitors
        on events.channel = affected_visitors.channel
        and events.visitor_id = affected_visitors.visitor_id

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

page_views as (

    select
        session_id,
        page_url,
        row_number() over (partition by session_id order by occurred_at, event_id) as from_start,
        row_number() over (partition by session_id order by occurred_at desc, event_id desc) as from_end

    from sessionised
    where event_type = 'page_view'

),

-- the account a session is logged in to: the first one seen in it
session_accounts as (

    select
        session_id,
        shop_account_id,
        row_number() over (partition by session_id order by occurred_at, event_id) as account_rank

    from sessionised
    where shop_account_id is not null

),

aggregated as (

    select
        session_id,
        channel,
        visitor_id,
        max(platform) as platform,
        min(occurred_at) as started_at,
        max(occurred_at) as last_event_at,
        count(distinct event_id) as event_count,
        count(distinct case when is_view then event_id end) as view_count,
        count(distinct case when is_heartbeat then heartbeat_bucket end) as heartbeat_count,
        max(case when is_checkout then 1 else 0 end) = 1 as is_converted,
        max(_export_date) as _export_date

    from sessionised
    group by session_id, channel, visitor_id

),

sessions as (

    select
        aggregated.*,
        session_accounts.shop_account_id,
        case when aggregated.channel = 'web' then aggregated.visitor_id end as anonymous_id,
        case when aggregated.channel = 'app' then aggregated.visitor_id end as device_id,
        entry_pages.page_url as entry_page,
        exit_pages.page_url as exit_page,
        
        (date_diff('second', aggregated.started_at::timestamp, aggregated.last_event_at::timestamp ))
     as uncapped_seconds

    from aggregated
    left join session_accounts
        on aggregated.session_id = session_accounts.session_id
        and session_accounts.account_rank = 1
    left join page_views as entry_pages
        on aggregated.session_id = entry_pages.session_id
        and entry_pages.from_start = 1
    left join page_views as exit_pages
        on aggregated.session_id = exit_pages.session_id
        and exit_pages.from_end = 1

),

resolved as (

    select
        sessions.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id,
            lookup_3.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'anonymous_id'
            when lookup_3.customer_id is not null then 'device_id'
            when sessions.shop_account_id is not null then 'shop_account_id'
            when sessions.anonymous_id is not null then 'anonymous_id'
            when sessions.device_id is not null then 'device_id'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then sessions.shop_account_id
            when lookup_2.customer_id is not null then sessions.anonymous_id
            when lookup_3.customer_id is not null then sessions.device_id
            when sessions.shop_account_id is not null then sessions.shop_account_id
            when sessions.anonymous_id is not null then sessions.anonymous_id
            when sessions.device_id is not null then sessions.device_id
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false) or
            coalesce(lookup_3.is_erased, false)
        ) as is_erased

    from sessions
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = sessions.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'anonymous_id'
        and lookup_2.identifier_value = sessions.anonymous_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_3
        on lookup_3.identifier_type = 'device_id'
        and lookup_3.identifier_value = sessions.device_id

),

final as (

    select
        ---------- ids
        session_id,
        customer_id,
        channel,
        visitor_id,
        shop_account_id,
        source_identifier_type,

        ---------- attributes
        platform,
        entry_page,
        exit_page,
        is_converted,
        uncapped_seconds > 14400 as is_capped,

        ---------- measures
        cast(least(uncapped_seconds, 14400) as bigint) as duration_seconds,
        -- engaged time from heartbeats (web page_ping, app foreground_ping):
        -- heartbeat_seconds x (distinct heartbeat buckets - 1) + minimum_visit_seconds; 0 without pings
        cast(least(
            case
                when heartbeat_count > 0
                    then 10 * (heartbeat_count - 1) + 5
                else 0
            end,
            14400
        ) as bigint) as engaged_seconds,
        cast(event_count as bigint) as event_count,
        cast(view_count as bigint) as view_count,
        cast(heartbeat_count as bigint) as heartbeat_count,

        ---------- timestamps
        started_at,
        case
            when uncapped_seconds > 14400
                then 

    (started_at + cast(14400 as bigint) * interval 1 second)
            else last_event_at
        end as ended_at,

        ---------- lineage
        _export_date

    from resolved

)

select * from final