
-- Fixture for stg_shop__order_lines
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast(1 as BIGINT)
 as "line_number", cast(null as character varying(256)) as "sku", 
    
    cast(2 as BIGINT)
 as "quantity", cast(null as DOUBLE) as "unit_price", cast(null as DOUBLE) as "line_amount", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"
union all
select 
    
    cast('O1' as character varying)
 as "order_id", 
    
    cast(2 as BIGINT)
 as "line_number", cast(null as character varying(256)) as "sku", 
    
    cast(1 as BIGINT)
 as "quantity", cast(null as DOUBLE) as "unit_price", cast(null as DOUBLE) as "line_amount", cast(null as DATE) as "_export_date", cast(null as TIMESTAMP) as "_loaded_at", cast(null as BIGINT) as "_line_number"