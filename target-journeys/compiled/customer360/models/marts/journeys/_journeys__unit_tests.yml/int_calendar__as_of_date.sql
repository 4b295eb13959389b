
-- Fixture for int_calendar__as_of_date
select 
    
    cast('2025-08-01' as DATE)
 as "as_of_date", cast(null as BOOLEAN) as "is_pinned"