-- Return on time spent per month: revenue of the customers who spent engaged time on web/app in the
-- month divided by their engaged minutes (NULL when nobody had engaged time).
with

sessions as (

    select * from {{ ref('int_journey__sessions') }}

),

purchases as (

    select * from {{ ref('int_loyalty__purchases') }}

),

months as (

    select * from {{ ref('int_loyalty__months') }}

),

customer_time as (

    select
        sessions.customer_id,
        months.month_start,
        count(*) as sessions,
        sum(sessions.engaged_seconds) / 60.0 as engaged_minutes

    from sessions
    inner join months
        on cast({{ dbt.date_trunc('month', 'sessions.started_at') }} as date) = months.month_start
    where sessions.customer_id is not null
        and cast(sessions.started_at as date) <= months.month_end
    group by sessions.customer_id, months.month_start

),

customer_revenue as (

    select
        customer_id,
        order_month as month_start,
        sum(net_amount) as revenue

    from purchases
    group by customer_id, order_month

),

monthly as (

    select
        customer_time.month_start,
        sum(customer_time.sessions) as sessions,
        sum(customer_time.engaged_minutes) as engaged_minutes,
        sum(coalesce(customer_revenue.revenue, 0)) as engaged_customer_revenue

    from customer_time
    left join customer_revenue
        on customer_time.customer_id = customer_revenue.customer_id
        and customer_time.month_start = customer_revenue.month_start
    group by customer_time.month_start

)

select
    month_start,
    sessions,
    engaged_minutes,
    engaged_customer_revenue,
    engaged_customer_revenue / nullif(engaged_minutes, 0) as revenue_per_engaged_minute

from monthly
