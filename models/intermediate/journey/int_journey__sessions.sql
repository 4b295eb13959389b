-- Web and app sessions, one row per visitor and run of activity: the aggregate of
-- int_journey__sessionised_events with the session's customer, duration and engaged time.
-- marts.fct_sessions publishes it; loyalty reads it here (intermediate never reads a mart).
-- incremental: an incremental run rebuilds the sessions of every visitor that
-- int_journey__sessionised_events re-sessionised (an event exported in the last
-- late_event_lookback_days export days of its channel) or whose customer changed, from the visitor's
-- whole sessionised history; delete+insert on channel + visitor_id. Late events inside the lookback
-- therefore land in the right session, however old the session.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key=['channel', 'visitor_id'],
    on_schema_change='fail',
    post_hook=[
        "{{ delete_erased('shop_account_id', identifier_type='shop_account_id') }}",
        "{{ delete_erased('visitor_id', type_column=\"case channel when 'web' then 'anonymous_id' else 'device_id' end\") }}",
    ]
) }}

{%- set session_identifiers = [
    ['shop_account_id', 'shop_account_id'],
    ['anonymous_id', 'anonymous_id'],
    ['device_id', 'device_id'],
] %}
{%- set max_session_seconds = var('max_session_hours') * 3600 %}

with

{% if is_incremental() %}

-- the lookback is counted per channel, back from the newest export of that channel already here
watermarks as (

    select
        channel,
        {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'max(_export_date)') }} as exported_after

    from {{ this }}
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

    from {{ this }}

),

built_sessions_resolved as (

    {{ resolve_customer('built_sessions', session_identifiers) }}

),

affected_visitors as (

    -- visitors with events in the lookback export days
    select distinct
        events.channel,
        events.visitor_id

    from {{ ref('int_journey__sessionised_events') }} as events
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

sessionised as (

    select events.*

    from {{ ref('int_journey__sessionised_events') }} as events
    inner join affected_visitors
        on events.channel = affected_visitors.channel
        and events.visitor_id = affected_visitors.visitor_id

),

{% else %}

sessionised as (

    select * from {{ ref('int_journey__sessionised_events') }}

),

{% endif %}

-- one aggregate over sessionised, which is read once (a CTE read twice is held whole in memory)
aggregated as (

    select
        session_id,
        channel,
        visitor_id,
        max(platform) as platform,
        min(occurred_at) as started_at,
        max(occurred_at) as last_event_at,
        -- staging keeps one delivery per event_id, so plain counts; distinct counts per session
        -- cost a hash table per session (at 1M persons they ran out of memory)
        count(*) as event_count,
        count(*) filter (where is_view) as view_count,
        -- distinct heartbeat buckets, without a distinct count (macro sessionise)
        count(*) filter (where is_new_heartbeat_bucket) as heartbeat_count,
        max(case when is_checkout then 1 else 0 end) = 1 as is_converted,
        -- the account a session is logged in to: the first one seen in it
        arg_min(shop_account_id, event_sequence) filter (where shop_account_id is not null) as shop_account_id,
        arg_min(page_url, event_sequence) filter (where event_type = 'page_view') as entry_page,
        arg_max(page_url, event_sequence) filter (where event_type = 'page_view') as exit_page,
        max(_export_date) as _export_date

    from sessionised
    group by session_id, channel, visitor_id

),

sessions as (

    select
        aggregated.*,
        case when aggregated.channel = 'web' then aggregated.visitor_id end as anonymous_id,
        case when aggregated.channel = 'app' then aggregated.visitor_id end as device_id,
        {{ dbt.datediff('aggregated.started_at', 'aggregated.last_event_at', 'second') }} as uncapped_seconds

    from aggregated

),

resolved as (

    {{ resolve_customer('sessions', session_identifiers) }}

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
        uncapped_seconds > {{ max_session_seconds }} as is_capped,

        ---------- measures
        cast(least(uncapped_seconds, {{ max_session_seconds }}) as bigint) as duration_seconds,
        -- engaged time from heartbeats (web page_ping, app foreground_ping):
        -- heartbeat_seconds x (distinct heartbeat buckets - 1) + minimum_visit_seconds; 0 without pings
        cast(least(
            case
                when heartbeat_count > 0
                    then {{ var('heartbeat_seconds') }} * (heartbeat_count - 1) + {{ var('minimum_visit_seconds') }}
                else 0
            end,
            {{ max_session_seconds }}
        ) as bigint) as engaged_seconds,
        cast(event_count as bigint) as event_count,
        cast(view_count as bigint) as view_count,
        cast(heartbeat_count as bigint) as heartbeat_count,

        ---------- timestamps
        started_at,
        case
            when uncapped_seconds > {{ max_session_seconds }}
                then {{ dbt.dateadd('second', max_session_seconds, 'started_at') }}
            else last_event_at
        end as ended_at,

        ---------- lineage
        _export_date

    from resolved

)

select * from final
