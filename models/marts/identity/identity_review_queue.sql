-- Pairs of person records for a data steward: scored below var identity_match_threshold (down to
-- identity_review_min_probability), stopped by a guard, or linked but left out of a customer by the
-- cluster cap. One row per pair, with the evidence per field and both records' current customers.
-- A steward's decision goes into seeds/identity_overrides.csv (link or no_link) and holds from the
-- next run on; a pair with a decision leaves the queue.

with

decisions as (

    select * from {{ ref('int_identity__match_decisions') }}

),

scores as (

    select * from {{ ref('int_identity__match_scores') }}

),

records as (

    select * from {{ ref('int_identity__person_records') }}

),

clusters as (

    select * from {{ ref('int_identity__clusters') }}

),

components as (

    select * from {{ ref('int_identity__match_components') }}

),

customer_ids as (

    select * from {{ ref('int_identity__customer_ids') }}

),

erasures as (

    select * from {{ ref('int_identity__erasures') }}

),

placed as (

    select
        decisions.*,
        customer_a.customer_id as customer_id_a,
        customer_b.customer_id as customer_id_b,
        cluster_a.cluster_node_id as cluster_a

    from decisions
    left join clusters as cluster_a
        on decisions.record_type_a = cluster_a.identifier_type
        and decisions.record_value_a = cluster_a.identifier_value
    left join customer_ids as customer_a
        on decisions.record_type_a = customer_a.identifier_type
        and decisions.record_value_a = customer_a.identifier_value
    left join customer_ids as customer_b
        on decisions.record_type_b = customer_b.identifier_type
        and decisions.record_value_b = customer_b.identifier_value

),

queued as (

    select
        placed.*,
        case
            when placed.decision = 'link' then 'link left out: ' || components.status
            when placed.decision = 'review' then 'below the match threshold'
            else 'stopped by a guard: ' || placed.decision
        end as reason

    from placed
    left join components
        on placed.cluster_a = components.cluster_node_id
    where placed.decision in ('review', 'birth_date_conflict', 'first_name_conflict', 'name_missing')
        or (placed.decision = 'link' and coalesce(components.status, 'merged') <> 'merged')

),

final as (

    select
        ---------- ids
        {{ dbt.hash(dbt.concat(['queued.record_id_a', "'|'", 'queued.record_id_b'])) }} as pair_id,
        queued.record_id_a,
        queued.record_id_b,
        queued.customer_id_a,
        queued.customer_id_b,

        ---------- the verdict
        queued.match_probability,
        queued.match_weight,
        queued.decision,
        queued.reason,
        coalesce(queued.customer_id_a = queued.customer_id_b, false) as is_same_customer,

        ---------- evidence per field
        scores.evidence_name,
        scores.evidence_birth_date,
        scores.evidence_address,
        scores.evidence_email_local,
        scores.evidence_phone,

        ---------- the records side by side
        record_a.first_name as first_name_a,
        record_b.first_name as first_name_b,
        record_a.last_name as last_name_a,
        record_b.last_name as last_name_b,
        record_a.birth_date as birth_date_a,
        record_b.birth_date as birth_date_b,
        record_a.street as street_a,
        record_b.street as street_b,
        record_a.postcode as postcode_a,
        record_b.postcode as postcode_b

    from queued
    inner join scores
        on queued.record_id_a = scores.record_id_l
        and queued.record_id_b = scores.record_id_r
    inner join records as record_a
        on queued.record_id_a = record_a.record_id
    inner join records as record_b
        on queued.record_id_b = record_b.record_id
    -- nothing about an erased person reaches a steward
    left join erasures as erased_a
        on queued.customer_id_a = erased_a.customer_id
    left join erasures as erased_b
        on queued.customer_id_b = erased_b.customer_id
    where erased_a.customer_id is null and erased_b.customer_id is null

)

select * from final
