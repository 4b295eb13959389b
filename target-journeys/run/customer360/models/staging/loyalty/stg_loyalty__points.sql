
  
  create view "fresh"."staging"."stg_loyalty__points__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."loyalty__points"

),

renamed as (

    select
        trim(entry_id) as entry_id,
        nullif(upper(regexp_replace(trim(loyalty_card_number), '[ -]', '', 'g')), '') as loyalty_card_number,
        points,
        reason,
        occurred_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by entry_id order by _export_date, _loaded_at, _line_number) = 1

)

select * from deduplicated
  );
