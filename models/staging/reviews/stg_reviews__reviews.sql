with

source as (

    select * from {{ source('reviews', 'reviews') }}

),

renamed as (

    select
        trim(review_id) as review_id,
        nullif(trim(shop_account_id), '') as shop_account_id,
        {{ normalise_email('email') }} as email,
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

    {{ deduplicate('renamed', 'review_id', '_export_date desc, _loaded_at desc, _line_number desc') }}

)

select * from deduplicated
