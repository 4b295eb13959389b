{#- Cut a visitor's events into sessions: a gap of more than var session_timeout_minutes between
    two consecutive events (by occurred_at, then event_id) starts a new session; a gap of exactly
    the timeout does not. Sessions are not cut at midnight. Heartbeats keep a session alive.

    relation needs channel, visitor_id, event_id, occurred_at, is_view, is_heartbeat, heartbeat_bucket. Adds
      session_id                 hash of channel, visitor and the session's first event id: stable
                                 across runs as long as no earlier event joins the session
      session_first_event_id     that first event
      event_sequence             position of the event in its session (1 = first)
      view_number                page or screen views in the session up to and including this event,
                                 so a heartbeat belongs to view view_number
      is_new_heartbeat_bucket    a heartbeat whose bucket no earlier heartbeat of the visitor had: its
                                 session's distinct buckets are a count of these, no distinct count
                                 (buckets only grow with time, and two pings in one bucket are 10 s apart,
                                 so always in one session)

    Two window passes, both over one ordering of the visitor's events: the first numbers the events
    and counts views from the visitor's first event, the second carries the values of the latest
    session start forward. Per-session windows need two more passes over every event, each holding
    every column (at 1M persons, 32M events: fct_sessions 732 s with four passes, 139 s with two).

    Used once, by int_journey__sessionised_events, which int_journey__sessions and int_journey__touchpoints read.
-#}
{% macro sessionise(relation) -%}
    {%- set visitor_order = 'partition by channel, visitor_id order by occurred_at, event_id' -%}
    select
        session_starts.* exclude (previous_occurred_at, previous_heartbeat_bucket, visitor_event_number, visitor_views, is_session_start, session_start_event_number, views_before_session),
        session_starts.is_heartbeat
            and session_starts.previous_heartbeat_bucket is distinct from session_starts.heartbeat_bucket as is_new_heartbeat_bucket,
        session_starts.visitor_event_number - session_starts.session_start_event_number + 1 as event_sequence,
        session_starts.visitor_views - session_starts.views_before_session as view_number,
        {{ dbt.hash("session_starts.channel || ':' || session_starts.visitor_id || ':' || session_starts.session_first_event_id") }} as session_id

    from (
        select
            numbered.*,
            last_value(case when numbered.is_session_start then numbered.event_id end ignore nulls)
                over session_carry as session_first_event_id,
            last_value(case when numbered.is_session_start then numbered.visitor_event_number end ignore nulls)
                over session_carry as session_start_event_number,
            last_value(
                case when numbered.is_session_start
                    then numbered.visitor_views - case when numbered.is_view then 1 else 0 end
                end ignore nulls
            ) over session_carry as views_before_session

        from (
            select
                with_previous.*,
                with_previous.previous_occurred_at is null
                    or with_previous.occurred_at > {{ dbt.dateadd('minute', var('session_timeout_minutes'), 'with_previous.previous_occurred_at') }}
                    as is_session_start

            from (
                select
                    {{ relation }}.*,
                    lag({{ relation }}.occurred_at) over (visitor_events) as previous_occurred_at,
                    last_value(case when {{ relation }}.is_heartbeat then {{ relation }}.heartbeat_bucket end ignore nulls) over (
                        visitor_events rows between unbounded preceding and 1 preceding
                    ) as previous_heartbeat_bucket,
                    row_number() over (visitor_events) as visitor_event_number,
                    sum(case when {{ relation }}.is_view then 1 else 0 end) over (
                        visitor_events rows between unbounded preceding and current row
                    ) as visitor_views

                from {{ relation }}
                window visitor_events as ({{ visitor_order }})
            ) as with_previous
        ) as numbered
        window session_carry as ({{ visitor_order }} rows between unbounded preceding and current row)
    ) as session_starts
{%- endmacro %}
