-- Junk identifiers, cut from the identity graph (the first rule that applies names the reason):
--   blocklist  the value matches seed identity_junk_blocklist (test@example.com, +447777777777, ...)
--   shared     linked to more distinct anchors (CRM customers, shop accounts, loyalty cards) than
--              var identity_max_anchors_per_identifier: a shop's shared inbox, a kiosk device
-- crm_customer_id and shop_account_id are the records themselves and are never cut by counting.
-- Household phones are the other half of the firewall (int_identity__weak_links); both land in
-- int_identity__blocked_identifiers.

{%- set anchor_types = var('identity_anchor_types') %}
{%- set max_anchors = var('identity_max_anchors_per_identifier') %}

with

identifiers as (

    select identifier_type, identifier_value from {{ ref('int_identity__identifiers') }}

),

edges as (

    select * from {{ ref('int_identity__edges') }}

),

blocklist as (

    select * from {{ ref('identity_junk_blocklist') }}

),

blocklist_matches as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        blocklist.reason as blocklist_reason,
        case blocklist.match_type when 'value' then 1 when 'like' then 2 else 3 end as match_rank

    from identifiers
    inner join blocklist
        on identifiers.identifier_type = blocklist.identifier_type
        and {{ matches_pattern('identifiers.identifier_value', 'blocklist.match_type', 'blocklist.pattern') }}

),

-- the most specific rule names the reason: an exact value before a pattern
blocklisted as (

    {{ deduplicate('blocklist_matches', 'identifier_type, identifier_value', 'match_rank, blocklist_reason') }}

),

-- every edge seen from both ends, keeping only the anchor ends
anchor_links as (

    select
        identifier_a_type as identifier_type,
        identifier_a_value as identifier_value,
        identifier_b_type as anchor_type,
        identifier_b_value as anchor_value

    from edges
    where identifier_b_type in ('{{ anchor_types | join("', '") }}')

    union all

    select
        identifier_b_type,
        identifier_b_value,
        identifier_a_type,
        identifier_a_value

    from edges
    where identifier_a_type in ('{{ anchor_types | join("', '") }}')

),

-- edges are distinct pairs, so each linked anchor is one row
anchor_counts as (

    select
        identifier_type,
        identifier_value,
        count(*) as anchors_linked

    from anchor_links
    where identifier_type not in ('crm_customer_id', 'shop_account_id')
    group by identifier_type, identifier_value

),

candidates as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        blocklisted.blocklist_reason,
        coalesce(anchor_counts.anchors_linked, 0) as anchors_linked

    from identifiers
    left join blocklisted
        on identifiers.identifier_type = blocklisted.identifier_type
        and identifiers.identifier_value = blocklisted.identifier_value
    left join anchor_counts
        on identifiers.identifier_type = anchor_counts.identifier_type
        and identifiers.identifier_value = anchor_counts.identifier_value
    where
        blocklisted.blocklist_reason is not null
        or anchor_counts.anchors_linked > {{ max_anchors }}

),

junk as (

    select
        identifier_type,
        identifier_value,
        case when blocklist_reason is not null then 'blocklist' else 'shared' end as block_rule,
        case
            when blocklist_reason is not null then 'blocklist: ' || blocklist_reason
            else 'shared: linked to ' || cast(anchors_linked as {{ dbt.type_string() }})
                || ' anchors (limit {{ max_anchors }})'
        end as reason,
        anchors_linked

    from candidates

)

select * from junk
