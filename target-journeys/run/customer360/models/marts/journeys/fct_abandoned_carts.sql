
    
      
    

    create  table
      "fresh"."marts"."fct_abandoned_carts__dbt_tmp"
  
  (
    cart_id varchar not null,
    customer_id varchar,
    shop_account_id varchar,
    anonymous_id varchar,
    source_identifier_type varchar,
    cart_value double,
    hours_idle bigint,
    created_at timestamp,
    last_activity_at timestamp
    
    )
 ;
    
    
    insert into "fresh"."marts"."fct_abandoned_carts__dbt_tmp" 
  (
    
      
      
      cart_id ,
    
      
      
      customer_id ,
    
      
      
      shop_account_id ,
    
      
      
      anonymous_id ,
    
      
      
      source_identifier_type ,
    
      
      
      cart_value ,
    
      
      
      hours_idle ,
    
      
      
      created_at ,
    
      
      
      last_activity_at 
    
  )
 (
      
    select cart_id, customer_id, shop_account_id, anonymous_id, source_identifier_type, cart_value, hours_idle, created_at, last_activity_at
    from (
        -- Carts with activity but no order, idle for at least var abandoned_cart_after_hours before the end
-- of as_of_date.

with

carts as (

    select * from "fresh"."staging"."stg_shop__carts"

),

as_of as (

    select
        as_of_date,
        

    (as_of_date + cast(1 as bigint) * interval 1 day) as as_of_end

    from "fresh"."intermediate"."int_calendar__as_of_date"

),

abandoned as (

    select
        carts.cart_id,
        carts.shop_account_id,
        carts.anonymous_id,
        carts.cart_value,
        carts.created_at,
        carts.last_activity_at,
        
        (date_diff('hour', carts.last_activity_at::timestamp, as_of.as_of_end::timestamp ))
     as hours_idle

    from carts
    cross join as_of
    where carts.order_id is null
        and (coalesce(carts.cart_value, 0) > 0 or carts.last_activity_at > carts.created_at)
        and carts.created_at < as_of.as_of_end
        and carts.last_activity_at <= 

    (as_of.as_of_end + cast(-24 as bigint) * interval 1 hour)

),

resolved as (

    select
        abandoned.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'anonymous_id'
            when abandoned.shop_account_id is not null then 'shop_account_id'
            when abandoned.anonymous_id is not null then 'anonymous_id'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then abandoned.shop_account_id
            when lookup_2.customer_id is not null then abandoned.anonymous_id
            when abandoned.shop_account_id is not null then abandoned.shop_account_id
            when abandoned.anonymous_id is not null then abandoned.anonymous_id
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false)
        ) as is_erased

    from abandoned
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = abandoned.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'anonymous_id'
        and lookup_2.identifier_value = abandoned.anonymous_id

),

final as (

    select
        ---------- ids
        cart_id,
        customer_id,
        shop_account_id,
        anonymous_id,
        source_identifier_type,

        ---------- measures
        cart_value,
        cast(hours_idle as bigint) as hours_idle,

        ---------- timestamps
        created_at,
        last_activity_at

    from resolved
    where not is_erased

)

select * from final
    ) as model_subq
    );
  