
    
      
    

    create  table
      "fresh"."marts"."fct_order_attribution__dbt_tmp"
  
  (
    order_id varchar not null,
    model varchar not null,
    touchpoint_id varchar,
    customer_id varchar,
    channel varchar not null,
    touchpoint_type varchar,
    credit double not null,
    attributed_revenue double,
    touchpoint_occurred_at timestamp,
    ordered_at timestamp
    
    )
 ;
    
    
    insert into "fresh"."marts"."fct_order_attribution__dbt_tmp" 
  (
    
      
      
      order_id ,
    
      
      
      model ,
    
      
      
      touchpoint_id ,
    
      
      
      customer_id ,
    
      
      
      channel ,
    
      
      
      touchpoint_type ,
    
      
      
      credit ,
    
      
      
      attributed_revenue ,
    
      
      
      touchpoint_occurred_at ,
    
      
      
      ordered_at 
    
  )
 (
      
    select order_id, model, touchpoint_id, customer_id, channel, touchpoint_type, credit, attributed_revenue, touchpoint_occurred_at, ordered_at
    from (
        -- Each order's credit spread over the customer's touchpoints in the var attribution_window_days
-- before it, by three models: first_touch, last_touch and linear. Credits per order and model sum
-- to 1; an order with no such touchpoint (or no known customer) gets one 'unattributed' row, so
-- attributed revenue per model adds up to fct_orders.net_amount.

with

orders as (

    select * from "fresh"."marts"."fct_orders"

),

touchpoints as (

    select * from "fresh"."marts"."fct_touchpoints"
    where customer_id is not null

),

touchpoint_types as (

    select * from "fresh"."reference"."touchpoint_types"
    where is_attributable

),

-- a web or app visit counts once, by its first attributable interaction; purchases, service and
-- system messages (email sent, points) earn no credit (seed touchpoint_types.is_attributable)
eligible_touchpoints as (

    select
        touchpoints.touchpoint_id,
        touchpoints.customer_id,
        touchpoints.channel,
        touchpoints.touchpoint_type,
        touchpoints.occurred_at,
        row_number() over (
            partition by coalesce(touchpoints.session_id, touchpoints.touchpoint_id)
            order by touchpoints.occurred_at, touchpoints.touchpoint_id
        ) as visit_rank

    from touchpoints
    inner join touchpoint_types
        on touchpoints.source = touchpoint_types.source
        and touchpoints.touchpoint_type = touchpoint_types.touchpoint_type

),

candidates as (

    select
        orders.order_id,
        orders.net_amount,
        eligible_touchpoints.touchpoint_id,
        eligible_touchpoints.channel,
        eligible_touchpoints.touchpoint_type,
        eligible_touchpoints.occurred_at,
        row_number() over (
            partition by orders.order_id
            order by eligible_touchpoints.occurred_at, eligible_touchpoints.touchpoint_id
        ) as from_first,
        row_number() over (
            partition by orders.order_id
            order by eligible_touchpoints.occurred_at desc, eligible_touchpoints.touchpoint_id desc
        ) as from_last,
        count(*) over (partition by orders.order_id) as touchpoint_count

    from orders
    inner join eligible_touchpoints
        on orders.customer_id = eligible_touchpoints.customer_id
        and eligible_touchpoints.occurred_at < orders.ordered_at
        and eligible_touchpoints.occurred_at >= 

    (orders.ordered_at + cast(-30 as bigint) * interval 1 day)
    where eligible_touchpoints.visit_rank = 1

),

credited as (

    select order_id, net_amount, touchpoint_id, channel, touchpoint_type, occurred_at,
        'first_touch' as model, 1.0 as credit
    from candidates
    where from_first = 1

    union all

    select order_id, net_amount, touchpoint_id, channel, touchpoint_type, occurred_at,
        'last_touch' as model, 1.0 as credit
    from candidates
    where from_last = 1

    union all

    select order_id, net_amount, touchpoint_id, channel, touchpoint_type, occurred_at,
        'linear' as model, 1.0 / touchpoint_count as credit
    from candidates

),

unattributed as (
    select
        orders.order_id,
        orders.net_amount,
        cast(null as varchar) as touchpoint_id,
        'unattributed' as channel,
        cast(null as varchar) as touchpoint_type,
        cast(null as timestamp) as occurred_at,
        'first_touch' as model,
        1.0 as credit

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)
    union all
    select
        orders.order_id,
        orders.net_amount,
        cast(null as varchar) as touchpoint_id,
        'unattributed' as channel,
        cast(null as varchar) as touchpoint_type,
        cast(null as timestamp) as occurred_at,
        'last_touch' as model,
        1.0 as credit

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)
    union all
    select
        orders.order_id,
        orders.net_amount,
        cast(null as varchar) as touchpoint_id,
        'unattributed' as channel,
        cast(null as varchar) as touchpoint_type,
        cast(null as timestamp) as occurred_at,
        'linear' as model,
        1.0 as credit

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)
    

),

attribution as (

    select * from credited
    union all
    select * from unattributed

),

final as (

    select
        ---------- ids
        attribution.order_id,
        attribution.model,
        attribution.touchpoint_id,
        orders.customer_id,

        ---------- attributes
        attribution.channel,
        attribution.touchpoint_type,

        ---------- measures
        cast(attribution.credit as double) as credit,
        cast(attribution.credit * attribution.net_amount as double) as attributed_revenue,

        ---------- timestamps
        attribution.occurred_at as touchpoint_occurred_at,
        orders.ordered_at

    from attribution
    inner join orders
        on attribution.order_id = orders.order_id

)

select * from final
    ) as model_subq
    );
  