
-- Fixture for tickets
select 
    
    cast('T1' as character varying)
 as "ticket_id", 
    
    cast('social' as character varying)
 as "channel", cast(null as character varying(256)) as "contact_email", cast(null as character varying(256)) as "contact_phone", 
    
    cast(' @Jane_D ' as character varying)
 as "social_handle", 
    
    cast('2025-01-01 10:00:00' as TIMESTAMP)
 as "opened_at", cast(null as TIMESTAMP) as "first_response_at", cast(null as TIMESTAMP) as "resolved_at", cast(null as BIGINT) as "csat_score", cast(null as character varying(256)) as "_extra", cast(null as character varying(256)) as "_source_file", 
    
    cast(1 as BIGINT)
 as "_line_number", 
    
    cast('2025-01-01' as DATE)
 as "_export_date", 
    
    cast('2025-01-02 00:00:00' as TIMESTAMP)
 as "_loaded_at"