
    

    create  table
      "warehouse"."intermediate"."int_identity__consents__dbt_tmp"
  
    
    as (
      -- Each customer's consent per purpose and channel as of as_of_date: the latest consent event
-- recorded on or before that day, over all the customer's CRM ids. A purpose and channel never
-- granted is false.

with

as_of as (

    select as_of_date from "warehouse"."intermediate"."int_calendar__as_of_date"

),

consents as (

    select * from "warehouse"."staging"."stg_crm__consents"
    where cast(recorded_at as date) <= (select as_of.as_of_date from as_of)

),

customer_ids as (

    select identifier_value, customer_id
    from "warehouse"."intermediate"."int_identity__customer_ids"
    where identifier_type = 'crm_customer_id'

),

customer_consents as (

    select
        customer_ids.customer_id,
        consents.purpose,
        consents.channel,
        consents.is_granted,
        consents.recorded_at

    from consents
    inner join customer_ids
        on consents.crm_customer_id = customer_ids.identifier_value

),

latest as (

    select *
    from customer_consents
    qualify row_number() over (partition by customer_id, purpose, channel order by recorded_at desc, is_granted) = 1

),

pivoted as (

    select
        customer_id,
        bool_or(purpose = 'marketing' and channel = 'email' and is_granted)
            as consent_marketing_email,
        bool_or(purpose = 'marketing' and channel = 'sms' and is_granted)
            as consent_marketing_sms,
        bool_or(purpose = 'marketing' and channel = 'push' and is_granted)
            as consent_marketing_push,
        bool_or(purpose = 'marketing' and channel = 'ads' and is_granted)
            as consent_marketing_ads,
        bool_or(purpose = 'profiling' and channel = 'email' and is_granted)
            as consent_profiling_email,
        bool_or(purpose = 'profiling' and channel = 'sms' and is_granted)
            as consent_profiling_sms,
        bool_or(purpose = 'profiling' and channel = 'push' and is_granted)
            as consent_profiling_push,
        bool_or(purpose = 'profiling' and channel = 'ads' and is_granted)
            as consent_profiling_ads,
        bool_or(purpose = 'personalisation' and channel = 'email' and is_granted)
            as consent_personalisation_email,
        bool_or(purpose = 'personalisation' and channel = 'sms' and is_granted)
            as consent_personalisation_sms,
        bool_or(purpose = 'personalisation' and channel = 'push' and is_granted)
            as consent_personalisation_push,
        bool_or(purpose = 'personalisation' and channel = 'ads' and is_granted)
            as consent_personalisation_ads,
        max(recorded_at) as consent_recorded_at

    from latest
    group by customer_id

)

select * from pivoted
    );
    
  