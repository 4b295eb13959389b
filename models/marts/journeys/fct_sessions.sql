-- Web and app sessions, one row per visitor and run of activity: the BI contract of the sessions
-- int_journey__sessions builds incrementally (how sessions are cut, kept and re-keyed is there),
-- without its lineage column.
-- table, not a view: dbt enforces the contract's not-null constraints only on tables; a session-grained copy is cheap.

with

sessions as (

    select * from {{ ref('int_journey__sessions') }}

),

final as (

    select
        ---------- ids
        session_id,
        customer_id,
        channel,
        visitor_id,
        shop_account_id,
        source_identifier_type,

        ---------- attributes
        platform,
        entry_page,
        exit_page,
        is_converted,
        is_capped,

        ---------- measures
        duration_seconds,
        engaged_seconds,
        event_count,
        view_count,
        heartbeat_count,

        ---------- timestamps
        started_at,
        ended_at

    from sessions

)

select * from final
