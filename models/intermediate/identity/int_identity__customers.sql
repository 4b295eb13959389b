-- The published customers, one row each: every known, non-erased cluster of
-- int_identity__customer_identifiers, with first and last seen, the sources it appears in (a mask)
-- and its identifiers counted per type. marts.dim_customers adds the golden record, home store and
-- consent; loyalty reads this set to keep erased people out of every figure.

{%- set identifier_types = identity_identifier_types() %}

with

customer_identifiers as (

    select * from {{ ref('int_identity__customer_identifiers') }}

),

customers as (

    select
        customer_id,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        bit_or(source_mask) as source_mask,
        {%- for identifier_type in identifier_types %}
        sum(case when identifier_type = '{{ identifier_type }}' then 1 else 0 end) as {{ identifier_type }}_count{{ ',' if not loop.last }}
        {%- endfor %}

    from customer_identifiers
    group by customer_id

)

select * from customers
