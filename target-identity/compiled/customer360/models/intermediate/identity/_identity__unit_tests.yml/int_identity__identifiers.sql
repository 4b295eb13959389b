
-- Fixture for int_identity__identifiers
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+441130000001' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+441130000002' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+447700900005' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+447700900006' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+441130000003' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"
union all
select 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('+447700900007' as character varying)
 as "identifier_value", cast(null as INTEGER) as "type_priority", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as HUGEINT) as "record_count", cast(null as INTEGER) as "source_mask", cast(null as character varying(256)) as "sources"