-- Net Promoter Score per month of answer: 100 * (promoters - detractors) / responses, from -100 to 100.
-- Every answer counts, matched to a customer or not; promoters score 9-10, detractors 0-6.
with

responses as (

    select * from {{ ref('int_loyalty__nps_responses') }}

),

monthly as (

    select
        answered_month as month_start,
        count(*) as nps_responses,
        sum(case when score >= 9 then 1 else 0 end) as nps_promoters,
        sum(case when score <= 6 then 1 else 0 end) as nps_detractors

    from responses
    group by answered_month

)

select
    month_start,
    nps_responses,
    nps_promoters,
    nps_detractors,
    100 * cast(nps_promoters - nps_detractors as double) / nps_responses as nps

from monthly
