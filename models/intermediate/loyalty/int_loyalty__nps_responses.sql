-- NPS answers as of as_of_date with the respondent's customer_id: by crm_customer_id first, then email.
-- Answers nobody can be matched to keep a NULL customer_id (they still count in the monthly NPS);
-- an erased person's answers are dropped.
with

responses as (

    select * from {{ ref('stg_survey__nps_responses') }}

),

lookup as (

    select * from {{ ref('int_journey__identifier_lookup') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

matched as (

    select
        responses.response_id,
        coalesce(by_crm.customer_id, by_email.customer_id) as customer_id,
        responses.score,
        responses.nps_category,
        responses.answered_at,
        cast({{ dbt.date_trunc('month', 'responses.answered_at') }} as date) as answered_month

    from responses
    cross join as_of
    left join lookup as by_crm
        on by_crm.identifier_type = 'crm_customer_id'
        and responses.crm_customer_id = by_crm.identifier_value
    left join lookup as by_email
        on by_email.identifier_type = 'email'
        and responses.email = by_email.identifier_value
    where cast(responses.answered_at as date) <= as_of.as_of_date
        and not coalesce(by_crm.is_erased, false)
        and not coalesce(by_email.is_erased, false)

)

select * from matched
