-- Each order's credit spread over the customer's touchpoints in the var attribution_window_days
-- before it, by three models side by side: first_touch, last_touch and linear. One row per order and
-- touchpoint in the window; credits per order and model sum to 1; an order with no such touchpoint (or
-- no known customer) gets one 'unattributed' row, so each model's revenue column adds up to
-- fct_orders.net_amount, with no filter to forget.

with

orders as (

    select * from {{ ref('fct_orders') }}

),

touchpoints as (

    select * from {{ ref('fct_touchpoints') }}
    where customer_id is not null

),

touchpoint_types as (

    select * from {{ ref('touchpoint_types') }}
    where is_attributable

),

-- a web or app visit counts once, by its first attributable interaction; purchases, service and
-- system messages (email sent, points) earn no credit (seed touchpoint_types.is_attributable)
eligible_touchpoints as (

    select
        touchpoints.touchpoint_id,
        touchpoints.customer_id,
        touchpoints.channel,
        touchpoints.touchpoint_type,
        touchpoints.occurred_at,
        row_number() over (
            partition by coalesce(touchpoints.session_id, touchpoints.touchpoint_id)
            order by touchpoints.occurred_at, touchpoints.touchpoint_id
        ) as visit_rank

    from touchpoints
    inner join touchpoint_types
        on touchpoints.source = touchpoint_types.source
        and touchpoints.touchpoint_type = touchpoint_types.touchpoint_type

),

candidates as (

    select
        orders.order_id,
        orders.net_amount,
        eligible_touchpoints.touchpoint_id,
        eligible_touchpoints.channel,
        eligible_touchpoints.touchpoint_type,
        eligible_touchpoints.occurred_at,
        row_number() over (
            partition by orders.order_id
            order by eligible_touchpoints.occurred_at, eligible_touchpoints.touchpoint_id
        ) as from_first,
        row_number() over (
            partition by orders.order_id
            order by eligible_touchpoints.occurred_at desc, eligible_touchpoints.touchpoint_id desc
        ) as from_last,
        count(*) over (partition by orders.order_id) as touchpoint_count

    from orders
    inner join eligible_touchpoints
        on orders.customer_id = eligible_touchpoints.customer_id
        and eligible_touchpoints.occurred_at < orders.ordered_at
        and eligible_touchpoints.occurred_at >= {{ dbt.dateadd('day', -1 * var('attribution_window_days'), 'orders.ordered_at') }}
    where eligible_touchpoints.visit_rank = 1

),

-- one row per order and credited touchpoint, a column per model: any revenue column sums to the
-- orders' revenue without a filter. Linear shares are split in whole cents (each row the difference of
-- the rounded running shares), so they add up to the order's amount exactly.
credited as (

    select
        order_id,
        net_amount,
        touchpoint_id,
        channel,
        touchpoint_type,
        occurred_at,
        from_first as touchpoint_number,
        touchpoint_count,
        case when from_first = 1 then 1.0 else 0.0 end as first_touch_credit,
        case when from_last = 1 then 1.0 else 0.0 end as last_touch_credit,
        1.0 / touchpoint_count as linear_credit,
        case when from_first = 1 then net_amount else 0 end as first_touch_revenue,
        case when from_last = 1 then net_amount else 0 end as last_touch_revenue,
        (
            floor((2 * round(net_amount * 100) * from_first + touchpoint_count) / (2.0 * touchpoint_count))
            - floor((2 * round(net_amount * 100) * (from_first - 1) + touchpoint_count) / (2.0 * touchpoint_count))
        ) / 100 as linear_revenue

    from candidates

),

unattributed as (

    select
        orders.order_id,
        orders.net_amount,
        cast(null as {{ dbt.type_string() }}) as touchpoint_id,
        'unattributed' as channel,
        cast(null as {{ dbt.type_string() }}) as touchpoint_type,
        cast(null as {{ dbt.type_timestamp() }}) as occurred_at,
        cast(null as integer) as touchpoint_number,
        0 as touchpoint_count,
        1.0 as first_touch_credit,
        1.0 as last_touch_credit,
        1.0 as linear_credit,
        orders.net_amount as first_touch_revenue,
        orders.net_amount as last_touch_revenue,
        orders.net_amount as linear_revenue

    from orders
    where not exists (select 1 from candidates where candidates.order_id = orders.order_id)

),

attribution as (

    select * from credited
    union all
    select * from unattributed

),

final as (

    select
        ---------- ids
        attribution.order_id,
        attribution.touchpoint_id,
        orders.customer_id,

        ---------- attributes
        attribution.channel,
        attribution.touchpoint_type,
        cast(attribution.touchpoint_number as integer) as touchpoint_number,
        cast(attribution.touchpoint_count as integer) as touchpoint_count,

        ---------- credits per model
        cast(attribution.first_touch_credit as double) as first_touch_credit,
        cast(attribution.last_touch_credit as double) as last_touch_credit,
        cast(attribution.linear_credit as double) as linear_credit,

        ---------- revenue per model
        {{ money('attribution.first_touch_revenue') }} as first_touch_revenue,
        {{ money('attribution.last_touch_revenue') }} as last_touch_revenue,
        {{ money('attribution.linear_revenue') }} as linear_revenue,

        ---------- timestamps
        attribution.occurred_at as touchpoint_occurred_at,
        orders.ordered_at

    from attribution
    inner join orders
        on attribution.order_id = orders.order_id

)

select * from final
