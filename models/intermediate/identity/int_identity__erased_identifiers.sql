-- Every identifier of an erased customer, and every identifier an erasure request or the ledger names
-- even when no customer holds it. Marts that keep facts by identifier drop the facts
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

requested as (

    select * from {{ ref('int_identity__erasure_requests') }}

),

-- a junk value shared by many people (a blocklisted or over-shared email) is not erased with one of them
blocked as (

    select * from {{ ref('int_identity__blocked_identifiers') }}

),

erased_identifiers as (

    select
        customer_ids.identifier_type,
        customer_ids.identifier_value

    from customer_ids
    inner join erasures
        on customer_ids.customer_id = erasures.customer_id

    union

    select
        requested.identifier_type,
        requested.identifier_value

    from requested
    where not exists (
        select 1 from blocked
        where blocked.identifier_type = requested.identifier_type
            and blocked.identifier_value = requested.identifier_value
    )

)

select * from erased_identifiers
