-- incremental: a run (re)builds the touchpoints exported in the last late_event_lookback_days export
-- days of their export stream, all web/app touchpoints of the visitors seen in them (so session ids and per-view engaged
-- time stay right when late events join old sessions), and re-keys rows whose identifier now belongs
-- to another customer; delete+insert on touchpoint_id, so a redelivered event never counts twice.
-- Built after fct_sessions, never beside it: both sessionise every web/app event, and two such peaks
-- side by side share one DuckDB memory limit. Each CTE over the events is read once: DuckDB holds a CTE
-- read twice whole in memory, which at 1M persons (32M events) ran out of memory (bench/results/tuning.md).
-- depends_on: {{ ref('fct_sessions') }}
{{ config(
    materialized='incremental',
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

events as (

    select * from {{ ref('int_journey__web_app_events') }}

),

record_touchpoints as (

    select * from {{ ref('int_journey__touchpoints_from_records') }}

),

touchpoint_types as (

    select * from {{ ref('touchpoint_types') }}

),

{% if is_incremental() %}

-- the lookback is counted per export stream (source entity), back from the newest export of that
-- stream already here, so a stream whose exports stall for a while and then catch up is not skipped
watermarks as (

    select
        {{ export_stream('source', 'touchpoint_type') }} as export_stream,
        {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'max(_export_date)') }} as exported_after

    from {{ this }}
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
        on {{ export_stream('record_touchpoints.source', 'record_touchpoints.touchpoint_type') }} = watermarks.export_stream
    where watermarks.exported_after is null
        or record_touchpoints._export_date > watermarks.exported_after

),

{% else %}

scoped_events as (

    select * from events

),

scoped_records as (

    select * from record_touchpoints

),

{% endif %}

kept_events as (

    select *
    from scoped_events
    where {{ not_erased('scoped_events', event_identifiers) }}

),

sessionised as (

    {{ sessionise('kept_events') }}

),

-- each heartbeat belongs to the page or screen view before it in the same session (view_number);
-- a window, not an aggregate joined back: sessionised is read once, never held whole in memory
view_engagement as (

    select
        sessionised.*,
        count(distinct case when sessionised.is_heartbeat then sessionised.heartbeat_bucket end) over (
            partition by sessionised.session_id, sessionised.view_number
        ) as heartbeat_count

    from sessionised

),

event_touchpoints as (

    select
        view_engagement.channel || ':' || view_engagement.event_id as touchpoint_id,
        view_engagement.channel,
        view_engagement.channel as source,
        view_engagement.event_type as touchpoint_type,
        view_engagement.occurred_at,
        view_engagement.session_id,
        cast(null as double) as revenue,
        -- per view, the session formula over the view's own heartbeats
        case
            when view_engagement.is_view then least(
                case
                    when view_engagement.heartbeat_count > 0
                        then {{ var('heartbeat_seconds') }} * (view_engagement.heartbeat_count - 1) + {{ var('minimum_visit_seconds') }}
                    else 0
                end,
                {{ max_session_seconds }}
            )
        end as engaged_seconds,
        view_engagement.shop_account_id,
        view_engagement.anonymous_id,
        view_engagement.device_id,
        view_engagement._export_date

    from view_engagement
    -- heartbeats are not interactions: they are counted as engaged time of views and sessions
    where not view_engagement.is_heartbeat

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
        cast(null as varchar) as session_id,
        revenue,
        cast(null as bigint) as engaged_seconds,
        source_identifier_type,
        source_identifier_value,
        _export_date

    from scoped_records

),

{% if is_incremental() %}

-- rows built earlier whose identifier now belongs to another customer (identity merged, split or
-- stitched a cookie to a login): re-keyed without re-reading their source
built_touchpoints as (

    select
        built.*,
        built.customer_id as built_customer_id

    from {{ this }} as built
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
    left join {{ ref('int_journey__identifier_lookup') }} as lookup
        on built_touchpoints.source_identifier_type = lookup.identifier_type
        and built_touchpoints.source_identifier_value = lookup.identifier_value
    where lookup.customer_id is distinct from built_touchpoints.built_customer_id
        and not coalesce(lookup.is_erased, false)

),

changed_touchpoints as (

    select {{ shared_columns }} from batch_touchpoints
    union all
    select {{ shared_columns }} from rekeyed

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
