-- One row per calendar month from the first purchase's month to as_of_date's month; month_end is the
-- month's last day, or as_of_date in as_of_date's own (incomplete) month.
with

purchases as (

    select * from {{ ref('int_loyalty__purchases') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

bounds as (

    select
        cast({{ dbt.date_trunc('month', 'coalesce(first_purchase.first_on, as_of.as_of_date)') }} as date) as first_month,
        cast({{ dbt.date_trunc('month', 'as_of.as_of_date') }} as date) as last_month,
        as_of.as_of_date

    from as_of
    cross join (select min(ordered_on) as first_on from purchases) as first_purchase

),

offsets as (

    select generated_number - 1 as month_offset from ({{ dbt.generate_series(1200) }}) as series

),

months as (

    select
        cast({{ dbt.dateadd('month', 'offsets.month_offset', 'bounds.first_month') }} as date) as month_start,
        bounds.as_of_date

    from bounds
    inner join offsets
        on offsets.month_offset <= {{ dbt.datediff('bounds.first_month', 'bounds.last_month', 'month') }}

),

final as (

    select
        month_start,
        least(
            cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start')) }} as date),
            as_of_date
        ) as month_end,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start')) }} as date) <= as_of_date as is_complete_month

    from months

)

select * from final
