
-- Fixture for int_calendar__as_of_date
select 
    
    cast('2025-03-05' as DATE)
 as "as_of_date", cast(null as BOOLEAN) as "is_pinned"