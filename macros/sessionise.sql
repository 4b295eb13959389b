{#- Cut a visitor's events into sessions: a gap of more than var session_timeout_minutes between
    two consecutive events (by occurred_at, then event_id) starts a new session; a gap of exactly
    the timeout does not. Sessions are not cut at midnight. Heartbeats keep a session alive.

    relation needs channel, visitor_id, event_id, occurred_at. Adds
      session_id                 hash of channel, visitor and the session's first event id: stable
                                 across runs as long as no earlier event joins the session
      session_first_event_id     that first event
      event_sequence             position of the event in its session (1 = first)

    Used by fct_sessions and fct_touchpoints so both cut sessions identically.
-#}
{% macro sessionise(relation) -%}
    select
        session_numbered.*,
        {{ dbt.hash("session_numbered.channel || ':' || session_numbered.visitor_id || ':' || session_numbered.session_first_event_id") }} as session_id

    from (
        select
            gaps.*,
            first_value(gaps.event_id) over (
                partition by gaps.channel, gaps.visitor_id, gaps.session_number
                order by gaps.occurred_at, gaps.event_id
                rows between unbounded preceding and unbounded following
            ) as session_first_event_id,
            row_number() over (
                partition by gaps.channel, gaps.visitor_id, gaps.session_number
                order by gaps.occurred_at, gaps.event_id
            ) as event_sequence

        from (
            select
                with_previous.*,
                sum(
                    case
                        when with_previous.previous_occurred_at is null then 1
                        when with_previous.occurred_at > {{ dbt.dateadd('minute', var('session_timeout_minutes'), 'with_previous.previous_occurred_at') }} then 1
                        else 0
                    end
                ) over (
                    partition by with_previous.channel, with_previous.visitor_id
                    order by with_previous.occurred_at, with_previous.event_id
                    rows between unbounded preceding and current row
                ) as session_number

            from (
                select
                    {{ relation }}.*,
                    lag({{ relation }}.occurred_at) over (
                        partition by {{ relation }}.channel, {{ relation }}.visitor_id
                        order by {{ relation }}.occurred_at, {{ relation }}.event_id
                    ) as previous_occurred_at

                from {{ relation }}
            ) as with_previous
        ) as gaps
    ) as session_numbered
{%- endmacro %}
