-- One row per customer interaction, any channel: the BI contract of the touchpoints
-- int_journey__touchpoints builds incrementally (how they are scoped, re-keyed and erased is there),
-- without its lineage column.
-- view, not a table: a copy would rewrite every touchpoint on every run (23M rows at 1M persons) for one
-- column less; the not-null keys are enforced by int_journey__touchpoints' own contract, and the serving
-- file holds it as a table.
{{ config(materialized='view') }}

with

touchpoints as (

    select * from {{ ref('int_journey__touchpoints') }}

),

final as (

    select
        ---------- ids
        touchpoint_id,
        customer_id,
        session_id,
        source_identifier_type,
        source_identifier_value,

        ---------- attributes
        channel,
        source,
        touchpoint_type,
        journey_stage,

        ---------- measures
        {{ money('revenue') }} as revenue,
        engaged_seconds,

        ---------- timestamps
        occurred_at

    from touchpoints

)

select * from final
