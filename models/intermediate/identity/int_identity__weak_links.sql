-- The links of weak identifiers (var identity_weak_identifier_types: phone), and whether the graph
-- may use them. A landline is shared by a household; a mobile belongs to one person. Each link of a
-- phone to a strong identifier reaches, within that identifier's own records, the people it names:
-- CRM customers and shop accounts, each a signature (first name, birth date when known).
--   is_used       the link reaches a named person, or reaches no anchor at all (an email seen only on
--                 care tickets): a loyalty card or cookie whose records name nobody does not join a
--                 person through a phone alone
--   is_household  the used links of the phone reach two different people: first names more than one
--                 typo apart, or two different birth dates. Such a phone links nobody
--                 (int_identity__blocked_identifiers); a person's duplicate CRM record with a typo in
--                 the name, or their second email, still joins.
-- Junk identifiers (int_identity__junk_identifiers) neither link nor vouch.

{%- set anchor_types = var('identity_anchor_types') %}
{%- set weak_types = var('identity_weak_identifier_types') %}

with

edges as (

    select * from {{ ref('int_identity__edges') }}

),

junk as (

    select * from {{ ref('int_identity__junk_identifiers') }}

),

crm_customers as (

    select * from {{ ref('stg_crm__customers') }}

),

shop_accounts as (

    select * from {{ ref('stg_shop__accounts') }}

),

signatures as (

    select
        'crm_customer_id' as anchor_type,
        crm_customer_id as anchor_value,
        lower(first_name) as person_name,
        birth_date

    from crm_customers
    where first_name is not null

    union all

    select
        'shop_account_id',
        shop_account_id,
        lower(first_name),
        cast(null as date)

    from shop_accounts
    where first_name is not null

),

-- every edge from both ends, junk left out
edge_ends as (

    select
        edges.identifier_a_type as identifier_type,
        edges.identifier_a_value as identifier_value,
        edges.identifier_b_type as other_type,
        edges.identifier_b_value as other_value

    from edges

    union all

    select
        edges.identifier_b_type,
        edges.identifier_b_value,
        edges.identifier_a_type,
        edges.identifier_a_value

    from edges

),

clean_ends as (

    select edge_ends.*

    from edge_ends
    left join junk as junk_end
        on edge_ends.identifier_type = junk_end.identifier_type
        and edge_ends.identifier_value = junk_end.identifier_value
    left join junk as junk_other
        on edge_ends.other_type = junk_other.identifier_type
        and edge_ends.other_value = junk_other.identifier_value
    where junk_end.identifier_value is null and junk_other.identifier_value is null

),

weak_links as (

    select
        identifier_type as weak_type,
        identifier_value as weak_value,
        other_type as linked_type,
        other_value as linked_value

    from clean_ends
    where identifier_type in ('{{ weak_types | join("', '") }}')
        and other_type not in ('{{ weak_types | join("', '") }}')

),

-- what each linked identifier reaches: itself and the strong identifiers on its own records
reached as (

    select weak_type, weak_value, linked_type, linked_value, linked_type as reached_type, linked_value as reached_value
    from weak_links

    union

    select
        weak_links.weak_type,
        weak_links.weak_value,
        weak_links.linked_type,
        weak_links.linked_value,
        clean_ends.other_type,
        clean_ends.other_value

    from weak_links
    inner join clean_ends
        on weak_links.linked_type = clean_ends.identifier_type
        and weak_links.linked_value = clean_ends.identifier_value
    where clean_ends.other_type not in ('{{ weak_types | join("', '") }}')

),

reached_people as (

    select distinct
        reached.weak_type,
        reached.weak_value,
        reached.linked_type,
        reached.linked_value,
        signatures.person_name,
        signatures.birth_date

    from reached
    inner join signatures
        on reached.reached_type = signatures.anchor_type
        and reached.reached_value = signatures.anchor_value

),

link_reach as (

    select
        reached.weak_type,
        reached.weak_value,
        reached.linked_type,
        reached.linked_value,
        sum(case when reached.reached_type in ('{{ anchor_types | join("', '") }}') then 1 else 0 end) as anchors_reached

    from reached
    group by reached.weak_type, reached.weak_value, reached.linked_type, reached.linked_value

),

link_people as (

    select weak_type, weak_value, linked_type, linked_value, count(*) as people_reached
    from reached_people
    group by weak_type, weak_value, linked_type, linked_value

),

verdicts as (

    select
        link_reach.weak_type,
        link_reach.weak_value,
        link_reach.linked_type,
        link_reach.linked_value,
        link_reach.anchors_reached,
        coalesce(link_people.people_reached, 0) as people_reached,
        coalesce(link_people.people_reached, 0) > 0 or link_reach.anchors_reached = 0 as is_vouched

    from link_reach
    left join link_people
        on link_reach.weak_type = link_people.weak_type
        and link_reach.weak_value = link_people.weak_value
        and link_reach.linked_type = link_people.linked_type
        and link_reach.linked_value = link_people.linked_value

),

-- the people a phone's vouched links reach, and whether two of them are different persons
phone_people as (

    select distinct
        reached_people.weak_type,
        reached_people.weak_value,
        reached_people.person_name,
        reached_people.birth_date

    from reached_people
    inner join verdicts
        on reached_people.weak_type = verdicts.weak_type
        and reached_people.weak_value = verdicts.weak_value
        and reached_people.linked_type = verdicts.linked_type
        and reached_people.linked_value = verdicts.linked_value
    where verdicts.is_vouched

),

households as (

    select
        one_person.weak_type,
        one_person.weak_value,
        count(distinct one_person.person_name) as people_named

    from phone_people as one_person
    inner join phone_people as other_person
        on one_person.weak_type = other_person.weak_type
        and one_person.weak_value = other_person.weak_value
    where
        {{ more_than_one_edit_apart('one_person.person_name', 'other_person.person_name') }}
        or one_person.birth_date <> other_person.birth_date
    group by one_person.weak_type, one_person.weak_value

),

final as (

    select
        verdicts.weak_type,
        verdicts.weak_value,
        verdicts.linked_type,
        verdicts.linked_value,
        verdicts.anchors_reached,
        verdicts.people_reached,
        verdicts.is_vouched,
        households.weak_value is not null as is_household,
        coalesce(households.people_named, 0) as household_people_named,
        verdicts.is_vouched and households.weak_value is null as is_used

    from verdicts
    left join households
        on verdicts.weak_type = households.weak_type
        and verdicts.weak_value = households.weak_value

)

select * from final
