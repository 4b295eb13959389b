
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