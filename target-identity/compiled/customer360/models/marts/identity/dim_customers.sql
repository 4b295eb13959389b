-- One row per person, stitched from every source: the golden record (each attribute with the source
-- that won it), home store, first seen, sources present, identifiers per type, and consent per
-- purpose and channel as of as_of_date. A customer is a cluster holding more than anonymous
-- cookies or devices. Erased customers are absent.

with

customer_ids as (

    select * from "warehouse"."intermediate"."int_identity__customer_ids"
    where is_known

),

erasures as (

    select * from "warehouse"."intermediate"."int_identity__erasures"

),

golden_records as (

    select * from "warehouse"."intermediate"."int_identity__golden_records"

),

home_stores as (

    select * from "warehouse"."intermediate"."int_identity__home_stores"

),

consents as (

    select * from "warehouse"."intermediate"."int_identity__consents"

),

customers as (

    select
        customer_ids.customer_id,
        min(customer_ids.first_seen_at) as first_seen_at,
        max(customer_ids.last_seen_at) as last_seen_at,
        bit_or(customer_ids.source_mask) as source_mask,
        sum(case when customer_ids.identifier_type = 'crm_customer_id' then 1 else 0 end) as crm_customer_id_count,
        sum(case when customer_ids.identifier_type = 'loyalty_card_number' then 1 else 0 end) as loyalty_card_number_count,
        sum(case when customer_ids.identifier_type = 'shop_account_id' then 1 else 0 end) as shop_account_id_count,
        sum(case when customer_ids.identifier_type = 'email' then 1 else 0 end) as email_count,
        sum(case when customer_ids.identifier_type = 'phone' then 1 else 0 end) as phone_count,
        sum(case when customer_ids.identifier_type = 'social_handle' then 1 else 0 end) as social_handle_count,
        sum(case when customer_ids.identifier_type = 'device_id' then 1 else 0 end) as device_id_count,
        sum(case when customer_ids.identifier_type = 'anonymous_id' then 1 else 0 end) as anonymous_id_count

    from customer_ids
    left join erasures
        on customer_ids.customer_id = erasures.customer_id
    where erasures.customer_id is null
    group by customer_ids.customer_id

),

final as (

    select
        ---------- ids
        customers.customer_id,

        ---------- golden record
        golden_records.first_name,
        golden_records.last_name,
        golden_records.email,
        golden_records.phone,
        golden_records.birth_date,
        golden_records.street,
        golden_records.postcode,
        golden_records.city,
        golden_records.country,

        ---------- which source won each attribute
        golden_records.first_name_source,
        golden_records.last_name_source,
        golden_records.email_source,
        golden_records.phone_source,
        golden_records.birth_date_source,
        golden_records.address_source,

        ---------- stores
        home_stores.home_store_id,
        home_stores.home_store_city,

        ---------- identity
        concat_ws(',',
        case when (customers.source_mask & 1) <> 0 then 'crm' end,
        case when (customers.source_mask & 2) <> 0 then 'loyalty' end,
        case when (customers.source_mask & 4) <> 0 then 'shop' end,
        case when (customers.source_mask & 8) <> 0 then 'pos' end,
        case when (customers.source_mask & 16) <> 0 then 'survey' end,
        case when (customers.source_mask & 32) <> 0 then 'reviews' end,
        case when (customers.source_mask & 64) <> 0 then 'care' end,
        case when (customers.source_mask & 128) <> 0 then 'email' end,
        case when (customers.source_mask & 256) <> 0 then 'app' end,
        case when (customers.source_mask & 512) <> 0 then 'web' end
    ) as sources,
        cast(customers.crm_customer_id_count as integer) as crm_customer_id_count,
        cast(customers.loyalty_card_number_count as integer) as loyalty_card_number_count,
        cast(customers.shop_account_id_count as integer) as shop_account_id_count,
        cast(customers.email_count as integer) as email_count,
        cast(customers.phone_count as integer) as phone_count,
        cast(customers.social_handle_count as integer) as social_handle_count,
        cast(customers.device_id_count as integer) as device_id_count,
        cast(customers.anonymous_id_count as integer) as anonymous_id_count,

        ---------- consent as of as_of_date
        coalesce(consents.consent_marketing_email, false) as consent_marketing_email,
        coalesce(consents.consent_marketing_sms, false) as consent_marketing_sms,
        coalesce(consents.consent_marketing_push, false) as consent_marketing_push,
        coalesce(consents.consent_marketing_ads, false) as consent_marketing_ads,
        coalesce(consents.consent_profiling_email, false) as consent_profiling_email,
        coalesce(consents.consent_profiling_sms, false) as consent_profiling_sms,
        coalesce(consents.consent_profiling_push, false) as consent_profiling_push,
        coalesce(consents.consent_profiling_ads, false) as consent_profiling_ads,
        coalesce(consents.consent_personalisation_email, false) as consent_personalisation_email,
        coalesce(consents.consent_personalisation_sms, false) as consent_personalisation_sms,
        coalesce(consents.consent_personalisation_push, false) as consent_personalisation_push,
        coalesce(consents.consent_personalisation_ads, false) as consent_personalisation_ads,

        ---------- timestamps
        customers.first_seen_at,
        customers.last_seen_at

    from customers
    left join golden_records
        on customers.customer_id = golden_records.customer_id
    left join home_stores
        on customers.customer_id = home_stores.customer_id
    left join consents
        on customers.customer_id = consents.customer_id

)

select * from final