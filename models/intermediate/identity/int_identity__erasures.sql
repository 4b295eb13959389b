-- One row per erased customer: a right-to-erasure request (by CRM customer id or email, as soon as it
-- arrives), or an identifier erased in an earlier run (the erasure ledger), erases the
-- whole cluster of that person from every mart (int_identity__erasure_requests). count(*) here is
-- the number of erased customers; int_identity__erased_identifiers lists what to filter facts by.
-- A request naming a blocked (junk) identifier only erases through its other identifier.

with

requested_identifiers as (

    select * from {{ ref('int_identity__erasure_requests') }}

),

customer_ids as (

    select * from {{ ref('int_identity__customer_ids') }}

),

erased_customers as (

    select
        customer_ids.customer_id,
        min(requested_identifiers.requested_at) as first_requested_at,
        count(*) as requests_matched

    from requested_identifiers
    inner join customer_ids
        on requested_identifiers.identifier_type = customer_ids.identifier_type
        and requested_identifiers.identifier_value = customer_ids.identifier_value
    group by customer_ids.customer_id

),

cluster_sizes as (

    select
        customer_id,
        count(*) as identifiers_erased

    from customer_ids
    where customer_id in (select erased_customers.customer_id from erased_customers)
    group by customer_id

),

erasures as (

    select
        erased_customers.customer_id,
        erased_customers.first_requested_at,
        erased_customers.requests_matched,
        cluster_sizes.identifiers_erased

    from erased_customers
    inner join cluster_sizes
        on erased_customers.customer_id = cluster_sizes.customer_id

)

select * from erasures
