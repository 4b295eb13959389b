-- One row per month, first purchase month .. as_of_date's month (incomplete: is_complete_month false).
-- Each domain's KPIs are computed (and unit-tested) in int_loyalty__monthly_*; this joins them.
with

months as (

    select * from {{ ref('int_loyalty__months') }}

),

orders as (

    select * from {{ ref('int_loyalty__monthly_orders') }}

),

nps as (

    select * from {{ ref('int_loyalty__monthly_nps') }}

),

care as (

    select * from {{ ref('int_loyalty__monthly_care') }}

),

email as (

    select * from {{ ref('int_loyalty__monthly_email') }}

),

engagement as (

    select * from {{ ref('int_loyalty__monthly_engagement') }}

),

final as (

    select
        ---------- month
        cast(months.month_start as date) as month_start,
        cast(months.month_end as date) as month_end,
        cast(months.is_complete_month as boolean) as is_complete_month,

        ---------- customers
        cast(orders.active_customers as bigint) as active_customers,
        cast(orders.purchasing_customers as bigint) as purchasing_customers,
        cast(orders.new_customers as bigint) as new_customers,
        cast(orders.reactivated_customers as bigint) as reactivated_customers,
        cast(orders.churned_customers as bigint) as churned_customers,
        cast(orders.repeat_purchase_rate as double) as repeat_purchase_rate,
        cast(orders.customers_to_date as bigint) as customers_to_date,
        cast(orders.repeat_customers_to_date as bigint) as repeat_customers_to_date,

        ---------- revenue
        cast(orders.orders as bigint) as orders,
        {{ money('orders.revenue') }} as revenue,
        cast(orders.top_20pct_revenue_share as double) as top_20pct_revenue_share,

        ---------- nps
        cast(coalesce(nps.nps_responses, 0) as bigint) as nps_responses,
        cast(coalesce(nps.nps_promoters, 0) as bigint) as nps_promoters,
        cast(coalesce(nps.nps_detractors, 0) as bigint) as nps_detractors,
        cast(nps.nps as double) as nps,

        ---------- care
        cast(coalesce(care.care_tickets, 0) as bigint) as care_tickets,
        cast(coalesce(care.care_tickets_within_target, 0) as bigint) as care_tickets_within_target,
        cast(coalesce(care.care_tickets_pending, 0) as bigint) as care_tickets_pending,
        cast(care.care_within_target_rate as double) as care_within_target_rate,
        cast(care.care_median_first_response_minutes as double) as care_median_first_response_minutes,

        ---------- email
        cast(email.emails_sent as bigint) as emails_sent,
        cast(email.email_open_rate as double) as email_open_rate,
        cast(email.email_click_rate as double) as email_click_rate,
        cast(email.email_unsubscribe_rate as double) as email_unsubscribe_rate,
        cast(email.reachable_customers as bigint) as reachable_customers,
        cast(email.contact_pressure as double) as contact_pressure,

        ---------- time spent
        cast(coalesce(engagement.engaged_minutes, 0) as double) as engaged_minutes,
        {{ money('coalesce(engagement.engaged_customer_revenue, 0)') }} as engaged_customer_revenue,
        cast(engagement.revenue_per_engaged_minute as double) as revenue_per_engaged_minute

    from months
    left join orders on months.month_start = orders.month_start
    left join nps on months.month_start = nps.month_start
    left join care on months.month_start = care.month_start
    left join email on months.month_start = email.month_start
    left join engagement on months.month_start = engagement.month_start

)

select * from final
