-- What becomes of every scored pair of person records and every steward override: one row per pair
-- (record_id_a < record_id_b) with the decision
--   steward_link / cannot_link   a steward's override (seeds/identity_overrides.csv), honoured first
--   birth_date_conflict          both birth dates known and more than one digit apart: never the same person
--   first_name_conflict          both first names known, neither equal, nickname-equal, swapped with the
--                                last name nor one typo apart: household members and twins (Eva and Evie)
--   name_missing                 a side lacks a first or last name and nothing but the address agrees
--   link                         match_probability >= var identity_match_threshold
--   review                       below it (down to identity_review_min_probability): for a steward
-- Links (link, steward_link) join customers in int_identity__match_components, under the cluster cap.

with

scores as (

    select * from {{ ref('int_identity__match_scores') }}

),

records as (

    select * from {{ ref('int_identity__person_records') }}

),

overrides as (

    select
        least(record_id_a, record_id_b) as record_id_a,
        greatest(record_id_a, record_id_b) as record_id_b,
        decision,
        reason as override_reason

    from {{ ref('identity_overrides') }}

),

candidates as (

    select
        coalesce(scores.record_id_l, overrides.record_id_a) as record_id_a,
        coalesce(scores.record_id_r, overrides.record_id_b) as record_id_b,
        scores.match_probability,
        scores.match_weight,
        overrides.decision as override_decision,
        overrides.override_reason

    from scores
    full outer join overrides
        on scores.record_id_l = overrides.record_id_a
        and scores.record_id_r = overrides.record_id_b

),

compared as (

    select
        candidates.*,
        a.record_type as record_type_a,
        a.record_value as record_value_a,
        b.record_type as record_type_b,
        b.record_value as record_value_b,
        a.birth_date is not null and b.birth_date is not null
            and levenshtein(a.birth_date, b.birth_date) > 1 as has_birth_date_conflict,
        a.first_name is not null and b.first_name is not null
            and a.first_name <> b.first_name
            and a.first_name_canonical <> b.first_name_canonical
            and a.first_name <> coalesce(b.last_name, '')
            and not {{ is_one_typo_apart('a.first_name', 'b.first_name') }} as has_first_name_conflict,
        (a.first_name is null or a.last_name is null or b.first_name is null or b.last_name is null)
            and coalesce(a.birth_date = b.birth_date, false) = false
            and coalesce(a.email_local = b.email_local, false) = false
            and coalesce(a.phone = b.phone, false) = false as has_only_address

    from candidates
    inner join records as a
        on candidates.record_id_a = a.record_id
    inner join records as b
        on candidates.record_id_b = b.record_id

),

decided as (

    select
        record_id_a,
        record_type_a,
        record_value_a,
        record_id_b,
        record_type_b,
        record_value_b,
        match_probability,
        match_weight,
        case
            when override_decision = 'no_link' then 'cannot_link'
            when override_decision = 'link' then 'steward_link'
            when has_birth_date_conflict then 'birth_date_conflict'
            when has_first_name_conflict then 'first_name_conflict'
            when has_only_address then 'name_missing'
            when match_probability >= {{ var('identity_match_threshold') }} then 'link'
            else 'review'
        end as decision,
        override_reason

    from compared

)

select * from decided
