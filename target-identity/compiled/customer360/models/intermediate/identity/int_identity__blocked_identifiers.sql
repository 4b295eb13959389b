-- The junk firewall's verdicts, for the on-call: every identifier cut from the identity graph and
-- why. A blocked identifier links nobody, is in no customer's bridge, and no fact reaches a customer
-- through it.
--   blocklist  seed identity_junk_blocklist                       (int_identity__junk_identifiers)
--   shared     linked to more anchors than the limit               (int_identity__junk_identifiers)
--   household  a phone whose links reach two different people      (int_identity__weak_links)
-- (A phone's single unvouched links, e.g. to a loyalty card naming nobody, are dropped without
-- blocking the phone: see int_identity__weak_links.is_used.)

with

junk as (

    select * from "warehouse"."intermediate"."int_identity__junk_identifiers"

),

weak_links as (

    select * from "warehouse"."intermediate"."int_identity__weak_links"

),

households as (

    select
        weak_type as identifier_type,
        weak_value as identifier_value,
        'household' as block_rule,
        'household: links ' || cast(max(household_people_named) as TEXT)
            || ' different people' as reason,
        sum(case when linked_type in ('crm_customer_id', 'shop_account_id', 'loyalty_card_number') then 1 else 0 end)
            as anchors_linked

    from weak_links
    where is_household
    group by weak_type, weak_value

),

blocked as (

    select identifier_type, identifier_value, block_rule, reason, anchors_linked from junk
    union all
    select identifier_type, identifier_value, block_rule, reason, anchors_linked from households

)

select * from blocked