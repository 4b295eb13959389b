-- The bridge: every identifier of every customer. Facts carry the identifier they arrived with and
-- get their customer_id here, so a merge re-keys history without re-reading it. Unique by
-- (identifier_type, identifier_value): a join never fans out. Blocked (junk, shared, household)
-- identifiers, anonymous cookies and devices never linked to a person, and erased customers are
-- absent: such facts get no customer_id.

with

customer_ids as (

    select * from "warehouse"."intermediate"."int_identity__customer_ids"
    where is_known

),

erasures as (

    select * from "warehouse"."intermediate"."int_identity__erasures"

),

bridge as (

    select
        customer_ids.customer_id,
        customer_ids.identifier_type,
        customer_ids.identifier_value,
        customer_ids.first_seen_at,
        customer_ids.last_seen_at,
        concat_ws(',',
        case when (customer_ids.source_mask & 1) <> 0 then 'crm' end,
        case when (customer_ids.source_mask & 2) <> 0 then 'loyalty' end,
        case when (customer_ids.source_mask & 4) <> 0 then 'shop' end,
        case when (customer_ids.source_mask & 8) <> 0 then 'pos' end,
        case when (customer_ids.source_mask & 16) <> 0 then 'survey' end,
        case when (customer_ids.source_mask & 32) <> 0 then 'reviews' end,
        case when (customer_ids.source_mask & 64) <> 0 then 'care' end,
        case when (customer_ids.source_mask & 128) <> 0 then 'email' end,
        case when (customer_ids.source_mask & 256) <> 0 then 'app' end,
        case when (customer_ids.source_mask & 512) <> 0 then 'web' end
    ) as sources

    from customer_ids
    left join erasures
        on customer_ids.customer_id = erasures.customer_id
    where erasures.customer_id is null

)

select * from bridge