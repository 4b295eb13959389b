-- incremental, not a view like the rest of staging: identity, loyalty, touchpoints and the dbt tests read
-- these 8M events, and as a view each read de-duplicated all of them again (4 s at 1M persons). An
-- incremental run stages the lookback's export days and keeps the first delivery of every event
-- (macros/staged_deliveries.sql).
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='delete+insert',
    unique_key='event_id',
    on_schema_change='fail'
) }}

with

source as (

    select * from {{ source('email', 'events') }}
    where {{ delivery_window() }}

),

renamed as (

    select
        trim(event_id) as event_id,
        {{ normalise_email('email') }} as email,
        nullif(trim(campaign_id), '') as campaign_id,
        event_type,
        occurred_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    {{ deduplicate('renamed', 'event_id', '_export_date, _loaded_at, _line_number') }}

),

first_deliveries as (

    {{ first_deliveries('deduplicated', 'event_id') }}

)

select * from first_deliveries
