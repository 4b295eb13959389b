
  
  create view "fresh"."staging"."stg_survey__nps_responses__dbt_tmp" as (
    with

source as (

    select * from "fresh"."raw"."survey__nps_responses"

),

renamed as (

    select
        trim(response_id) as response_id,
        nullif(trim(crm_customer_id), '') as crm_customer_id,
        case
        when lower(trim(email)) like '%_@_%._%' then lower(trim(email))
    end as email,
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

    select *
    from renamed
    qualify row_number() over (partition by response_id order by _export_date, _loaded_at, _line_number) = 1

)

select * from deduplicated
  );
