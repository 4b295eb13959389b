
-- Fixture for int_identity__edges
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('ANN' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000001' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('BOB' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000001' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('CY' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000002' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_a_type", 
    
    cast('DI-L' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000002' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('DI' as character varying)
 as "identifier_a_value", 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_b_type", 
    
    cast('DI-L' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('FIN' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000003' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('FIN' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('fin@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('fin@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000003' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_a_type", 
    
    cast('LC-R' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000003' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_a_type", 
    
    cast('LC-R' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('roisin@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('roisin@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000003' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('ROI' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('roisin@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('NIA' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000004' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('NIA' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('nia@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('nia@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000004' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_a_type", 
    
    cast('LC-E' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000004' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_a_type", 
    
    cast('LC-E' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('ella@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('ella@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000004' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('ED' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900005' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_a_type", 
    
    cast('ED-S' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900005' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_a_type", 
    
    cast('ED-L' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900005' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('ED' as character varying)
 as "identifier_a_value", 
    
    cast('loyalty_card_number' as character varying)
 as "identifier_b_type", 
    
    cast('ED-L' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('JON1' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900006' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('JON2' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900006' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('SA1' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000007' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('SA2' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+441130000007' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('KIM' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900008' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('crm_customer_id' as character varying)
 as "identifier_a_type", 
    
    cast('KIM' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('kim1@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('kim1@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900008' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_a_type", 
    
    cast('KIM-S' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900008' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('shop_account_id' as character varying)
 as "identifier_a_type", 
    
    cast('KIM-S' as character varying)
 as "identifier_a_value", 
    
    cast('email' as character varying)
 as "identifier_b_type", 
    
    cast('kim2@x.io' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('kim2@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900008' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('email' as character varying)
 as "identifier_a_type", 
    
    cast('kim3@x.io' as character varying)
 as "identifier_a_value", 
    
    cast('phone' as character varying)
 as "identifier_b_type", 
    
    cast('+447700900008' as character varying)
 as "identifier_b_value", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"