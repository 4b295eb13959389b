
    -- Build actual result given inputs
with dbt_internal_unit_test_actual as (
  select
    "ticket_id","social_handle", 'actual' as "actual_or_expected"
  from (
    with

 __dbt__cte__care__tickets as (

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
), source as (

    select * from __dbt__cte__care__tickets

),

renamed as (

    select
        ---------- ids
        trim(ticket_id) as ticket_id,
        case
        when lower(trim(contact_email)) like '%_@_%._%' then lower(trim(contact_email))
    end as contact_email,
        case when regexp_matches(case
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end, '^\+[1-9][0-9]{7,14}$') then case
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '+%' then '+' || regexp_replace(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), '[^0-9]', '', 'g')
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '00%' then '+' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 3)
            when regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g') like '0%' then '+44' || substr(regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g'), 2)
            else '+' || regexp_replace(regexp_replace(contact_phone, '\(0\)', '', 'g'), '[^0-9+]', '', 'g')
        end end as contact_phone,
        nullif(lower(ltrim(trim(social_handle), '@')), '') as social_handle,

        ---------- attributes
        channel,
        csat_score,

        ---------- timestamps
        opened_at,
        first_response_at,
        resolved_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a ticket is exported again as it is answered and resolved: the latest version wins
latest as (

    select *
    from renamed
    qualify row_number() over (partition by ticket_id order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from latest
  ) _dbt_internal_unit_test_actual
),
-- Build expected result
dbt_internal_unit_test_expected as (
  select
    "ticket_id", "social_handle", 'expected' as "actual_or_expected"
  from (
    select 
    
    cast('T1' as character varying)
 as "ticket_id", 
    
    cast('jane_d' as character varying)
 as "social_handle"
  ) _dbt_internal_unit_test_expected
)
-- Union actual and expected results
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected