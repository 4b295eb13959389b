
-- Fixture for stg_pos__transactions
select 
    
    cast('X1' as character varying)
 as "transaction_id", 
    
    cast('S1' as character varying)
 as "store_id", 
    
    cast('LC1' as character varying)
 as "loyalty_card_number", 
    
    cast(30.0 as DOUBLE)
 as "total_amount", 
    
    cast('GBP' as character varying)
 as "currency", cast(null as TIMESTAMP) as "transacted_at_local", 
    
    cast('2025-03-04 14:00:00' as TIMESTAMP)
 as "transacted_at", cast(null as BOOLEAN) as "is_store_unknown", 
    
    cast('2025-03-04' as DATE)
 as "_export_date", cast(null as TIMESTAMP) as "_loaded_at"