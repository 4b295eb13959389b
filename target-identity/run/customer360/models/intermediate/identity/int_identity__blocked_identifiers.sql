
    

    create  table
      "warehouse"."intermediate"."int_identity__blocked_identifiers__dbt_tmp"
  
    
    as (
      -- The junk firewall: identifiers cut from the identity graph, and why. The on-call reads this table
-- when a customer looks wrongly merged or wrongly split. Three rules, the first that applies wins:
--   blocklist  the value matches seed identity_junk_blocklist (test@example.com, 0000000000, ...)
--   shared     linked to more distinct anchors (CRM customers, shop accounts, loyalty cards) than
--              var identity_max_anchors_per_identifier: a shop's shared inbox, a kiosk device
--   household  a weak identifier (var identity_weak_identifier_types: phone) reaching CRM customers
--              or shop accounts of two different people (first names more than one typo apart), on
--              its own records or one record further: a family landline joins nobody, a person's
--              duplicate CRM record or second email still joins
-- crm_customer_id and shop_account_id are the records themselves and are never cut by counting.

with

identifiers as (

    select identifier_type, identifier_value from "warehouse"."intermediate"."int_identity__identifiers"

),

edges as (

    select * from "warehouse"."intermediate"."int_identity__edges"

),

tuples as (

    select * from "warehouse"."intermediate"."int_identity__identifier_tuples"

),

blocklist as (

    select * from "warehouse"."reference"."identity_junk_blocklist"

),

blocklist_matches as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        blocklist.reason as blocklist_reason,
        case blocklist.match_type when 'value' then 1 when 'like' then 2 else 3 end as match_rank

    from identifiers
    inner join blocklist
        on identifiers.identifier_type = blocklist.identifier_type
        and case blocklist.match_type
        when 'value' then identifiers.identifier_value = blocklist.pattern
        when 'like' then identifiers.identifier_value like blocklist.pattern
        when 'repeated_digit' then
            length(identifiers.identifier_value) >= cast(blocklist.pattern as integer)
            and 

    right(
        identifiers.identifier_value,
        cast(blocklist.pattern as integer)
    )
                = repeat(

    right(
        identifiers.identifier_value,
        1
    ), cast(blocklist.pattern as integer))
            and 

    right(
        identifiers.identifier_value,
        1
    ) between '0' and '9'
        else false
    end

),

-- the most specific rule names the reason: an exact value before a pattern
blocklisted as (

    select *
    from blocklist_matches
    qualify row_number() over (partition by identifier_type, identifier_value order by match_rank, blocklist_reason) = 1

),

-- every edge seen from both ends, keeping only the anchor ends
anchor_links as (

    select
        identifier_a_type as identifier_type,
        identifier_a_value as identifier_value,
        identifier_b_type as anchor_type,
        identifier_b_value as anchor_value

    from edges
    where identifier_b_type in ('crm_customer_id', 'shop_account_id', 'loyalty_card_number')

    union all

    select
        identifier_b_type,
        identifier_b_value,
        identifier_a_type,
        identifier_a_value

    from edges
    where identifier_a_type in ('crm_customer_id', 'shop_account_id', 'loyalty_card_number')

),

-- edges are distinct pairs, so each linked anchor is one row
anchor_counts as (

    select
        identifier_type,
        identifier_value,
        count(*) as anchors_linked

    from anchor_links
    where identifier_type not in ('crm_customer_id', 'shop_account_id')
    group by identifier_type, identifier_value

),

-- the first names of CRM customers and shop accounts, as their own records give them
anchor_names as (

    select distinct
        'crm_customer_id' as anchor_type,
        crm_customer_id as anchor_value,
        person_name

    from tuples
    where source = 'crm' and entity = 'customers' and person_name is not null

    union all

    select distinct
        'shop_account_id',
        shop_account_id,
        person_name

    from tuples
    where source = 'shop' and entity = 'accounts' and person_name is not null

),

