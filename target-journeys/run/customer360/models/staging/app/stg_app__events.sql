
  
  create view "fresh"."staging"."stg_app__events__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."app__events"

),

renamed as (

    select
        ---------- ids
        trim(event_id) as event_id,
        trim(device_id) as device_id,
        -- app_user_id is the shop account once the user has logged in
        nullif(trim(app_user_id), '') as shop_account_id,

        ---------- attributes
        platform,
        event_type,

        ---------- timestamps
        occurred_at,
        coalesce(received_at, occurred_at) as received_at,

        ---------- lineage
        _export_date,
        _loaded_at,
        _line_number

    from source

),

-- a duplicate delivery of an event counts once: the first delivery wins
deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by event_id order by _export_date, _loaded_at, _line_number) = 1

)

select * from deduplicated
  );
