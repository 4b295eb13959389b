-- One row per customer with a purchase: order figures as of as_of_date, RFM scores and segment.
-- RFM scores are quintiles by rank: 1 + floor(5 * percent_rank), capped at 5, so ties share a score
-- and the lowest value always scores 1 (e.g. every one-time buyer has F = 1). M ranks revenue in cents:
-- a sum of doubles differs in its last bits from run to run, which would reorder equal revenues.
-- R orders by the last purchase day, F by the number of orders, M by revenue; the segment is looked
-- up from R and F in seeds/rfm_segments.csv.
with

purchases as (

    select * from {{ ref('int_loyalty__purchases') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

per_customer as (

    select
        purchases.customer_id,
        as_of.as_of_date,
        min(purchases.ordered_at) as first_order_at,
        max(purchases.ordered_at) as last_order_at,
        count(*) as orders,
        count(distinct purchases.ordered_on) as purchase_days,
        sum(purchases.net_amount) as revenue,
        sum(
            case
                when purchases.ordered_on > {{ dbt.dateadd('day', -var('engagement_window_days'), 'as_of.as_of_date') }}
                    then purchases.net_amount
                else 0
            end
        ) as revenue_recent

    from purchases
    cross join as_of
    group by purchases.customer_id, as_of.as_of_date

),

scored as (

    select
        per_customer.*,
        {{ dbt.datediff('cast(per_customer.last_order_at as date)', 'per_customer.as_of_date', 'day') }} as days_since_last_order,
        least(5, 1 + cast(floor(5 * percent_rank() over (order by cast(per_customer.last_order_at as date))) as {{ dbt.type_int() }})) as recency_score,
        least(5, 1 + cast(floor(5 * percent_rank() over (order by per_customer.orders)) as {{ dbt.type_int() }})) as frequency_score,
        least(5, 1 + cast(floor(5 * percent_rank() over (order by round(per_customer.revenue, 2))) as {{ dbt.type_int() }})) as monetary_score

    from per_customer

),

segmented as (

    select
        scored.customer_id,
        scored.first_order_at,
        scored.last_order_at,
        scored.orders,
        scored.purchase_days,
        scored.revenue,
        scored.revenue / scored.orders as average_order_value,
        scored.purchase_days >= 2 as is_repeat_buyer,
        scored.days_since_last_order,
        scored.days_since_last_order > {{ var('churn_after_days') }} as is_churned,
        scored.revenue_recent,
        scored.recency_score,
        scored.frequency_score,
        scored.monetary_score,
        {{ dbt.concat(["cast(scored.recency_score as " ~ dbt.type_string() ~ ")",
                       "cast(scored.frequency_score as " ~ dbt.type_string() ~ ")",
                       "cast(scored.monetary_score as " ~ dbt.type_string() ~ ")"]) }} as rfm_score,
        segments.rfm_segment

    from scored
    left join segments
        on scored.recency_score between segments.recency_score_min and segments.recency_score_max
        and scored.frequency_score between segments.frequency_score_min and segments.frequency_score_max

)

select * from segmented
