
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "identifier_type","identifier_value","block_rule","reason","anchors_linked", 'actual' as "actual_or_expected"
  from (
    -- Junk identifiers, cut from the identity graph (the first rule that applies names the reason):
--   blocklist  the value matches seed identity_junk_blocklist (test@example.com, +447777777777, ...)
--   shared     linked to more distinct anchors (CRM customers, shop accounts, loyalty cards) than
--              var identity_max_anchors_per_identifier: a shop's shared inbox, a kiosk device
-- crm_customer_id and shop_account_id are the records themselves and are never cut by counting.
-- Household phones are the other half of the firewall (int_identity__weak_links); both land in
-- int_identity__blocked_identifiers.

with

 __dbt__cte__int_identity__identifiers as (

-- Fixture for int_identity__identifiers
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('test@example.com' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('someone@example.com' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('noreply@shop.co' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+447777777777' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+447777777123' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_type", 
    
    cast('STOREDEFAULT01' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('shared@inbox.co' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('real@person.co' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('device_id' as character varying)
 as "identifier_type", 
    
    cast('KIOSK' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_type", 
    
    cast('C1' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_type", 
    
    cast('S1' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
),  __dbt__cte__int_identity__edges as (
select 'crm_customer_id' as identifier_a_type, 'C' || range as identifier_a_value, 'email' as identifier_b_type, 'shared@inbox.co' as identifier_b_value from range(1, 7)
union all select 'crm_customer_id', 'C1', 'email', 'real@person.co'
union all select 'shop_account_id', 'S1', 'email', 'real@person.co'
union all select 'shop_account_id', 'S2', 'email', 'real@person.co'
union all select 'loyalty_card_number', 'L1', 'email', 'real@person.co'
union all select 'shop_account_id', 'S' || range, 'device_id', 'KIOSK' from range(1, 8)
),  __dbt__cte__identity_junk_blocklist as (

-- Fixture for identity_junk_blocklist
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('value' as character varying)
 as "match_type", 
    
    cast('test@example.com' as character varying)
 as "pattern", 
    
    cast('test address' as character varying)
 as "reason"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('like' as character varying)
 as "match_type", 
    
    cast('%@example.com' as character varying)
 as "pattern", 
    
    cast('reserved example domain' as character varying)
 as "reason"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('like' as character varying)
 as "match_type", 
    
    cast('noreply@%' as character varying)
 as "pattern", 
    
    cast('no-reply mailbox' as character varying)
 as "reason"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('repeated_digit' as character varying)
 as "match_type", 
    
    cast('7' as character varying)
 as "pattern", 
    
    cast('one repeated digit' as character varying)
 as "reason"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_type", 
    
    cast('like' as character varying)
 as "match_type", 
    
    cast('STOREDEFAULT%' as character varying)
 as "pattern", 
    
    cast('store default card' as character varying)
 as "reason"
), identifiers as (

    select identifier_type, identifier_value from __dbt__cte__int_identity__identifiers

),

edges as (

    select * from __dbt__cte__int_identity__edges

),

blocklist as (

    select * from __dbt__cte__identity_junk_blocklist

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
        and case blocklist.match_type
        when 'value' then identifiers.identifier_value = blocklist.pattern
        when 'like' then identifiers.identifier_value like blocklist.pattern
        when 'repeated_digit' then
            length(identifiers.identifier_value) >= cast(blocklist.pattern as integer)
            and 

    right(
        identifiers.identifier_value,
        cast(blocklist.pattern as integer)
    )
                = repeat(

    right(
        identifiers.identifier_value,
        1
    ), cast(blocklist.pattern as integer))
            and 

    right(
        identifiers.identifier_value,
        1
    ) between '0' and '9'
        else false
    end

),

-- the most specific rule names the reason: an exact value before a pattern
blocklisted as (

    select *
    from blocklist_matches
    qualify row_number() over (partition by identifier_type, identifier_value order by match_rank, blocklist_reason) = 1

),

-- every edge seen from both ends, keeping only the anchor ends
anchor_links as (

    select
        identifier_a_type as identifier_type,
        identifier_a_value as identifier_value,
        identifier_b_type as anchor_type,
        identifier_b_value as anchor_value

    from edges
    where identifier_b_type in ('crm_customer_id', 'shop_account_id', 'loyalty_card_number')

    union all

    select
        identifier_b_type,
        identifier_b_value,
        identifier_a_type,
        identifier_a_value

    from edges
    where identifier_a_type in ('crm_customer_id', 'shop_account_id', 'loyalty_card_number')

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
        or anchor_counts.anchors_linked > 5

),

junk as (

    select
        identifier_type,
        identifier_value,
        case when blocklist_reason is not null then 'blocklist' else 'shared' end as block_rule,
        case
            when blocklist_reason is not null then 'blocklist: ' || blocklist_reason
            else 'shared: linked to ' || cast(anchors_linked as TEXT)
                || ' anchors (limit 5)'
        end as reason,
        anchors_linked

    from candidates

)

select * from junk
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "identifier_type", "identifier_value", "block_rule", "reason", "anchors_linked", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('test@example.com' as character varying)
 as "identifier_value", 
    
    cast('blocklist' as character varying)
 as "block_rule", 
    
    cast('blocklist: test address' as character varying)
 as "reason", 
    
    cast('0' as BIGINT)
 as "anchors_linked"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('someone@example.com' as character varying)
 as "identifier_value", 
    
    cast('blocklist' as character varying)
 as "block_rule", 
    
    cast('blocklist: reserved example domain' as character varying)
 as "reason", 
    
    cast('0' as BIGINT)
 as "anchors_linked"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('noreply@shop.co' as character varying)
 as "identifier_value", 
    
    cast('blocklist' as character varying)
 as "block_rule", 
    
    cast('blocklist: no-reply mailbox' as character varying)
 as "reason", 
    
    cast('0' as BIGINT)
 as "anchors_linked"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+447777777777' as character varying)
 as "identifier_value", 
    
    cast('blocklist' as character varying)
 as "block_rule", 
    
    cast('blocklist: one repeated digit' as character varying)
 as "reason", 
    
    cast('0' as BIGINT)
 as "anchors_linked"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_type", 
    
    cast('STOREDEFAULT01' as character varying)
 as "identifier_value", 
    
    cast('blocklist' as character varying)
 as "block_rule", 
    
    cast('blocklist: store default card' as character varying)
 as "reason", 
    
    cast('0' as BIGINT)
 as "anchors_linked"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('shared@inbox.co' as character varying)
 as "identifier_value", 
    
    cast('shared' as character varying)
 as "block_rule", 
    
    cast('shared: linked to 6 anchors (limit 5)' as character varying)
 as "reason", 
    
    cast('6' as BIGINT)
 as "anchors_linked"
union all
select 
    
    cast('device_id' as character varying)
 as "identifier_type", 
    
    cast('KIOSK' as character varying)
 as "identifier_value", 
    
    cast('shared' as character varying)
 as "block_rule", 
    
    cast('shared: linked to 7 anchors (limit 5)' as character varying)
 as "reason", 
    
    cast('7' as BIGINT)
 as "anchors_linked"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected