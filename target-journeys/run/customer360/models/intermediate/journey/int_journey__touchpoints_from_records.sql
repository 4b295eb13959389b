
  
  create view "fresh"."intermediate"."int_journey__touchpoints_from_records__dbt_tmp" as (
    -- view: read by the incremental fct_touchpoints with its batch filter on _export_date.

-- Every interaction that is a record rather than a clickstream event (orders, till transactions,
-- carts, email events, care tickets, NPS answers, reviews, loyalty points) in the touchpoint shape,
-- as of as_of_date, with its customer from the fact's best identifier. Erased facts are dropped.


with

orders as (

    select * from "fresh"."intermediate"."int_journey__orders"

),

carts as (

    select * from "fresh"."staging"."stg_shop__carts"

),

email_events as (

    select * from "fresh"."staging"."stg_email__events"

),

care_tickets as (

    select * from "fresh"."staging"."stg_care__tickets"

),

nps_responses as (

    select * from "fresh"."staging"."stg_survey__nps_responses"

),

reviews as (

    select * from "fresh"."staging"."stg_reviews__reviews"

),

loyalty_points as (

    select * from "fresh"."staging"."stg_loyalty__points"

),

as_of as (

    select 

    (as_of_date + cast(1 as bigint) * interval 1 day) as as_of_end
    from "fresh"."intermediate"."int_calendar__as_of_date"

),

---------- one CTE per source: the touchpoint and the identifiers it arrived with

cart_touchpoints as (

    select
        'cart:' || carts.cart_id as touchpoint_id,
        'web' as channel,
        'shop' as source,
        'cart' as touchpoint_type,
        carts.created_at as occurred_at,
        cast(null as double) as revenue,
        carts.shop_account_id,
        carts.anonymous_id,
        carts._export_date

    from carts
    cross join as_of
    where carts.created_at < as_of.as_of_end

),

carts_resolved as (

    select
        cart_touchpoints.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'anonymous_id'
            when cart_touchpoints.shop_account_id is not null then 'shop_account_id'
            when cart_touchpoints.anonymous_id is not null then 'anonymous_id'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then cart_touchpoints.shop_account_id
            when lookup_2.customer_id is not null then cart_touchpoints.anonymous_id
            when cart_touchpoints.shop_account_id is not null then cart_touchpoints.shop_account_id
            when cart_touchpoints.anonymous_id is not null then cart_touchpoints.anonymous_id
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false)
        ) as is_erased

    from cart_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = cart_touchpoints.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'anonymous_id'
        and lookup_2.identifier_value = cart_touchpoints.anonymous_id

),

email_touchpoints as (

    select
        'email:' || email_events.event_id as touchpoint_id,
        'email' as channel,
        'email' as source,
        email_events.event_type as touchpoint_type,
        email_events.occurred_at,
        cast(null as double) as revenue,
        email_events.email,
        email_events._export_date

    from email_events
    cross join as_of
    where email_events.occurred_at < as_of.as_of_end

),

email_resolved as (

    select
        email_touchpoints.*,
        coalesce(
            lookup_1.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'email'
            when email_touchpoints.email is not null then 'email'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then email_touchpoints.email
            when email_touchpoints.email is not null then email_touchpoints.email
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false)
        ) as is_erased

    from email_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'email'
        and lookup_1.identifier_value = email_touchpoints.email

),

care_touchpoints as (

    select
        'care:' || care_tickets.ticket_id as touchpoint_id,
        'care' as channel,
        'care' as source,
        'ticket_' || care_tickets.channel as touchpoint_type,
        care_tickets.opened_at as occurred_at,
        cast(null as double) as revenue,
        care_tickets.contact_email,
        care_tickets.contact_phone,
        care_tickets.social_handle,
        care_tickets._export_date

    from care_tickets
    cross join as_of
    where care_tickets.opened_at < as_of.as_of_end

),

care_resolved as (

    select
        care_touchpoints.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id,
            lookup_3.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'email'
            when lookup_2.customer_id is not null then 'phone'
            when lookup_3.customer_id is not null then 'social_handle'
            when care_touchpoints.contact_email is not null then 'email'
            when care_touchpoints.contact_phone is not null then 'phone'
            when care_touchpoints.social_handle is not null then 'social_handle'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then care_touchpoints.contact_email
            when lookup_2.customer_id is not null then care_touchpoints.contact_phone
            when lookup_3.customer_id is not null then care_touchpoints.social_handle
            when care_touchpoints.contact_email is not null then care_touchpoints.contact_email
            when care_touchpoints.contact_phone is not null then care_touchpoints.contact_phone
            when care_touchpoints.social_handle is not null then care_touchpoints.social_handle
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false) or
            coalesce(lookup_3.is_erased, false)
        ) as is_erased

    from care_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'email'
        and lookup_1.identifier_value = care_touchpoints.contact_email
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'phone'
        and lookup_2.identifier_value = care_touchpoints.contact_phone
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_3
        on lookup_3.identifier_type = 'social_handle'
        and lookup_3.identifier_value = care_touchpoints.social_handle

),

