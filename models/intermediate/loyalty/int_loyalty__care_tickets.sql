-- Care tickets opened on or before as_of_date, with the customer (by contact email, then phone, then
-- social handle) and the time to first response, wall-clock and in business minutes. An erased
-- person's tickets are dropped.
-- Business time: var business_hours_start..business_hours_end (hours, UTC like every timestamp here) on
-- Monday-Friday days that are not in seeds/holidays.csv. A response after as_of_date is not known yet.
-- The clock of an unanswered ticket runs to the end of as_of_date: past the target it has breached,
-- below it the ticket is pending (neither within nor outside the target yet).
-- Tickets open more than 366 days count business time over their first 366 days only (long breached).
with

tickets as (

    select * from {{ ref('stg_care__tickets') }}

),

lookup as (

    select * from {{ ref('int_journey__identifier_lookup') }}

),

holidays as (

    select * from {{ ref('holidays') }}

),

as_of as (

    select
        as_of_date,
        cast({{ dbt.dateadd('day', 1, 'as_of_date') }} as {{ dbt.type_timestamp() }}) as as_of_end

    from {{ ref('int_calendar__as_of_date') }}

),

day_offsets as (

    select generated_number - 1 as day_offset from ({{ dbt.generate_series(367) }}) as series

),

known as (

    select
        tickets.ticket_id,
        tickets.channel,
        tickets.contact_email,
        tickets.contact_phone,
        tickets.social_handle,
        tickets.opened_at,
        case when tickets.first_response_at < as_of.as_of_end then tickets.first_response_at end as first_response_at,
        as_of.as_of_end

    from tickets
    cross join as_of
    where tickets.opened_at < as_of.as_of_end

),

clocked as (

    select
        known.*,
        case
            when known.first_response_at is null then known.as_of_end
            when known.first_response_at < known.opened_at then known.opened_at
            else known.first_response_at
        end as clock_stopped_at

    from known

),

ticket_days as (

    select
        clocked.ticket_id,
        clocked.opened_at,
        clocked.clock_stopped_at,
        cast({{ dbt.dateadd('day', 'day_offsets.day_offset', 'cast(clocked.opened_at as date)') }} as date) as calendar_day

    from clocked
    inner join day_offsets
        on day_offsets.day_offset <= {{ dbt.datediff('cast(clocked.opened_at as date)', 'cast(clocked.clock_stopped_at as date)', 'day') }}

),

business_windows as (

    select
        ticket_days.ticket_id,
        ticket_days.opened_at,
        ticket_days.clock_stopped_at,
        {{ dbt.dateadd('hour', var('business_hours_start'), 'cast(ticket_days.calendar_day as ' ~ dbt.type_timestamp() ~ ')') }} as window_start,
        {{ dbt.dateadd('hour', var('business_hours_end'), 'cast(ticket_days.calendar_day as ' ~ dbt.type_timestamp() ~ ')') }} as window_end

    from ticket_days
    left join holidays
        on ticket_days.calendar_day = holidays.holiday_date
    where
        {{ iso_day_of_week('ticket_days.calendar_day') }} <= 5
        and holidays.holiday_date is null

),

business_time as (

    select
        ticket_id,
        sum(
            case
                when least(clock_stopped_at, window_end) > greatest(opened_at, window_start)
                    then {{ dbt.datediff('greatest(opened_at, window_start)', 'least(clock_stopped_at, window_end)', 'second') }}
                else 0
            end
        ) / 60.0 as business_minutes

    from business_windows
    group by ticket_id

),

matched as (

    select
        clocked.ticket_id,
        coalesce(by_email.customer_id, by_phone.customer_id, by_social.customer_id) as customer_id,
        clocked.channel,
        clocked.opened_at,
        cast({{ dbt.date_trunc('month', 'clocked.opened_at') }} as date) as opened_month,
        clocked.first_response_at,
        clocked.first_response_at is not null as is_answered,
        {{ dbt.datediff('clocked.opened_at', 'clocked.first_response_at', 'second') }} / 60.0 as first_response_minutes,
        coalesce(business_time.business_minutes, 0) as business_minutes_elapsed

    from clocked
    left join business_time
        on clocked.ticket_id = business_time.ticket_id
    left join lookup as by_email
        on by_email.identifier_type = 'email'
        and clocked.contact_email = by_email.identifier_value
    left join lookup as by_phone
        on by_phone.identifier_type = 'phone'
        and clocked.contact_phone = by_phone.identifier_value
    left join lookup as by_social
        on by_social.identifier_type = 'social_handle'
        and clocked.social_handle = by_social.identifier_value
    where not coalesce(by_email.is_erased, false)
        and not coalesce(by_phone.is_erased, false)
        and not coalesce(by_social.is_erased, false)

),

final as (

    select
        ticket_id,
        customer_id,
        channel,
        opened_at,
        opened_month,
        first_response_at,
        is_answered,
        first_response_minutes,
        case when is_answered then business_minutes_elapsed end as first_response_business_minutes,
        is_answered and business_minutes_elapsed <= {{ var('care_response_target_minutes') }} as is_within_target,
        not is_answered and business_minutes_elapsed <= {{ var('care_response_target_minutes') }} as is_pending

    from matched

)

select * from final
