
  
  create view "fresh"."staging"."stg_reviews__reviews__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."reviews__reviews"

),

renamed as (

    select
        trim(review_id) as review_id,
        nullif(trim(shop_account_id), '') as shop_account_id,
        case
        when lower(trim(email)) like '%_@_%._%' then lower(trim(email))
    end as email,
        trim(sku) as sku,
        rating,
        submitted_at,
        review_text,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    select *
    from renamed
    qualify row_number() over (partition by review_id order by _export_date desc, _loaded_at desc, _line_number desc) = 1

)

select * from deduplicated
  );
