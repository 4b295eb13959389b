-- Every identifier of an erased customer. Marts that keep facts by identifier drop the facts
-- carrying one of these (the bridge, dim_customers and customer_id_changes already leave erased
-- customers out):
--   where not exists (select 1 from int_identity__erased_identifiers as erased
--                     where erased.identifier_type = 'email' and erased.identifier_value = facts.email)

with

customer_ids as (

    select * from {{ ref('int_identity__customer_ids') }}

),

erasures as (

    select * from {{ ref('int_identity__erasures') }}

),

erased_identifiers as (

    select
        customer_ids.identifier_type,
        customer_ids.identifier_value

    from customer_ids
    inner join erasures
        on customer_ids.customer_id = erasures.customer_id

)

select * from erased_identifiers
