
    
    select
      count(*) as failures,
      count(*) != 0 as should_warn,
      count(*) != 0 as should_error
    from (
      
    
  -- Catches an order whose credits under one attribution model do not add up to 1 (a touchpoint
-- counted twice, a missing 'unattributed' row, a rounding slip) and an order missing from a model.


with

credits as (

    select
        order_id,
        model,
        sum(credit) as total_credit

    from "fresh"."marts"."fct_order_attribution"
    group by order_id, model

),

expected as (

    select
        orders.order_id,
        models.model

    from "fresh"."marts"."fct_orders" as orders
    cross join (
        select 'first_touch' as model
        union all select 'last_touch'
        union all select 'linear'
    ) as models

)

select
    expected.order_id,
    expected.model,
    credits.total_credit

from expected
left join credits
    on expected.order_id = credits.order_id
    and expected.model = credits.model
where credits.total_credit is null
    or abs(credits.total_credit - 1) > 1e-9
  
  
      
    ) dbt_internal_test