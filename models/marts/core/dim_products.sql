-- One row per product (SKU): every SKU sold online or in store up to as_of_date, reviewed, or listed in
-- the optional shop/products catalogue, with the catalogue's name, category and list price where it has
-- them. Without a catalogue export the SKUs sold and reviewed are still all here.

with

catalogue as (

    select * from {{ ref('stg_shop__products') }}

),

order_lines as (

    select * from {{ ref('fct_order_lines') }}

),

reviews as (

    select * from {{ ref('stg_reviews__reviews') }}

),

-- the reviews as of as_of_date by people not erased: those the journeys keep as touchpoints
kept_reviews as (

    select * from {{ ref('int_journey__touchpoints_from_records') }}
    where source = 'reviews'

),

sales as (

    select
        sku,
        min(ordered_at) as first_sold_at,
        max(ordered_at) as last_sold_at

    from order_lines
    where sku is not null
    group by sku

),

review_summary as (

    select
        reviews.sku,
        count(*) as review_count,
        avg(reviews.rating) as average_rating

    from reviews
    inner join kept_reviews
        on 'review:' || reviews.review_id = kept_reviews.touchpoint_id
    where reviews.sku is not null
    group by reviews.sku

),

skus as (

    select sku from catalogue
    union
    select sku from sales
    union
    select sku from review_summary

),

final as (

    select
        ---------- ids
        skus.sku,

        ---------- catalogue
        catalogue.product_name,
        catalogue.category,
        {{ money('catalogue.list_price') }} as list_price,
        catalogue.currency,
        catalogue.sku is not null as is_in_catalogue,

        ---------- reviews, as of as_of_date
        cast(coalesce(review_summary.review_count, 0) as bigint) as review_count,
        cast(review_summary.average_rating as double) as average_rating,

        ---------- timestamps
        sales.first_sold_at,
        sales.last_sold_at

    from skus
    left join catalogue
        on skus.sku = catalogue.sku
    left join sales
        on skus.sku = sales.sku
    left join review_summary
        on skus.sku = review_summary.sku

)

select * from final
