-- incremental: a run (re)builds the touchpoints exported in the last late_event_lookback_days export
-- days of their export stream, all web/app touchpoints of the visitors int_journey__sessionised_events
-- re-sessionised (so session ids and per-view engaged time stay right when late events join old
-- sessions), and re-keys rows whose identifier now belongs to another customer; delete+insert on
-- touchpoint_id, so a redelivered event never counts twice.
-- Every big CTE is read once: DuckDB holds a CTE read twice whole in memory, which at 1M persons
-- ran out of memory (bench/results/tuning.md).
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key='touchpoint_id',
    on_schema_change='fail',
    post_hook=["{{ delete_erased('source_identifier_value', type_column='source_identifier_type') }}"]
) }}

{%- set event_identifiers = [
    ['shop_account_id', 'shop_account_id'],
    ['anonymous_id', 'anonymous_id'],
    ['device_id', 'device_id'],
] %}
{%- set max_session_seconds = var('max_session_hours') * 3600 %}

with

touchpoint_types as (

    select * from {{ ref('touchpoint_types') }}

),

{% if is_incremental() %}

-- the lookback is counted per export stream (source entity), back from the newest export of that
-- stream already here, so a stream whose exports stall for a while and then catch up is not skipped
-- grouped by plain columns first: DuckDB then knows the watermarks are a few rows and joins the big
-- record touchpoints against them, not them against 11M record touchpoints held in memory
last_exports as (

    select
        source,
        touchpoint_type,
        max(_export_date) as last_export_date

    from {{ this }}
    group by source, touchpoint_type

),

watermarks as (

    select
        {{ export_stream('source', 'touchpoint_type') }} as export_stream,
        {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'max(last_export_date)') }} as exported_after

    from last_exports
    group by 1

),

affected_visitors as (

    select distinct
        events.channel,
        events.visitor_id

    from {{ ref('int_journey__sessionised_events') }} as events
    left join watermarks
        on events.channel = watermarks.export_stream
    where watermarks.exported_after is null
        or events._export_date > watermarks.exported_after

),

scoped_events as (

    select events.*

    from {{ ref('int_journey__sessionised_events') }} as events
    inner join affected_visitors
        on events.channel = affected_visitors.channel
        and events.visitor_id = affected_visitors.visitor_id
    where not events.is_heartbeat

),

scoped_heartbeats as (

    select events.*

    from {{ ref('int_journey__sessionised_events') }} as events
    inner join affected_visitors
        on events.channel = affected_visitors.channel
        and events.visitor_id = affected_visitors.visitor_id
    where events.is_heartbeat

),

scoped_records as (

    select record_touchpoints.*

    from {{ ref('int_journey__touchpoints_from_records') }} as record_touchpoints
    left join watermarks
        on {{ export_stream('record_touchpoints.source', 'record_touchpoints.touchpoint_type') }} = watermarks.export_stream
    where watermarks.exported_after is null
        or record_touchpoints._export_date > watermarks.exported_after

),

{% else %}

-- heartbeats are not interactions: they are counted as engaged time of views and sessions
scoped_events as (

    select *
    from {{ ref('int_journey__sessionised_events') }}
    where not is_heartbeat

),

scoped_heartbeats as (

    select *
    from {{ ref('int_journey__sessionised_events') }}
    where is_heartbeat

),

scoped_records as (

    select * from {{ ref('int_journey__touchpoints_from_records') }}

),

{% endif %}

-- each heartbeat belongs to the page or screen view before it in the same session (view_number);
-- an aggregate joined to the views, not a window over every event (97 s of CPU at 1M persons)
view_heartbeats as (

    select
        session_id,
        view_number,
        count(distinct heartbeat_bucket) as heartbeat_count

    from scoped_heartbeats
    where view_number > 0
    group by session_id, view_number

),

event_touchpoints as (

    select
        scoped_events.channel || ':' || scoped_events.event_id as touchpoint_id,
        scoped_events.channel,
        scoped_events.channel as source,
        scoped_events.event_type as touchpoint_type,
        scoped_events.occurred_at,
        scoped_events.session_id,
        cast(null as double) as revenue,
        -- per view, the session formula over the view's own heartbeats
        case
            when scoped_events.is_view then least(
                case
                    when view_heartbeats.heartbeat_count > 0
                        then {{ var('heartbeat_seconds') }} * (view_heartbeats.heartbeat_count - 1) + {{ var('minimum_visit_seconds') }}
                    else 0
                end,
                {{ max_session_seconds }}
            )
        end as engaged_seconds,
        scoped_events.shop_account_id,
        case when scoped_events.channel = 'web' then scoped_events.visitor_id end as anonymous_id,
        case when scoped_events.channel = 'app' then scoped_events.visitor_id end as device_id,
        scoped_events._export_date

    from scoped_events
    left join view_heartbeats
        on scoped_events.is_view
        and scoped_events.session_id = view_heartbeats.session_id
        and scoped_events.view_number = view_heartbeats.view_number

),

event_touchpoints_resolved as (

    {{ resolve_customer('event_touchpoints', event_identifiers) }}

),

{%- set shared_columns = 'touchpoint_id, customer_id, channel, source, touchpoint_type, occurred_at, session_id, revenue, engaged_seconds, source_identifier_type, source_identifier_value, _export_date' %}

batch_touchpoints as (

    select {{ shared_columns }} from event_touchpoints_resolved

    union all

    select
        touchpoint_id,
        customer_id,
        channel,
        source,
        touchpoint_type,
        occurred_at,
        cast(null as {{ dbt.type_string() }}) as session_id,
        revenue,
        cast(null as bigint) as engaged_seconds,
        source_identifier_type,
        source_identifier_value,
        _export_date

    from scoped_records

),

{% if is_incremental() %}

-- identifiers whose customer changed since this model last succeeded (the lookup stamps each change):
-- only their rows can need re-keying, so the whole table is not joined to the whole lookup
changed_identifiers as (

    select * from {{ ref('int_journey__identifier_lookup') }}
    where customer_changed_at > {{ last_built_at() }}

),

-- rows built earlier whose identifier now belongs to another customer (identity merged, split or
-- stitched a cookie to a login): re-keyed without re-reading their source
rekeyed as (

    select
        built.touchpoint_id,
        lookup.customer_id,
        built.channel,
        built.source,
        built.touchpoint_type,
        built.occurred_at,
        built.session_id,
        built.revenue,
        built.engaged_seconds,
        built.source_identifier_type,
        built.source_identifier_value,
        built._export_date

    from {{ this }} as built
    inner join changed_identifiers as lookup
        on built.source_identifier_type = lookup.identifier_type
        and built.source_identifier_value = lookup.identifier_value
    where lookup.customer_id is distinct from built.customer_id
        and not lookup.is_erased

),

-- a touchpoint both rebuilt and re-keyed comes from the batch; the batch is read once (no anti join)
candidates as (

    select {{ shared_columns }}, 1 as candidate_rank from batch_touchpoints
    union all
    select {{ shared_columns }}, 2 as candidate_rank from rekeyed

),

changed_touchpoints as (

    {{ deduplicate('candidates', 'touchpoint_id', 'candidate_rank') }}

),

{% else %}

changed_touchpoints as (

    select * from batch_touchpoints

),

{% endif %}

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