nps_touchpoints as (

    select
        'nps:' || nps_responses.response_id as touchpoint_id,
        'survey' as channel,
        'survey' as source,
        'nps_' || nps_responses.nps_category as touchpoint_type,
        nps_responses.answered_at as occurred_at,
        cast(null as double) as revenue,
        nps_responses.crm_customer_id,
        nps_responses.email,
        nps_responses._export_date

    from nps_responses
    cross join as_of
    where nps_responses.answered_at < as_of.as_of_end

),

nps_resolved as (

    select
        nps_touchpoints.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'crm_customer_id'
            when lookup_2.customer_id is not null then 'email'
            when nps_touchpoints.crm_customer_id is not null then 'crm_customer_id'
            when nps_touchpoints.email is not null then 'email'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then nps_touchpoints.crm_customer_id
            when lookup_2.customer_id is not null then nps_touchpoints.email
            when nps_touchpoints.crm_customer_id is not null then nps_touchpoints.crm_customer_id
            when nps_touchpoints.email is not null then nps_touchpoints.email
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false)
        ) as is_erased

    from nps_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'crm_customer_id'
        and lookup_1.identifier_value = nps_touchpoints.crm_customer_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'email'
        and lookup_2.identifier_value = nps_touchpoints.email

),

review_touchpoints as (

    select
        'review:' || reviews.review_id as touchpoint_id,
        'review' as channel,
        'reviews' as source,
        case
            when reviews.rating >= 4 then 'review_positive'
            when reviews.rating = 3 then 'review_neutral'
            else 'review_negative'
        end as touchpoint_type,
        reviews.submitted_at as occurred_at,
        cast(null as double) as revenue,
        reviews.shop_account_id,
        reviews.email,
        reviews._export_date

    from reviews
    cross join as_of
    where reviews.submitted_at < as_of.as_of_end

),

reviews_resolved as (

    select
        review_touchpoints.*,
        coalesce(
            lookup_1.customer_id,
            lookup_2.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'shop_account_id'
            when lookup_2.customer_id is not null then 'email'
            when review_touchpoints.shop_account_id is not null then 'shop_account_id'
            when review_touchpoints.email is not null then 'email'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then review_touchpoints.shop_account_id
            when lookup_2.customer_id is not null then review_touchpoints.email
            when review_touchpoints.shop_account_id is not null then review_touchpoints.shop_account_id
            when review_touchpoints.email is not null then review_touchpoints.email
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false) or
            coalesce(lookup_2.is_erased, false)
        ) as is_erased

    from review_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'shop_account_id'
        and lookup_1.identifier_value = review_touchpoints.shop_account_id
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_2
        on lookup_2.identifier_type = 'email'
        and lookup_2.identifier_value = review_touchpoints.email

),

loyalty_touchpoints as (

    select
        'loyalty:' || loyalty_points.entry_id as touchpoint_id,
        'loyalty' as channel,
        'loyalty' as source,
        'points_' || loyalty_points.reason as touchpoint_type,
        loyalty_points.occurred_at,
        cast(null as double) as revenue,
        loyalty_points.loyalty_card_number,
        loyalty_points._export_date

    from loyalty_points
    cross join as_of
    where loyalty_points.occurred_at < as_of.as_of_end

),

loyalty_resolved as (

    select
        loyalty_touchpoints.*,
        coalesce(
            lookup_1.customer_id
        ) as customer_id,
        case
            when lookup_1.customer_id is not null then 'loyalty_card_number'
            when loyalty_touchpoints.loyalty_card_number is not null then 'loyalty_card_number'
        end as source_identifier_type,
        case
            when lookup_1.customer_id is not null then loyalty_touchpoints.loyalty_card_number
            when loyalty_touchpoints.loyalty_card_number is not null then loyalty_touchpoints.loyalty_card_number
        end as source_identifier_value,
        (
            coalesce(lookup_1.is_erased, false)
        ) as is_erased

    from loyalty_touchpoints
    left join "fresh"."intermediate"."int_journey__identifier_lookup" as lookup_1
        on lookup_1.identifier_type = 'loyalty_card_number'
        and lookup_1.identifier_value = loyalty_touchpoints.loyalty_card_number

),

-- orders are resolved (and erased ones dropped) in int_journey__orders
order_touchpoints as (

    select
        case when channel = 'store' then 'store:' else 'order:' end || order_id as touchpoint_id,
        case when channel = 'store' then 'store' else device_channel end as channel,
        case when channel = 'store' then 'pos' else 'shop' end as source,
        case when channel = 'store' then 'store_purchase' else 'order' end as touchpoint_type,
        ordered_at as occurred_at,
        net_amount as revenue,
        customer_id,
        source_identifier_type,
        source_identifier_value,
        false as is_erased,
        _export_date

    from orders

),

unioned as (

    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from order_touchpoints
    union all
    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from carts_resolved
    union all
    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from email_resolved
    union all
    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from care_resolved
    union all
    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from nps_resolved
    union all
    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from reviews_resolved
    union all
    select touchpoint_id, channel, source, touchpoint_type, occurred_at, revenue, customer_id, source_identifier_type, source_identifier_value, is_erased, _export_date from loyalty_resolved

),

kept as (

    select
        touchpoint_id,
        customer_id,
        channel,
        source,
        touchpoint_type,
        occurred_at,
        revenue,
        source_identifier_type,
        source_identifier_value,
        _export_date

    from unioned
    where not is_erased

)

select * from kept
  );
