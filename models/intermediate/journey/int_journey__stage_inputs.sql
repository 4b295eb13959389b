-- Which customers fct_journey_stages must rebuild: one row per customer with a fingerprint of
-- everything the mart reads about them (their touchpoints, their purchases and, as of as_of_date,
-- whether their last purchase is more than churn_after_days old), and is_pending: the fingerprint
-- changed since fct_journey_stages last took it (the mart's post-hook clears it). A run writes only
-- the customers whose fingerprint changed; a customer gone since (merged into another, erased) is
-- written with a NULL fingerprint, so the mart deletes their rows.
-- Pending until the mart ran, not "changed in this run": a run that fails between the two models
-- leaves the change for the next run.
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='customer_id',
    on_schema_change='fail'
) }}

with

touchpoints as (

    select * from {{ ref('int_journey__touchpoints') }}
    where customer_id is not null

),

orders as (

    select * from {{ ref('int_journey__orders') }}
    where customer_id is not null

),

touchpoint_types as (

    select * from {{ ref('touchpoint_types') }}

),

journey_stages as (

    select * from {{ ref('journey_stages') }}

),

as_of as (

    select {{ dbt.dateadd('day', 1, 'as_of_date') }} as as_of_end
    from {{ ref('int_calendar__as_of_date') }}

),

-- the seeds and vars the mart reads: a change of any of them changes every customer's fingerprint
settings as (

    select
        (select {{ fingerprint(['touchpoint_type', 'source', 'is_engagement', 'is_attributable']) }} from touchpoint_types)
        as touchpoint_types_fingerprint,
        (select {{ fingerprint(['stage', 'stage_order']) }} from journey_stages) as journey_stages_fingerprint,
        {{ var('churn_after_days') }} as churn_after_days

),

touchpoint_fingerprints as (

    select
        customer_id,
        {{ fingerprint(['touchpoint_id', 'occurred_at', 'channel', 'source', 'touchpoint_type']) }} as touchpoints_fingerprint

    from touchpoints
    group by customer_id

),

-- the mart numbers a customer's purchases that were not cancelled and dates the lapse from the last
order_fingerprints as (

    select
        orders.customer_id,
        {{ fingerprint(['orders.order_id', 'orders.channel', 'orders.device_channel', 'orders.ordered_at', 'orders.status']) }}
            as orders_fingerprint,
        {{ dbt.dateadd('day', var('churn_after_days'), "max(case when orders.status <> 'cancelled' then orders.ordered_at end)") }}
            < max(as_of.as_of_end) as is_lapsed

    from orders
    cross join as_of
    group by orders.customer_id

),

current_fingerprints as (

    select
        coalesce(touchpoint_fingerprints.customer_id, order_fingerprints.customer_id) as customer_id,
        {{ hash_columns([
            'touchpoint_fingerprints.touchpoints_fingerprint',
            'order_fingerprints.orders_fingerprint',
            'order_fingerprints.is_lapsed',
            'settings.touchpoint_types_fingerprint',
            'settings.journey_stages_fingerprint',
            'settings.churn_after_days',
        ]) }} as stage_inputs_fingerprint

    from touchpoint_fingerprints
    full outer join order_fingerprints
        on touchpoint_fingerprints.customer_id = order_fingerprints.customer_id
    cross join settings

),

{% if is_incremental() %}

previous_fingerprints as (

    select customer_id, stage_inputs_fingerprint
    from {{ this }}
    where stage_inputs_fingerprint is not null

),

changed as (

    select
        coalesce(current_fingerprints.customer_id, previous_fingerprints.customer_id) as customer_id,
        current_fingerprints.stage_inputs_fingerprint

    from current_fingerprints
    full outer join previous_fingerprints
        on current_fingerprints.customer_id = previous_fingerprints.customer_id
    where current_fingerprints.stage_inputs_fingerprint
        is distinct from previous_fingerprints.stage_inputs_fingerprint

),

{% else %}

changed as (

    select * from current_fingerprints

),

{% endif %}

final as (

    select
        cast(customer_id as {{ dbt.type_string() }}) as customer_id,
        stage_inputs_fingerprint,
        true as is_pending

    from changed

)

select * from final
