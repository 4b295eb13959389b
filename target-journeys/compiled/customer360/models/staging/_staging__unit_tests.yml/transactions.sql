
-- Fixture for transactions
select 
    
    cast('X1' as character varying)
 as "transaction_id", 
    
    cast('S01' as character varying)
 as "store_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('2025-07-01 12:00:00' as TIMESTAMP)
 as "transacted_at", 
    
    cast(10 as DOUBLE)
 as "total_amount", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-07-01' as DATE)
 as "_export_date", 
    
    cast('2025-07-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('X2' as character varying)
 as "transaction_id", 
    
    cast('S02' as character varying)
 as "store_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('2025-01-01 12:00:00' as TIMESTAMP)
 as "transacted_at", 
    
    cast(10 as DOUBLE)
 as "total_amount", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"
union all
select 
    
    cast('X3' as character varying)
 as "transaction_id", 
    
    cast('S03' as character varying)
 as "store_id", cast(null as character varying(256)) as "loyalty_card_number", 
    
    cast('2025-07-01 00:30:00' as TIMESTAMP)
 as "transacted_at", 
    
    cast(10 as DOUBLE)
 as "total_amount", cast(null as character varying(256)) as "currency", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-07-01' as DATE)
 as "_export_date", 
    
    cast('2025-07-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"