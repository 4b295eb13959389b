-- Each customer's home store: the store of most of their POS transactions up to as_of_date (a
-- transaction is theirs through its loyalty card), ties to the most recently visited, then store id.

with

as_of as (

    select as_of_date from "warehouse"."intermediate"."int_calendar__as_of_date"

),

transactions as (

    select * from "warehouse"."staging"."stg_pos__transactions"
    where loyalty_card_number is not null
        and cast(transacted_at as date) <= (select as_of.as_of_date from as_of)

),

stores as (

    select * from "warehouse"."staging"."stg_pos__stores"

),

customer_ids as (

    select identifier_value, customer_id
    from "warehouse"."intermediate"."int_identity__customer_ids"
    where identifier_type = 'loyalty_card_number'

),

visits as (

    select
        customer_ids.customer_id,
        transactions.store_id,
        count(*) as transactions,
        max(transactions.transacted_at) as last_transacted_at

    from transactions
    inner join customer_ids
        on transactions.loyalty_card_number = customer_ids.identifier_value
    group by customer_ids.customer_id, transactions.store_id

),

home_stores as (

    select *
    from visits
    qualify row_number() over (partition by customer_id order by transactions desc, last_transacted_at desc, store_id) = 1

),

final as (

    select
        home_stores.customer_id,
        home_stores.store_id as home_store_id,
        stores.city as home_store_city,
        home_stores.transactions as home_store_transactions

    from home_stores
    left join stores
        on home_stores.store_id = stores.store_id

)

select * from final