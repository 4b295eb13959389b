-- One row per customer and journey stage reached (seed journey_stages), as of as_of_date, with the
-- days since the stage reached before it and, on first_purchase, the channel path that led there.
-- incremental by customer: a run rebuilds only the customers int_journey__stage_inputs marks pending
-- (their touchpoints, purchases or lapse as of as_of_date changed, or they are gone): the pre-hook
-- deletes their rows, the model inserts them again, the post-hook marks them taken. Every figure is
-- one customer's, so the others' rows stay as a full build would make them.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook=["{% if is_incremental() %}delete from {{ this }} where customer_id in (select customer_id from {{ ref('int_journey__stage_inputs') }} where is_pending){% endif %}"],
    post_hook=["update {{ ref('int_journey__stage_inputs') }} set is_pending = false where is_pending"]
) }}
-- depends_on: {{ ref('int_journey__stage_inputs') }}

with

{% if is_incremental() %}

pending_customers as (

    select customer_id from {{ ref('int_journey__stage_inputs') }}
    where is_pending

),

touchpoints as (

    select * from {{ ref('fct_touchpoints') }}
    where customer_id in (select customer_id from pending_customers)

),

orders as (

    select * from {{ ref('fct_orders') }}
    where customer_order_number is not null
        and customer_id in (select customer_id from pending_customers)

),

{% else %}

touchpoints as (

    select * from {{ ref('fct_touchpoints') }}
    where customer_id is not null

),

orders as (

    select * from {{ ref('fct_orders') }}
    where customer_order_number is not null

),

{% endif %}

touchpoint_types as (

    select * from {{ ref('touchpoint_types') }}

),

journey_stages as (

    select * from {{ ref('journey_stages') }}

),

as_of as (

    select
        as_of_date,
        {{ dbt.dateadd('day', 1, 'as_of_date') }} as as_of_end

    from {{ ref('int_calendar__as_of_date') }}

),

typed_touchpoints as (

    select
        touchpoints.*,
        touchpoint_types.is_engagement,
        touchpoint_types.is_attributable,
        touchpoints.touchpoint_type in ('nps_promoter', 'review_positive') as is_advocacy

    from touchpoints
    left join touchpoint_types
        on touchpoints.source = touchpoint_types.source
        and touchpoints.touchpoint_type = touchpoint_types.touchpoint_type

),

purchases as (

    select
        customer_id,
        order_id,
        case when channel = 'store' then 'store:' else 'order:' end || order_id as touchpoint_id,
        case when channel = 'store' then 'store' else device_channel end as channel,
        ordered_at,
        customer_order_number

    from orders

),

---------- the moment each stage was reached

first_touches as (

    select
        customer_id,
        'first_touch' as stage,
        occurred_at as reached_at,
        touchpoint_id,
        channel,
        row_number() over (partition by customer_id order by occurred_at, touchpoint_id) as touch_rank

    from typed_touchpoints

),

engagements as (

    select
        customer_id,
        'engaged' as stage,
        occurred_at as reached_at,
        touchpoint_id,
        channel,
        row_number() over (partition by customer_id order by occurred_at, touchpoint_id) as touch_rank

    from typed_touchpoints
    where is_engagement

),

advocacies as (

    select
        customer_id,
        'advocate' as stage,
        occurred_at as reached_at,
        touchpoint_id,
        channel,
        row_number() over (partition by customer_id order by occurred_at, touchpoint_id) as touch_rank

    from typed_touchpoints
    where is_advocacy

),

purchase_stages as (

    select
        customer_id,
        case customer_order_number when 1 then 'first_purchase' else 'repeat_purchase' end as stage,
        ordered_at as reached_at,
        touchpoint_id,
        channel

    from purchases
    where customer_order_number <= 2

),

lapses as (

    select
        purchases.customer_id,
        'lapsed' as stage,
        {{ dbt.dateadd('day', var('churn_after_days'), 'max(purchases.ordered_at)') }} as reached_at,
        cast(null as {{ dbt.type_string() }}) as touchpoint_id,
        cast(null as {{ dbt.type_string() }}) as channel

    from purchases
    group by purchases.customer_id
    having {{ dbt.dateadd('day', var('churn_after_days'), 'max(purchases.ordered_at)') }} < (select as_of_end from as_of)

),

reached as (

    select customer_id, stage, reached_at, touchpoint_id, channel from first_touches where touch_rank = 1
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from engagements where touch_rank = 1
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from purchase_stages
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from advocacies where touch_rank = 1
    union all
    select customer_id, stage, reached_at, touchpoint_id, channel from lapses

),

---------- the channels that led to the first purchase

first_purchases as (

    select * from purchase_stages where stage = 'first_purchase'

),

path_steps as (

    select
        typed_touchpoints.customer_id,
        typed_touchpoints.channel,
        typed_touchpoints.occurred_at,
        0 as is_purchase,
        typed_touchpoints.touchpoint_id

    from typed_touchpoints
    inner join first_purchases
        on typed_touchpoints.customer_id = first_purchases.customer_id
        and typed_touchpoints.occurred_at < first_purchases.reached_at
    where typed_touchpoints.is_attributable

    union all

    select
        customer_id,
        channel,
        reached_at,
        1 as is_purchase,
        touchpoint_id

    from first_purchases

),

-- consecutive touches in one channel are one step: 'web > email > web > store'
path_changes as (

    select
        path_steps.*,
        lag(channel) over (
            partition by customer_id
            order by occurred_at, is_purchase, touchpoint_id
        ) as previous_channel

    from path_steps

),

paths as (

    select
        customer_id,
        {{ ordered_listagg('channel', ' > ', ['occurred_at', 'is_purchase', 'touchpoint_id']) }} as channel_path

    from path_changes
    where previous_channel is null or previous_channel <> channel
    group by customer_id

),

stages as (

    select
        ---------- ids
        reached.customer_id,
        reached.stage,
        journey_stages.stage_order,
        reached.touchpoint_id,

        ---------- attributes
        reached.channel,
        case when reached.stage = 'first_purchase' then paths.channel_path end as channel_path,
        lag(reached.stage) over (
            partition by reached.customer_id
            order by reached.reached_at, journey_stages.stage_order
        ) as previous_stage,

        ---------- measures
        {{ dbt.datediff(
            "lag(reached.reached_at) over (partition by reached.customer_id order by reached.reached_at, journey_stages.stage_order)",
            'reached.reached_at',
            'day'
        ) }} as days_since_previous_stage,
        {{ dbt.datediff(
            "min(reached.reached_at) over (partition by reached.customer_id)",
            'reached.reached_at',
            'day'
        ) }} as days_since_first_touch,

        ---------- timestamps
        reached.reached_at

    from reached
    inner join journey_stages
        on reached.stage = journey_stages.stage
    left join paths
        on reached.customer_id = paths.customer_id

)

select * from stages
