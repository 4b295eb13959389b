-- The bridge's rows: every identifier of every published customer, i.e. of a known cluster (more than
-- cookies and devices) that is not erased. Unique by (identifier_type, identifier_value), as
-- int_identity__customer_ids is. Blocked identifiers, anonymous cookies and devices never linked to a
-- person, and erased customers are absent. marts.bdg_customer_identifiers publishes it; the journey
-- lookup and the loyalty models read it here (intermediate never reads a mart).

with

customer_ids as (

    select * from {{ ref('int_identity__customer_ids') }}
    where is_known

),

erasures as (

    select * from {{ ref('int_identity__erasures') }}

),

not_erased as (

    select
        customer_ids.customer_id,
        customer_ids.identifier_type,
        customer_ids.identifier_value,
        customer_ids.first_seen_at,
        customer_ids.last_seen_at,
        customer_ids.source_mask

    from customer_ids
    left join erasures
        on customer_ids.customer_id = erasures.customer_id
    where erasures.customer_id is null

),

named_sources as (

    select
        not_erased.*,
        {{ identity_source_names('not_erased.source_mask') }} as sources

    from not_erased

)

select * from named_sources
