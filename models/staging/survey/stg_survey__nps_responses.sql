with

source as (

    select * from {{ source('survey', 'nps_responses') }}

),

renamed as (

    select
        trim(response_id) as response_id,
        nullif(trim(crm_customer_id), '') as crm_customer_id,
        {{ normalise_email('email') }} as email,
        score,
        case
            when score >= 9 then 'promoter'
            when score >= 7 then 'passive'
            else 'detractor'
        end as nps_category,
        answered_at,
        comment,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    {{ deduplicate('renamed', 'response_id', '_export_date, _loaded_at, _line_number') }}

)

select * from deduplicated
