-- One row per store: every store of the pos/stores export, plus any store a till transaction names that
-- the export lacks (its city and timezone NULL), so fct_orders.store_id always finds its store.

with

stores as (

    select * from {{ ref('stg_pos__stores') }}

),

orders as (

    select * from {{ ref('int_journey__orders') }}
    where channel = 'store'

),

activity as (

    select
        store_id,
        min(ordered_at) as first_transaction_at,
        max(ordered_at) as last_transaction_at

    from orders
    group by store_id

),

store_ids as (

    select store_id from stores
    union
    select store_id from activity

),

final as (

    select
        ---------- ids
        store_ids.store_id,

        ---------- attributes
        stores.city,
        stores.country,
        stores.timezone,
        stores.store_id is not null as is_in_store_list,

        ---------- timestamps
        activity.first_transaction_at,
        activity.last_transaction_at

    from store_ids
    left join stores
        on store_ids.store_id = stores.store_id
    left join activity
        on store_ids.store_id = activity.store_id

)

select * from final
