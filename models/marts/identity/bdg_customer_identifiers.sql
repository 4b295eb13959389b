-- The bridge: every identifier of every customer. Facts carry the identifier they arrived with and
-- get their customer_id here, so a merge re-keys history without re-reading it. Unique by
-- (identifier_type, identifier_value): a join never fans out. Blocked (junk, shared, household)
-- identifiers, anonymous cookies and devices never linked to a person, and erased customers are
-- absent: such facts get no customer_id. Built in int_identity__customer_identifiers.

with

customer_identifiers as (

    select * from {{ ref('int_identity__customer_identifiers') }}

),

bridge as (

    select
        customer_id,
        identifier_type,
        identifier_value,
        first_seen_at,
        last_seen_at,
        sources

    from customer_identifiers

)

select * from bridge
