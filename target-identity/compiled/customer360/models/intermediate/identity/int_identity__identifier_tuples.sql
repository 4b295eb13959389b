-- One row per distinct combination of identifiers seen together on a source record, per source
-- entity, with when it was first and last seen and on how many records. The big event tables
-- collapse here (tens of millions of web and app events become one row per cookie or device and
-- account), so identifiers and edges are built from something small.
-- Records first seen after as_of_date are left out, so an earlier date rebuilds its graph exactly.

with

as_of as (

    select as_of_date from "warehouse"."intermediate"."int_calendar__as_of_date"

),

-- each kind of record grouped by its own identifier columns first (a web event has two, not eight)
crm__customers as (

    select
        crm_customer_id as crm_customer_id,
        email as email,
        phone as phone,
        min(coalesce(created_at, updated_at)) as first_seen_at,
        max(coalesce(updated_at, coalesce(created_at, updated_at))) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_crm__customers"
    where
        cast(coalesce(created_at, updated_at) as date) <= (select as_of.as_of_date from as_of)
        and coalesce(crm_customer_id, email, phone) is not null
    group by crm_customer_id, email, phone

),

crm__erasure_requests as (

    select
        crm_customer_id as crm_customer_id,
        email as email,
        min(requested_at) as first_seen_at,
        max(coalesce(requested_at, requested_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_crm__erasure_requests"
    where
        cast(requested_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(crm_customer_id, email) is not null
    group by crm_customer_id, email

),

shop__accounts as (

    select
        shop_account_id as shop_account_id,
        email as email,
        phone as phone,
        min(created_at) as first_seen_at,
        max(coalesce(created_at, created_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_shop__accounts"
    where
        cast(created_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(shop_account_id, email, phone) is not null
    group by shop_account_id, email, phone

),

shop__orders as (

    select
        shop_account_id as shop_account_id,
        guest_email as email,
        min(ordered_at) as first_seen_at,
        max(coalesce(ordered_at, ordered_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_shop__orders"
    where
        cast(ordered_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(shop_account_id, guest_email) is not null
    group by shop_account_id, guest_email

),

shop__carts as (

    select
        shop_account_id as shop_account_id,
        anonymous_id as anonymous_id,
        min(created_at) as first_seen_at,
        max(coalesce(last_activity_at, created_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_shop__carts"
    where
        cast(created_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(shop_account_id, anonymous_id) is not null
    group by shop_account_id, anonymous_id

),

web__events as (

    select
        anonymous_id as anonymous_id,
        shop_account_id as shop_account_id,
        min(occurred_at) as first_seen_at,
        max(coalesce(occurred_at, occurred_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_web__events"
    where
        cast(occurred_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(anonymous_id, shop_account_id) is not null
    group by anonymous_id, shop_account_id

),

app__events as (

    select
        device_id as device_id,
        shop_account_id as shop_account_id,
        min(occurred_at) as first_seen_at,
        max(coalesce(occurred_at, occurred_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_app__events"
    where
        cast(occurred_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(device_id, shop_account_id) is not null
    group by device_id, shop_account_id

),

pos__transactions as (

    select
        loyalty_card_number as loyalty_card_number,
        min(transacted_at) as first_seen_at,
        max(coalesce(transacted_at, transacted_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_pos__transactions"
    where
        cast(transacted_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(loyalty_card_number) is not null
    group by loyalty_card_number

),

loyalty__cards as (

    select
        loyalty_card_number as loyalty_card_number,
        crm_customer_id as crm_customer_id,
        email as email,
        phone as phone,
        min(issued_at) as first_seen_at,
        max(coalesce(issued_at, issued_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_loyalty__cards"
    where
        cast(issued_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(loyalty_card_number, crm_customer_id, email, phone) is not null
    group by loyalty_card_number, crm_customer_id, email, phone

),

loyalty__points as (

    select
        loyalty_card_number as loyalty_card_number,
        min(occurred_at) as first_seen_at,
        max(coalesce(occurred_at, occurred_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_loyalty__points"
    where
        cast(occurred_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(loyalty_card_number) is not null
    group by loyalty_card_number

),

email__events as (

    select
        email as email,
        min(occurred_at) as first_seen_at,
        max(coalesce(occurred_at, occurred_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_email__events"
    where
        cast(occurred_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(email) is not null
    group by email

),

care__tickets as (

    select
        contact_email as email,
        contact_phone as phone,
        social_handle as social_handle,
        min(opened_at) as first_seen_at,
        max(coalesce(opened_at, opened_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_care__tickets"
    where
        cast(opened_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(contact_email, contact_phone, social_handle) is not null
    group by contact_email, contact_phone, social_handle

),

survey__nps_responses as (

    select
        crm_customer_id as crm_customer_id,
        email as email,
        min(answered_at) as first_seen_at,
        max(coalesce(answered_at, answered_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_survey__nps_responses"
    where
        cast(answered_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(crm_customer_id, email) is not null
    group by crm_customer_id, email

),

reviews__reviews as (

    select
        shop_account_id as shop_account_id,
        email as email,
        min(submitted_at) as first_seen_at,
        max(coalesce(submitted_at, submitted_at)) as last_seen_at,
        count(*) as record_count

    from "warehouse"."staging"."stg_reviews__reviews"
    where
        cast(submitted_at as date) <= (select as_of.as_of_date from as_of)
        and coalesce(shop_account_id, email) is not null
    group by shop_account_id, email

),

tuples as (

    select
        'crm' as source,
        'customers' as entity,
        crm_customer_id as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        email as email,
        phone as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from crm__customers

    union all

    select
        'crm' as source,
        'erasure_requests' as entity,
        crm_customer_id as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        email as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from crm__erasure_requests

    union all

    select
        'shop' as source,
        'accounts' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        shop_account_id as shop_account_id,
        email as email,
        phone as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from shop__accounts

    union all

    select
        'shop' as source,
        'orders' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        shop_account_id as shop_account_id,
        email as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from shop__orders

    union all

    select
        'shop' as source,
        'carts' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        shop_account_id as shop_account_id,
        cast(null as TEXT) as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        anonymous_id as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from shop__carts

    union all

    select
        'web' as source,
        'events' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        shop_account_id as shop_account_id,
        cast(null as TEXT) as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        anonymous_id as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from web__events

    union all

    select
        'app' as source,
        'events' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        shop_account_id as shop_account_id,
        cast(null as TEXT) as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        device_id as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from app__events

    union all

    select
        'pos' as source,
        'transactions' as entity,
        cast(null as TEXT) as crm_customer_id,
        loyalty_card_number as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        cast(null as TEXT) as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from pos__transactions

    union all

    select
        'loyalty' as source,
        'cards' as entity,
        crm_customer_id as crm_customer_id,
        loyalty_card_number as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        email as email,
        phone as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from loyalty__cards

    union all

    select
        'loyalty' as source,
        'points' as entity,
        cast(null as TEXT) as crm_customer_id,
        loyalty_card_number as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        cast(null as TEXT) as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from loyalty__points

    union all

    select
        'email' as source,
        'events' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        email as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from email__events

    union all

    select
        'care' as source,
        'tickets' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        email as email,
        phone as phone,
        social_handle as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from care__tickets

    union all

    select
        'survey' as source,
        'nps_responses' as entity,
        crm_customer_id as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        cast(null as TEXT) as shop_account_id,
        email as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from survey__nps_responses

    union all

    select
        'reviews' as source,
        'reviews' as entity,
        cast(null as TEXT) as crm_customer_id,
        cast(null as TEXT) as loyalty_card_number,
        shop_account_id as shop_account_id,
        email as email,
        cast(null as TEXT) as phone,
        cast(null as TEXT) as social_handle,
        cast(null as TEXT) as device_id,
        cast(null as TEXT) as anonymous_id,
        first_seen_at,
        last_seen_at,
        record_count

    from reviews__reviews

    

)

select * from tuples