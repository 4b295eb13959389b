-- One row per calendar day, from 1 January of the year of the earliest customer, order or touchpoint to
-- 31 December of as_of_date's year: the date dimension BI joins any date or timestamp to (cast to date),
-- and the time spine of the dbt semantic layer. Business days follow the care metrics: Monday-Friday,
-- not a holiday of seeds/holidays.csv.

{%- set month_names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                       'October', 'November', 'December'] %}
{%- set day_names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] %}

with

customers as (

    select * from {{ ref('int_identity__customers') }}

),

orders as (

    select * from {{ ref('int_journey__orders') }}

),

touchpoints as (

    select * from {{ ref('int_journey__touchpoints') }}

),

holidays as (

    select * from {{ ref('holidays') }}

),

as_of as (

    select as_of_date from {{ ref('int_calendar__as_of_date') }}

),

earliest as (

    select min(first_on) as first_on
    from (
        select cast(min(first_seen_at) as date) as first_on from customers
        union all
        select cast(min(ordered_at) as date) from orders
        union all
        select cast(min(occurred_at) as date) from touchpoints
    ) as firsts

),

bounds as (

    select
        cast({{ dbt.date_trunc('year', 'coalesce(least(earliest.first_on, as_of.as_of_date), as_of.as_of_date)') }} as date) as first_day,
        cast({{ dbt.dateadd('day', -1, dbt.dateadd('year', 1, dbt.date_trunc('year', 'as_of.as_of_date'))) }} as date) as last_day,
        as_of.as_of_date

    from as_of
    cross join earliest

),

-- up to 100 years of days
offsets as (

    select generated_number - 1 as day_offset from ({{ dbt.generate_series(36600) }}) as series

),

days as (

    select
        cast({{ dbt.dateadd('day', 'offsets.day_offset', 'bounds.first_day') }} as date) as date_day,
        bounds.as_of_date

    from bounds
    inner join offsets
        on offsets.day_offset <= {{ dbt.datediff('bounds.first_day', 'bounds.last_day', 'day') }}

),

holiday_names as (

    select
        holiday_date,
        min(holiday_name) as holiday_name

    from holidays
    group by holiday_date

),

attributes as (

    select
        days.date_day,
        cast(extract(year from days.date_day) as {{ dbt.type_int() }}) as year_number,
        cast(extract(quarter from days.date_day) as {{ dbt.type_int() }}) as quarter_number,
        cast(extract(month from days.date_day) as {{ dbt.type_int() }}) as month_number,
        cast(extract(day from days.date_day) as {{ dbt.type_int() }}) as day_of_month,
        cast({{ iso_day_of_week('days.date_day') }} as {{ dbt.type_int() }}) as day_of_week,
        holiday_names.holiday_name,
        days.date_day <= days.as_of_date as is_on_or_before_as_of

    from days
    left join holiday_names
        on days.date_day = holiday_names.holiday_date

),

final as (

    select
        ---------- the day
        date_day,

        ---------- calendar
        year_number,
        quarter_number,
        cast(year_number as {{ dbt.type_string() }}) || '-Q' || cast(quarter_number as {{ dbt.type_string() }}) as year_quarter,
        month_number,
        case month_number
            {%- for name in month_names %}
            when {{ loop.index }} then '{{ name }}'
            {%- endfor %}
        end as month_name,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start,
        cast({{ dbt.dateadd('day', '1 - day_of_week', 'date_day') }} as date) as week_start,
        day_of_month,
        day_of_week,
        case day_of_week
            {%- for name in day_names %}
            when {{ loop.index }} then '{{ name }}'
            {%- endfor %}
        end as day_name,

        ---------- flags
        day_of_week >= 6 as is_weekend,
        holiday_name is not null as is_holiday,
        holiday_name,
        day_of_week < 6 and holiday_name is null as is_business_day,
        is_on_or_before_as_of

    from attributes

)

select * from final
