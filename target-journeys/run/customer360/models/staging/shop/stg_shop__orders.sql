
  
  create view "fresh"."staging"."stg_shop__orders__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."shop__orders"

),

renamed as (

    select
        ---------- ids
        trim(order_id) as order_id,
        nullif(trim(shop_account_id), '') as shop_account_id,
        case
        when lower(trim(guest_email)) like '%_@_%._%' then lower(trim(guest_email))
    end as guest_email,

        ---------- attributes
        status,
        coalesce(upper(currency), 'GBP') as currency,
        device_channel,

        ---------- numerics
        order_total,

        ---------- timestamps
        ordered_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a cancellation or return arrives later as the same order with a new status: keep one row per
-- order with its latest status, and when that status was first exported
latest_status as (

    select *
    from renamed
    qualify row_number() over (partition by order_id order by _export_date desc, case status when 'returned' then 3 when 'cancelled' then 2 else 1 end desc, _loaded_at desc, _line_number desc) = 1

),

first_seen as (

    select
        order_id,
        min(ordered_at) as ordered_at,
        min(_export_date) as first_export_date

    from renamed
    group by order_id

),

orders as (

    select
        latest_status.order_id,
        latest_status.shop_account_id,
        latest_status.guest_email,
        latest_status.status,
        latest_status.currency,
        latest_status.device_channel,
        latest_status.order_total,
        first_seen.ordered_at,
        case when latest_status.status <> 'placed' then latest_status._export_date end as status_changed_on,
        first_seen.first_export_date as _export_date,
        latest_status._loaded_at

    from latest_status
    inner join first_seen
        on latest_status.order_id = first_seen.order_id

)

select * from orders
  );
