
  
  create view "fresh"."marts"."bdg_customer_identifiers__dbt_tmp" as (
    -- placeholder until branch identity lands: TEMPORARY, delete this folder when merging identity.
-- A crude stand-in for the identity bridge so the journey marts build and test: every identifier
-- that reaches an email within two hops belongs to the customer of that email. No junk firewall,
-- no stable ids, no merges; the real bridge replaces it with the same name and columns.


with

emails_of as (

    select 'crm_customer_id' as identifier_type, crm_customer_id as identifier_value, email
    from "fresh"."staging"."stg_crm__customers"
    union all
    select 'phone', phone, email from "fresh"."staging"."stg_crm__customers"
    union all
    select 'shop_account_id', shop_account_id, email from "fresh"."staging"."stg_shop__accounts"
    union all
    select 'phone', phone, email from "fresh"."staging"."stg_shop__accounts"
    union all
    select 'loyalty_card_number', cards.loyalty_card_number, coalesce(cards.email, crm.email)
    from "fresh"."staging"."stg_loyalty__cards" as cards
    left join "fresh"."staging"."stg_crm__customers" as crm
        on cards.crm_customer_id = crm.crm_customer_id
    union all
    select 'social_handle', social_handle, contact_email from "fresh"."staging"."stg_care__tickets"
    union all
    select distinct 'anonymous_id', web.anonymous_id, accounts.email
    from "fresh"."staging"."stg_web__events" as web
    inner join "fresh"."staging"."stg_shop__accounts" as accounts
        on web.shop_account_id = accounts.shop_account_id
    union all
    select distinct 'device_id', app.device_id, accounts.email
    from "fresh"."staging"."stg_app__events" as app
    inner join "fresh"."staging"."stg_shop__accounts" as accounts
        on app.shop_account_id = accounts.shop_account_id
    union all
    select 'email', email, email from "fresh"."staging"."stg_shop__accounts"
    union all
    select 'email', email, email from "fresh"."staging"."stg_crm__customers"
    union all
    select 'email', guest_email, guest_email from "fresh"."staging"."stg_shop__orders"
    union all
    select 'email', email, email from "fresh"."staging"."stg_email__events"
    union all
    select 'email', email, email from "fresh"."staging"."stg_survey__nps_responses"
    union all
    select 'email', email, email from "fresh"."staging"."stg_reviews__reviews"
    union all
    select 'email', contact_email, contact_email from "fresh"."staging"."stg_care__tickets"

),

bridge as (

    select
        'C' || substr(md5(cast(min(email) as TEXT)), 1, 12) as customer_id,
        identifier_type,
        identifier_value

    from emails_of
    where identifier_value is not null and email is not null
    group by identifier_type, identifier_value

)

select * from bridge
  );
