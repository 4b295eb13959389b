-- Every source record that can supply a golden-record attribute, with the customer it belongs to,
-- its source, how recent it is and how complete (non-null attributes): what survivorship ranks.
--   crm customers    names, email, phone, birth date, address (recorded_at = updated_at)
--   shop accounts    names, email, phone (recorded_at = created_at)
--   everything else  an email or phone it carries (loyalty cards, care tickets, guest orders, survey,
--                    reviews, email events), recorded_at = when last seen
-- Junk values (blocklisted or shared) are no one's email or phone; a household landline is a
-- household member's phone, so it stays a candidate.

with

customer_ids as (

    select identifier_type, identifier_value, customer_id
    from "warehouse"."intermediate"."int_identity__customer_ids"
    where is_known

),

junk as (

    select identifier_type, identifier_value
    from "warehouse"."intermediate"."int_identity__blocked_identifiers"
    where block_rule in ('blocklist', 'shared')

),

crm_customers as (

    select * from "warehouse"."staging"."stg_crm__customers"

),

shop_accounts as (

    select * from "warehouse"."staging"."stg_shop__accounts"

),

tuples as (

    select * from "warehouse"."intermediate"."int_identity__identifier_tuples"
    where not (source = 'crm' and entity = 'customers')
        and not (source = 'shop' and entity = 'accounts')

),

profiles as (

    select
        customer_ids.customer_id,
        'crm' as source,
        crm_customers.updated_at as recorded_at,
        crm_customers.first_name,
        crm_customers.last_name,
        crm_customers.email,
        crm_customers.phone,
        crm_customers.birth_date,
        crm_customers.street,
        crm_customers.postcode,
        crm_customers.city,
        crm_customers.country

    from crm_customers
    inner join customer_ids
        on customer_ids.identifier_type = 'crm_customer_id'
        and crm_customers.crm_customer_id = customer_ids.identifier_value

    union all

    select
        customer_ids.customer_id,
        'shop',
        shop_accounts.created_at,
        shop_accounts.first_name,
        shop_accounts.last_name,
        shop_accounts.email,
        shop_accounts.phone,
        cast(null as date),
        cast(null as TEXT),
        cast(null as TEXT),
        cast(null as TEXT),
        cast(null as TEXT)

    from shop_accounts
    inner join customer_ids
        on customer_ids.identifier_type = 'shop_account_id'
        and shop_accounts.shop_account_id = customer_ids.identifier_value

),

contact_points as (

    select
        customer_ids.customer_id,
        tuples.source,
        max(tuples.last_seen_at) as recorded_at,
        cast(null as TEXT) as first_name,
        cast(null as TEXT) as last_name,
        tuples.email as email,
        cast(null as TEXT) as phone,
        cast(null as date) as birth_date,
        cast(null as TEXT) as street,
        cast(null as TEXT) as postcode,
        cast(null as TEXT) as city,
        cast(null as TEXT) as country,
        1 as completeness

    from tuples
    inner join customer_ids
        on customer_ids.identifier_type = 'email'
        and tuples.email = customer_ids.identifier_value
    group by customer_ids.customer_id, tuples.source, tuples.email

    union all

    select
        customer_ids.customer_id,
        tuples.source,
        max(tuples.last_seen_at) as recorded_at,
        cast(null as TEXT) as first_name,
        cast(null as TEXT) as last_name,
        cast(null as TEXT) as email,
        tuples.phone as phone,
        cast(null as date) as birth_date,
        cast(null as TEXT) as street,
        cast(null as TEXT) as postcode,
        cast(null as TEXT) as city,
        cast(null as TEXT) as country,
        1 as completeness

    from tuples
    inner join customer_ids
        on customer_ids.identifier_type = 'phone'
        and tuples.phone = customer_ids.identifier_value
    group by customer_ids.customer_id, tuples.source, tuples.phone

    

),

candidates as (

    select
        *,
        (case when first_name is null then 0 else 1 end)
        + (case when last_name is null then 0 else 1 end)
        + (case when email is null then 0 else 1 end)
        + (case when phone is null then 0 else 1 end)
        + (case when birth_date is null then 0 else 1 end)
        + (case when street is null then 0 else 1 end)
        + (case when postcode is null then 0 else 1 end)
        + (case when city is null then 0 else 1 end)
        + (case when country is null then 0 else 1 end) as completeness

    from profiles

    union all

    select * from contact_points

),

without_junk as (

    select
        candidates.customer_id,
        candidates.source,
        case candidates.source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 3
        when 'pos' then 4
        when 'survey' then 5
        when 'reviews' then 6
        when 'care' then 7
        when 'email' then 8
        when 'app' then 9
        when 'web' then 10
        else 999
    end as source_priority,
        candidates.recorded_at,
        candidates.completeness,
        candidates.first_name,
        candidates.last_name,
        case when junk_email.identifier_value is null then candidates.email end as email,
        case when junk_phone.identifier_value is null then candidates.phone end as phone,
        candidates.birth_date,
        candidates.street,
        candidates.postcode,
        candidates.city,
        candidates.country

    from candidates
    left join junk as junk_email
        on junk_email.identifier_type = 'email'
        and candidates.email = junk_email.identifier_value
    left join junk as junk_phone
        on junk_phone.identifier_type = 'phone'
        and candidates.phone = junk_phone.identifier_value

)

select * from without_junk