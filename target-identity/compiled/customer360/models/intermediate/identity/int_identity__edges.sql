-- The identity graph's edges: one row per distinct pair of identifiers seen together on a record
-- (a CRM customer's id, email and phone; a login event's cookie and account; a ticket's email and
-- phone ...), with when the pair was first and last seen, on how many records and in which sources.
-- identifier_a is the more trusted type of the two (identity_identifier_types order). Before the
-- junk firewall.

with

tuples as (

    select * from "warehouse"."intermediate"."int_identity__identifier_tuples"

),

pairs as (

    select
        'crm_customer_id' as identifier_a_type,
        crm_customer_id as identifier_a_value,
        'email' as identifier_b_type,
        email as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where crm_customer_id is not null and email is not null

    union all

    select
        'crm_customer_id' as identifier_a_type,
        crm_customer_id as identifier_a_value,
        'phone' as identifier_b_type,
        phone as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where crm_customer_id is not null and phone is not null

    union all

    select
        'email' as identifier_a_type,
        email as identifier_a_value,
        'phone' as identifier_b_type,
        phone as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where email is not null and phone is not null

    union all

    select
        'shop_account_id' as identifier_a_type,
        shop_account_id as identifier_a_value,
        'email' as identifier_b_type,
        email as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where shop_account_id is not null and email is not null

    union all

    select
        'shop_account_id' as identifier_a_type,
        shop_account_id as identifier_a_value,
        'phone' as identifier_b_type,
        phone as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where shop_account_id is not null and phone is not null

    union all

    select
        'shop_account_id' as identifier_a_type,
        shop_account_id as identifier_a_value,
        'anonymous_id' as identifier_b_type,
        anonymous_id as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where shop_account_id is not null and anonymous_id is not null

    union all

    select
        'shop_account_id' as identifier_a_type,
        shop_account_id as identifier_a_value,
        'device_id' as identifier_b_type,
        device_id as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where shop_account_id is not null and device_id is not null

    union all

    select
        'crm_customer_id' as identifier_a_type,
        crm_customer_id as identifier_a_value,
        'loyalty_card_number' as identifier_b_type,
        loyalty_card_number as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where crm_customer_id is not null and loyalty_card_number is not null

    union all

    select
        'loyalty_card_number' as identifier_a_type,
        loyalty_card_number as identifier_a_value,
        'email' as identifier_b_type,
        email as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where loyalty_card_number is not null and email is not null

    union all

    select
        'loyalty_card_number' as identifier_a_type,
        loyalty_card_number as identifier_a_value,
        'phone' as identifier_b_type,
        phone as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where loyalty_card_number is not null and phone is not null

    union all

    select
        'email' as identifier_a_type,
        email as identifier_a_value,
        'social_handle' as identifier_b_type,
        social_handle as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where email is not null and social_handle is not null

    union all

    select
        'phone' as identifier_a_type,
        phone as identifier_a_value,
        'social_handle' as identifier_b_type,
        social_handle as identifier_b_value,
        case source
        when 'crm' then 1
        when 'loyalty' then 2
        when 'shop' then 4
        when 'pos' then 8
        when 'survey' then 16
        when 'reviews' then 32
        when 'care' then 64
        when 'email' then 128
        when 'app' then 256
        when 'web' then 512
        else 0
    end as source_bit,
        first_seen_at,
        last_seen_at,
        record_count

    from tuples
    where phone is not null and social_handle is not null

    

),

edges as (

    select
        identifier_a_type,
        identifier_a_value,
        identifier_b_type,
        identifier_b_value,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        sum(record_count) as record_count,
        bit_or(source_bit) as source_mask

    from pairs
    group by identifier_a_type, identifier_a_value, identifier_b_type, identifier_b_value

),

final as (

    select
        *,
        concat_ws(',',
        case when (source_mask & 1) <> 0 then 'crm' end,
        case when (source_mask & 2) <> 0 then 'loyalty' end,
        case when (source_mask & 4) <> 0 then 'shop' end,
        case when (source_mask & 8) <> 0 then 'pos' end,
        case when (source_mask & 16) <> 0 then 'survey' end,
        case when (source_mask & 32) <> 0 then 'reviews' end,
        case when (source_mask & 64) <> 0 then 'care' end,
        case when (source_mask & 128) <> 0 then 'email' end,
        case when (source_mask & 256) <> 0 then 'app' end,
        case when (source_mask & 512) <> 0 then 'web' end
    ) as sources

    from edges

)

select * from final