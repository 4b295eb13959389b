-- First-purchase-month cohorts x months since the first purchase (0 = the cohort month), up to
-- as_of_date's month: how many of the cohort bought in that month, their revenue, and the cohort's
-- revenue per customer accumulated so far.
with

purchases as (

    select * from {{ ref('int_loyalty__purchases') }}

),

months as (

    select * from {{ ref('int_loyalty__months') }}

),

first_purchases as (

    select
        customer_id,
        min(order_month) as cohort_month

    from purchases
    group by customer_id

),

cohorts as (

    select
        cohort_month,
        count(*) as cohort_size

    from first_purchases
    group by cohort_month

),

activity as (

    select
        first_purchases.cohort_month,
        purchases.order_month,
        count(distinct purchases.customer_id) as customers_retained,
        sum(purchases.net_amount) as revenue

    from purchases
    inner join first_purchases
        on purchases.customer_id = first_purchases.customer_id
    group by first_purchases.cohort_month, purchases.order_month

),

grid as (

    select
        cohorts.cohort_month,
        cohorts.cohort_size,
        months.month_start as activity_month,
        {{ dbt.datediff('cohorts.cohort_month', 'months.month_start', 'month') }} as months_since_first_purchase

    from cohorts
    inner join months
        on months.month_start >= cohorts.cohort_month

),

final as (

    select
        cast(grid.cohort_month as date) as cohort_month,
        cast(grid.months_since_first_purchase as integer) as months_since_first_purchase,
        cast(grid.activity_month as date) as activity_month,
        cast(grid.cohort_size as bigint) as cohort_size,
        cast(coalesce(activity.customers_retained, 0) as bigint) as customers_retained,
        cast(coalesce(activity.customers_retained, 0) as double) / grid.cohort_size as retention_rate,
        {{ money('coalesce(activity.revenue, 0)') }} as revenue,
        {{ money('sum(coalesce(activity.revenue, 0)) over (
            partition by grid.cohort_month
            order by grid.months_since_first_purchase
            rows between unbounded preceding and current row
        ) / grid.cohort_size') }} as cumulative_revenue_per_customer

    from grid
    left join activity
        on grid.cohort_month = activity.cohort_month
        and grid.activity_month = activity.order_month

)

select * from final
