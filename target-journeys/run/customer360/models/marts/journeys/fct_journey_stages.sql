
    
      
    

    create  table
      "fresh"."marts"."fct_journey_stages__dbt_tmp"
  
  (
    customer_id varchar not null,
    stage varchar not null,
    stage_order integer,
    touchpoint_id varchar,
    channel varchar,
    channel_path varchar,
    previous_stage varchar,
    days_since_previous_stage bigint,
    days_since_first_touch bigint,
    reached_at timestamp not null
    
    )
 ;
    
    
    insert into "fresh"."marts"."fct_journey_stages__dbt_tmp" 
  (
    
      
      
      customer_id ,
    
      
      
      stage ,
    
      
      
      stage_order ,
    
      
      
      touchpoint_id ,
    
      
      
      channel ,
    
      
      
      channel_path ,
    
      
      
      previous_stage ,
    
      
      
      days_since_previous_stage ,
    
      
      
      days_since_first_touch ,
    
      
      
      reached_at 
    
  )
 (
      
    select customer_id, stage, stage_order, touchpoint_id, channel, channel_path, previous_stage, days_since_previous_stage, days_since_first_touch, reached_at
    from (
        -- One row per customer and journey stage reached (seed journey_stages), as of as_of_date, with the
-- days since the stage reached before it and, on first_purchase, the channel path that led there.

with

touchpoints as (

    select * from "fresh"."marts"."fct_touchpoints"
    where customer_id is not null

),

orders as (

    select * from "fresh"."marts"."fct_orders"
    where customer_order_number is not null

),

touchpoint_types as (

    select * from "fresh"."reference"."touchpoint_types"

),

journey_stages as (

    select * from "fresh"."reference"."journey_stages"

),

as_of as (

    select
        as_of_date,
        

    (as_of_date + cast(1 as bigint) * interval 1 day) as as_of_end

    from "fresh"."intermediate"."int_calendar__as_of_date"

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
        

    (max(purchases.ordered_at) + cast(180 as bigint) * interval 1 day) as reached_at,
        cast(null as varchar) as touchpoint_id,
        cast(null as varchar) as channel

    from purchases
    group by purchases.customer_id
    having 

    (max(purchases.ordered_at) + cast(180 as bigint) * interval 1 day) < (select as_of_end from as_of)

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
        
    string_agg(
        channel,
        ' > '
        order by occurred_at, is_purchase, touchpoint_id
        ) as channel_path

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
        
        (date_diff('day', lag(reached.reached_at) over (partition by reached.customer_id order by reached.reached_at, journey_stages.stage_order)::timestamp, reached.reached_at::timestamp ))
     as days_since_previous_stage,
        
        (date_diff('day', min(reached.reached_at) over (partition by reached.customer_id)::timestamp, reached.reached_at::timestamp ))
     as days_since_first_touch,

        ---------- timestamps
        reached.reached_at

    from reached
    inner join journey_stages
        on reached.stage = journey_stages.stage
    left join paths
        on reached.customer_id = paths.customer_id

)

select * from stages
    ) as model_subq
    );
  