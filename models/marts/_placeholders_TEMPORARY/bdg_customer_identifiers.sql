-- placeholder until branch identity/journeys lands
-- TEMPORARY naive stitching: a CRM customer is a person (customer_id = 'cus_' || crm id); shop accounts
-- and loyalty cards join them by crm id or email, else stand alone. No junk firewall, no graph.
with

crm as (select * from {{ ref('stg_crm__customers') }}),
accounts as (select * from {{ ref('stg_shop__accounts') }}),
cards as (select * from {{ ref('stg_loyalty__cards') }}),

crm_emails as (
    select email, min(crm_customer_id) as crm_customer_id from crm where email is not null group by email
),

account_owner as (
    select
        accounts.shop_account_id,
        accounts.email,
        accounts.phone,
        coalesce('cus_' || crm_emails.crm_customer_id, 'cus_shop_' || accounts.shop_account_id) as customer_id
    from accounts
    left join crm_emails on accounts.email = crm_emails.email
),

card_owner as (
    select
        cards.loyalty_card_number,
        coalesce(
            'cus_' || cards.crm_customer_id,
            'cus_' || crm_emails.crm_customer_id,
            'cus_card_' || cards.loyalty_card_number
        ) as customer_id
    from cards
    left join crm_emails on cards.email = crm_emails.email
),

identifiers as (
    select 'cus_' || crm_customer_id as customer_id, 'crm_customer_id' as identifier_type, crm_customer_id as identifier_value from crm
    union select 'cus_' || crm_customer_id, 'email', email from crm where email is not null
    union select 'cus_' || crm_customer_id, 'phone', phone from crm where phone is not null
    union select customer_id, 'shop_account_id', shop_account_id from account_owner
    union select customer_id, 'email', email from account_owner where email is not null
    union select customer_id, 'phone', phone from account_owner where phone is not null
    union select customer_id, 'loyalty_card_number', loyalty_card_number from card_owner
),

-- one owner per identifier (the smallest customer_id), as the real bridge guarantees
owned as (
    {{ deduplicate('identifiers', 'identifier_type, identifier_value', 'customer_id') }}
)

select customer_id, identifier_type, identifier_value from owned
