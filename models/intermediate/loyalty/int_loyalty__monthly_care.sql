-- Care tickets per month opened, and the share answered within var care_response_target_minutes of
-- business time. Pending tickets (unanswered, still inside the target) are left out of the rate.
with

tickets as (

    select * from {{ ref('int_loyalty__care_tickets') }}

),

monthly as (

    select
        opened_month as month_start,
        count(*) as care_tickets,
        sum(case when is_within_target then 1 else 0 end) as care_tickets_within_target,
        sum(case when is_pending then 1 else 0 end) as care_tickets_pending,
        {{ median('first_response_minutes') }} as care_median_first_response_minutes

    from tickets
    group by opened_month

)

select
    month_start,
    care_tickets,
    care_tickets_within_target,
    care_tickets_pending,
    cast(care_tickets_within_target as double) / nullif(care_tickets - care_tickets_pending, 0)
        as care_within_target_rate,
    care_median_first_response_minutes

from monthly
