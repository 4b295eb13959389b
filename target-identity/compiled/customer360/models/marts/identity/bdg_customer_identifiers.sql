-- The bridge: every identifier of every customer. Facts carry the identifier they arrived with and
-- get their customer_id here, so a merge re-keys history without re-reading it. Unique by
-- (identifier_type, identifier_value): a join never fans out. Blocked (junk, shared, household)
-- identifiers, anonymous cookies and devices never linked to a person, and erased customers are
-- absent: such facts get no customer_id.

with

customer_ids as (

    select * from "b100k"."intermediate"."int_identity__customer_ids"
    where is_known

),

identifiers as (

    select * from "b100k"."intermediate"."int_identity__identifiers"

),

erasures as (

    select * from "b100k"."intermediate"."int_identity__erasures"

),

bridge as (

    select
        customer_ids.customer_id,
        customer_ids.identifier_type,
        customer_ids.identifier_value,
        identifiers.first_seen_at,
        identifiers.last_seen_at,
        identifiers.sources

    from customer_ids
    inner join identifiers
        on customer_ids.identifier_type = identifiers.identifier_type
        and customer_ids.identifier_value = identifiers.identifier_value
    left join erasures
        on customer_ids.customer_id = erasures.customer_id
    where erasures.customer_id is null

)

select * from bridge