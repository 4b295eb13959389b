-- Every web/app event cut into sessions, once: int_journey__sessions aggregates these rows,
-- int_journey__touchpoints selects from them, so the costliest step of the journeys (two window passes over
-- every event) runs once per build, not once per model.
--
-- incremental: a run re-sessionises the whole history of every visitor with an event exported in the
-- last late_event_lookback_days export days of its channel (counted back from the newest export of
-- that channel already here), so a late event lands in its old session and session ids stay stable;
-- delete+insert on channel + visitor_id. The history comes from this table, not from staging: an
-- incremental run reads staging once, for the new exports (bench/results/tuning.md).
-- Each CTE over many rows is read once: DuckDB holds a CTE read twice whole in memory.
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

{%- set event_identifiers = [
    ['shop_account_id', 'shop_account_id'],
    ['anonymous_id', 'anonymous_id'],
    ['device_id', 'device_id'],
] %}
{%- set event_columns = 'channel, event_id, visitor_id, shop_account_id, platform, event_type, page_url, occurred_at, _export_date, is_heartbeat, is_view, is_checkout, heartbeat_bucket' %}

with

{% if is_incremental() %}

watermarks as (

    select
        channel,
        {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'max(_export_date)') }} as exported_after

    from {{ this }}
    group by channel

),

-- the events of the lookback export days (a few days: small enough to read three times)
new_events as (

    select events.*

    from {{ ref('int_journey__web_app_events') }} as events
    left join watermarks
        on events.channel = watermarks.channel
    where watermarks.exported_after is null
        or events._export_date > watermarks.exported_after

),

affected_visitors as (

    select distinct
        channel,
        visitor_id

    from new_events

),

-- the rest of those visitors' history, as sessionised before (an event of the lookback days replaces
-- its earlier copy)
history as (

    select {{ event_columns }}

    from {{ this }} as built
    where exists (
        select 1
        from affected_visitors
        where affected_visitors.channel = built.channel
            and affected_visitors.visitor_id = built.visitor_id
    )
        and not exists (
            select 1
            from new_events
            where new_events.channel = built.channel
                and new_events.event_id = built.event_id
        )

),

scoped_events as (

    select {{ event_columns }} from history

    union all

    select {{ event_columns }} from new_events

),

{% else %}

scoped_events as (

    select {{ event_columns }} from {{ ref('int_journey__web_app_events') }}

),

{% endif %}

identified as (

    select
        scoped_events.*,
        case when scoped_events.channel = 'web' then scoped_events.visitor_id end as anonymous_id,
        case when scoped_events.channel = 'app' then scoped_events.visitor_id end as device_id

    from scoped_events

),

-- the cookie or device is visitor_id: the two columns are not carried through the sort
kept_events as (

    select * exclude (anonymous_id, device_id)
    from identified
    where {{ not_erased('identified', event_identifiers) }}

),

sessionised as (

    {{ sessionise('kept_events') }}

)

select * from sessionised
