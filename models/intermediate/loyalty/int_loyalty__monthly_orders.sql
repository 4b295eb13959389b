-- Buying KPIs per month (as of as_of_date). Definitions:
--   purchasing_customers     customers with a purchase in the month
--   new_customers            customers whose first purchase is in the month
--   repeat_purchase_rate     of everyone who had bought by month_end, the share who had bought on two or
--                            more distinct days by then (cumulative, so it moves slowly)
--   top_20pct_revenue_share  share of the month's revenue from its top 20% purchasing customers by
--                            revenue (ceil(20% of them); ties broken by customer_id)
--   active_customers         customers whose last purchase on or before month_end is at most
--                            var churn_after_days days before it
--   churned_customers        customers who became churned in the month: more than churn_after_days days
--                            passed since their last purchase, reached on a day in the month (<= as_of_date)
--   reactivated_customers    customers buying again after having churned
with

purchases as (

    select * from {{ ref('int_loyalty__purchases') }}

),

months as (

    select * from {{ ref('int_loyalty__months') }}

),

purchase_days as (

    select
        customer_id,
        ordered_on,
        count(*) as orders,
        sum(net_amount) as amount

    from purchases
    group by customer_id, ordered_on

),

sequenced as (

    select
        customer_id,
        ordered_on,
        row_number() over (partition by customer_id order by ordered_on) as day_number,
        lag(ordered_on) over (partition by customer_id order by ordered_on) as previous_on,
        lead(ordered_on) over (partition by customer_id order by ordered_on) as next_on

    from purchase_days

),

-- activity spells: a purchase starts one when it is the first, or comes after a churn-length gap;
-- a spell ends (the customer churns) churn_after_days + 1 days after its last purchase
spell_starts as (

    select
        cast({{ dbt.date_trunc('month', 'ordered_on') }} as date) as month_start,
        count(*) as spells_started,
        sum(case when day_number = 1 then 1 else 0 end) as first_purchases,
        sum(case when day_number > 1 then 1 else 0 end) as reactivations

    from sequenced
    where previous_on is null
        or {{ dbt.datediff('previous_on', 'ordered_on', 'day') }} > {{ var('churn_after_days') }}
    group by 1

),

churn_events as (

    select
        cast({{ dbt.dateadd('day', var('churn_after_days') + 1, 'ordered_on') }} as date) as churned_on

    from sequenced
    where next_on is null
        or {{ dbt.datediff('ordered_on', 'next_on', 'day') }} > {{ var('churn_after_days') }}

),

churns as (

    select
        months.month_start,
        count(*) as churned_customers

    from churn_events
    inner join months
        on churn_events.churned_on between months.month_start and months.month_end
    group by months.month_start

),

second_purchases as (

    select
        cast({{ dbt.date_trunc('month', 'ordered_on') }} as date) as month_start,
        count(*) as customers_turned_repeat

    from sequenced
    where day_number = 2
    group by 1

),

customer_months as (

    select
        customer_id,
        cast({{ dbt.date_trunc('month', 'ordered_on') }} as date) as month_start,
        sum(orders) as orders,
        sum(amount) as revenue

    from purchase_days
    group by 1, 2

),

ranked as (

    select
        customer_months.*,
        row_number() over (partition by month_start order by revenue desc, customer_id) as revenue_rank,
        count(*) over (partition by month_start) as customers_in_month

    from customer_months

),

monthly as (

    select
        month_start,
        count(*) as purchasing_customers,
        sum(orders) as orders,
        sum(revenue) as revenue,
        -- top 20%: rank <= ceil(n / 5), in integers
        sum(case when 5 * revenue_rank <= customers_in_month + 4 then revenue else 0 end) as top_20pct_revenue

    from ranked
    group by month_start

),

joined as (

    select
        months.month_start,
        months.month_end,
        coalesce(monthly.purchasing_customers, 0) as purchasing_customers,
        coalesce(spell_starts.first_purchases, 0) as new_customers,
        coalesce(spell_starts.reactivations, 0) as reactivated_customers,
        coalesce(churns.churned_customers, 0) as churned_customers,
        coalesce(monthly.orders, 0) as orders,
        coalesce(monthly.revenue, 0) as revenue,
        monthly.top_20pct_revenue,
        sum(coalesce(spell_starts.first_purchases, 0)) over (order by months.month_start rows between unbounded preceding and current row) as customers_to_date,
        sum(coalesce(second_purchases.customers_turned_repeat, 0)) over (order by months.month_start rows between unbounded preceding and current row) as repeat_customers_to_date,
        sum(coalesce(spell_starts.spells_started, 0) - coalesce(churns.churned_customers, 0)) over (order by months.month_start rows between unbounded preceding and current row) as active_customers

    from months
    left join monthly on months.month_start = monthly.month_start
    left join spell_starts on months.month_start = spell_starts.month_start
    left join churns on months.month_start = churns.month_start
    left join second_purchases on months.month_start = second_purchases.month_start

),

final as (

    select
        month_start,
        active_customers,
        purchasing_customers,
        new_customers,
        reactivated_customers,
        churned_customers,
        orders,
        revenue,
        customers_to_date,
        repeat_customers_to_date,
        cast(repeat_customers_to_date as double) / nullif(customers_to_date, 0) as repeat_purchase_rate,
        top_20pct_revenue / nullif(revenue, 0) as top_20pct_revenue_share

    from joined

)

select * from final
