with

source as (

    select * from {{ source('loyalty', 'points') }}

),

renamed as (

    select
        trim(entry_id) as entry_id,
        {{ normalise_card_number('loyalty_card_number') }} as loyalty_card_number,
        points,
        reason,
        occurred_at,
        _export_date,
        _loaded_at,
        _line_number

    from source

),

deduplicated as (

    {{ deduplicate('renamed', 'entry_id', '_export_date, _loaded_at, _line_number') }}

)

select * from deduplicated
