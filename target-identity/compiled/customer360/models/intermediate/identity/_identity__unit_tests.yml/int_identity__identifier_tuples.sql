
-- Fixture for int_identity__identifier_tuples
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('ANN' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+441130000001' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('ann' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('BOB' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+441130000001' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('bob' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('CY' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+441130000002' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('cy' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('DI' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900099' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('di' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('ED' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900005' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('ed' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('accounts' as character varying)
 as "entity", 
    
    cast(null as character varying(256))
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('ED-S' as character varying)
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900005' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('ed' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('JON1' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900006' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('jonathan' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('JON2' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900006' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('jonahtan' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('FIN' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+441130000003' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('finley' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('ROI' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast(null as character varying(256))
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('roisin' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('crm' as character varying)
 as "source", 
    
    cast('customers' as character varying)
 as "entity", 
    
    cast('KIM' as character varying)
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast(null as character varying(256))
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900007' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('kim' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('accounts' as character varying)
 as "entity", 
    
    cast(null as character varying(256))
 as "crm_customer_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('KIM-S' as character varying)
 as "shop_account_id", cast(null as character varying(256)) as "email", 
    
    cast('+447700900007' as character varying)
 as "phone", cast(null as character varying(256)) as "social_handle", cast(null as character varying(256)) as "device_id", cast(null as character varying(256)) as "anonymous_id", 
    
    cast('kim' as character varying)
 as "person_name", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as BIGINT) as "record_count"