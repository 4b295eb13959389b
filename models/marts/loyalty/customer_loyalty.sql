-- One row per customer of dim_customers (erased persons are absent there): buying, RFM, historical
-- CLV, NPS, loyalty points, engagement, care and consent, all as of as_of_date.
-- Predicted CLV is not here: the CLV step (Python, after dbt) writes it to its own table,
-- marts.clv_predictions, which BI joins on customer_id (docs/loyalty.md).
with

customers as (

    select * from {{ ref('dim_customers') }}

),

orders as (

    select * from {{ ref('int_loyalty__customer_orders') }}

),

nps_responses as (

    select * from {{ ref('int_loyalty__nps_responses') }}

),

points as (

    select * from {{ ref('int_loyalty__customer_points') }}

),

engagement as (

    select * from {{ ref('int_loyalty__customer_engagement') }}

),

care_tickets as (

    select * from {{ ref('int_loyalty__care_tickets') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

nps_known as (

    select * from nps_responses where customer_id is not null

),

latest_nps as (

    {{ deduplicate('nps_known', 'customer_id', 'answered_at desc, response_id desc') }}

),

care as (

    select
        customer_id,
        count(*) as care_tickets,
        {{ median('first_response_minutes') }} as median_first_response_minutes

    from care_tickets
    where customer_id is not null
    group by customer_id

),

consent as (

    select
        customer_id,
        (consent_marketing_email or consent_marketing_sms or consent_marketing_push or consent_marketing_ads)
            as has_marketing_consent,
        nullif(substr({{ dbt.concat([
            "case when consent_marketing_email then ',email' else '' end",
            "case when consent_marketing_sms then ',sms' else '' end",
            "case when consent_marketing_push then ',push' else '' end",
            "case when consent_marketing_ads then ',ads' else '' end",
        ]) }}, 2), '') as marketing_consent_channels,
        (consent_profiling_email or consent_profiling_sms or consent_profiling_push or consent_profiling_ads)
            as has_profiling_consent,
        (consent_personalisation_email or consent_personalisation_sms or consent_personalisation_push
         or consent_personalisation_ads) as has_personalisation_consent

    from customers

),

final as (

    select
        ---------- ids
        cast(customers.customer_id as {{ dbt.type_string() }}) as customer_id,

        ---------- orders
        cast(orders.first_order_at as timestamp) as first_order_at,
        cast(orders.last_order_at as timestamp) as last_order_at,
        cast(coalesce(orders.orders, 0) as bigint) as orders,
        {{ money('coalesce(orders.revenue, 0)') }} as revenue,
        {{ money('orders.average_order_value') }} as average_order_value,
        coalesce(orders.is_repeat_buyer, false) as is_repeat_buyer,
        cast(orders.days_since_last_order as integer) as days_since_last_order,
        coalesce(orders.is_churned, false) as is_churned,

        ---------- rfm
        cast(orders.recency_score as integer) as recency_score,
        cast(orders.frequency_score as integer) as frequency_score,
        cast(orders.monetary_score as integer) as monetary_score,
        cast(orders.rfm_score as {{ dbt.type_string() }}) as rfm_score,
        cast(case when orders.customer_id is null then 'prospect' else orders.rfm_segment end as {{ dbt.type_string() }}) as rfm_segment,

        ---------- clv
        {{ money('coalesce(orders.revenue, 0)') }} as historical_clv,

        ---------- nps
        cast(latest_nps.score as integer) as latest_nps_score,
        cast(latest_nps.nps_category as {{ dbt.type_string() }}) as latest_nps_category,
        cast(latest_nps.answered_at as timestamp) as latest_nps_answered_at,

        ---------- loyalty programme
        cast(points.loyalty_tier as {{ dbt.type_string() }}) as loyalty_tier,
        cast(points.points_balance as bigint) as loyalty_points_balance,

        ---------- engagement, last var engagement_window_days days
        cast(coalesce(engagement.sessions_recent, 0) as bigint) as sessions_90d,
        cast(coalesce(engagement.engaged_minutes_recent, 0) as double) as engaged_minutes_90d,
        {{ money('coalesce(orders.revenue_recent, 0)') }} as revenue_90d,
        cast(
            coalesce(orders.revenue_recent, 0) / nullif(engagement.engaged_minutes_recent, 0) as double
        ) as revenue_per_engaged_minute_90d,

        ---------- care
        cast(coalesce(care.care_tickets, 0) as bigint) as care_tickets,
        cast(care.median_first_response_minutes as double) as median_first_response_minutes,

        ---------- consent, as of as_of_date
        coalesce(consent.has_marketing_consent, false) as has_marketing_consent,
        cast(consent.marketing_consent_channels as {{ dbt.type_string() }}) as marketing_consent_channels,
        coalesce(consent.has_profiling_consent, false) as has_profiling_consent,
        coalesce(consent.has_personalisation_consent, false) as has_personalisation_consent,

        cast(as_of.as_of_date as date) as as_of_date

    from customers
    cross join as_of
    left join orders on customers.customer_id = orders.customer_id
    left join latest_nps on customers.customer_id = latest_nps.customer_id
    left join points on customers.customer_id = points.customer_id
    left join engagement on customers.customer_id = engagement.customer_id
    left join care on customers.customer_id = care.customer_id
    left join consent on customers.customer_id = consent.customer_id

)

select * from final
