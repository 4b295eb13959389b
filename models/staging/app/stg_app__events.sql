-- incremental, not a view like the rest of staging: identity, sessions and the dbt tests read these 12M
-- events, and as a view each read de-duplicated all of them again (6 s at 1M persons). An incremental
-- run stages the lookback's export days and keeps the first delivery of every event
-- (macros/staged_deliveries.sql).
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key='event_id',
    on_schema_change='fail'
) }}

with

source as (

    select * from {{ source('app', 'events') }}
    where {{ delivery_window() }}

),

renamed as (

    select
        ---------- ids
        trim(event_id) as event_id,
        trim(device_id) as device_id,
        -- app_user_id is the shop account once the user has logged in
        nullif(trim(app_user_id), '') as shop_account_id,

        ---------- attributes
        platform,
        event_type,

        ---------- timestamps
        occurred_at,
        coalesce(received_at, occurred_at) as received_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a duplicate delivery of an event counts once: the first delivery wins
deduplicated as (

    {{ deduplicate('renamed', 'event_id', '_export_date, _loaded_at, _line_number') }}

),

first_deliveries as (

    {{ first_deliveries('deduplicated', 'event_id') }}

)

select * from first_deliveries