-- identifiers sharing a record with a weak one, both directions (edges are stored once)
edge_ends as (

    select
        identifier_a_type as identifier_type,
        identifier_a_value as identifier_value,
        identifier_b_type as other_type,
        identifier_b_value as other_value

    from edges

    union all

    select
        identifier_b_type,
        identifier_b_value,
        identifier_a_type,
        identifier_a_value

    from edges

),

weak_neighbours as (

    select * from edge_ends
    where identifier_type in ('phone')
        and other_type not in ('phone')

),

-- junk found so far: never a path to anybody's name
junk as (

    select identifier_type, identifier_value from blocklisted
    union all
    select identifier_type, identifier_value from anchor_counts where anchors_linked > 5

),

-- the people a weak identifier reaches: named CRM customers and shop accounts on its own records, or
-- one record further through a strong identifier (a landline on a loyalty card whose email is
-- another household member's)
weak_identifier_names as (

    select
        weak_neighbours.identifier_type,
        weak_neighbours.identifier_value,
        anchor_names.person_name

    from weak_neighbours
    inner join anchor_names
        on weak_neighbours.other_type = anchor_names.anchor_type
        and weak_neighbours.other_value = anchor_names.anchor_value

    union

    select
        weak_neighbours.identifier_type,
        weak_neighbours.identifier_value,
        anchor_names.person_name

    from weak_neighbours
    left join junk
        on weak_neighbours.other_type = junk.identifier_type
        and weak_neighbours.other_value = junk.identifier_value
    inner join edge_ends as second_hop
        on weak_neighbours.other_type = second_hop.identifier_type
        and weak_neighbours.other_value = second_hop.identifier_value
    inner join anchor_names
        on second_hop.other_type = anchor_names.anchor_type
        and second_hop.other_value = anchor_names.anchor_value
    where junk.identifier_value is null

),

-- a weak identifier names different people when two of its names are more than one typo apart
people_named as (

    select
        one_name.identifier_type,
        one_name.identifier_value,
        count(distinct one_name.person_name) as people_named

    from weak_identifier_names as one_name
    inner join weak_identifier_names as other_name
        on one_name.identifier_type = other_name.identifier_type
        and one_name.identifier_value = other_name.identifier_value
        and one_name.person_name <> other_name.person_name
    where damerau_levenshtein(one_name.person_name, other_name.person_name) > 1
    group by one_name.identifier_type, one_name.identifier_value

),

candidates as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        blocklisted.blocklist_reason,
        coalesce(anchor_counts.anchors_linked, 0) as anchors_linked,
        coalesce(people_named.people_named, 0) as people_named,
        identifiers.identifier_type in ('phone') as is_weak

    from identifiers
    left join blocklisted
        on identifiers.identifier_type = blocklisted.identifier_type
        and identifiers.identifier_value = blocklisted.identifier_value
    left join anchor_counts
        on identifiers.identifier_type = anchor_counts.identifier_type
        and identifiers.identifier_value = anchor_counts.identifier_value
    left join people_named
        on identifiers.identifier_type = people_named.identifier_type
        and identifiers.identifier_value = people_named.identifier_value
    where
        blocklisted.blocklist_reason is not null
        or anchor_counts.anchors_linked > 5
        or people_named.people_named > 1

),

blocked as (

    select
        identifier_type,
        identifier_value,
        case
            when blocklist_reason is not null then 'blocklist'
            when anchors_linked > 5 then 'shared'
            else 'household'
        end as block_rule,
        case
            when blocklist_reason is not null then 'blocklist: ' || blocklist_reason
            when anchors_linked > 5
                then 'shared: linked to ' || cast(anchors_linked as TEXT)
                    || ' anchors (limit 5)'
            else 'household: links ' || cast(people_named as TEXT) || ' differently named people'
        end as reason,
        anchors_linked

    from candidates
    where
        blocklist_reason is not null
        or anchors_linked > 5
        or (is_weak and people_named > 1)

)

select * from blocked
    );
    
  