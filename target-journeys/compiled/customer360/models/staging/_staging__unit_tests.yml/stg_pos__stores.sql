
-- Fixture for stg_pos__stores
select 
    
    cast('S01' as character varying)
 as "store_id", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", 
    
    cast('Europe/London' as character varying)
 as "timezone", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('S02' as character varying)
 as "store_id", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", 
    
    cast('Europe/London' as character varying)
 as "timezone", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('S03' as character varying)
 as "store_id", cast(null as character varying(256)) as "city", cast(null as character varying(256)) as "country", 
    
    cast('Europe/Amsterdam' as character varying)
 as "timezone", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"