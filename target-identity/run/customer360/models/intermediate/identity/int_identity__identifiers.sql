
    

    create  table
      "warehouse"."intermediate"."int_identity__identifiers__dbt_tmp"
  
    
    as (
      -- Every identifier seen in any source, typed: one row per identifier type and value, with when it
-- was first and last seen, on how many records and in which sources. Before the junk firewall: the
-- blocked ones are here too (int_identity__blocked_identifiers says which).

with

tuples as (

    select * from "warehouse"."intermediate"."int_identity__identifier_tuples"

),

observations as (

    select
        'crm_customer_id' as identifier_type,
        crm_customer_id as identifier_value,
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
    where crm_customer_id is not null

    union all

    select
        'loyalty_card_number' as identifier_type,
        loyalty_card_number as identifier_value,
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
    where loyalty_card_number is not null

    union all

    select
        'shop_account_id' as identifier_type,
        shop_account_id as identifier_value,
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
    where shop_account_id is not null

    union all

    select
        'email' as identifier_type,
        email as identifier_value,
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
    where email is not null

    union all

    select
        'phone' as identifier_type,
        phone as identifier_value,
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
    where phone is not null

    union all

    select
        'social_handle' as identifier_type,
        social_handle as identifier_value,
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
    where social_handle is not null

    union all

    select
        'device_id' as identifier_type,
        device_id as identifier_value,
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
    where device_id is not null

    union all

    select
        'anonymous_id' as identifier_type,
        anonymous_id as identifier_value,
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
    where anonymous_id is not null

    

),

identifiers as (

    select
        identifier_type,
        identifier_value,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        sum(record_count) as record_count,
        bit_or(source_bit) as source_mask

    from observations
    group by identifier_type, identifier_value

),

final as (

    select
        identifier_type,
        identifier_value,
        case identifier_type
        when 'crm_customer_id' then 1
        when 'loyalty_card_number' then 2
        when 'shop_account_id' then 3
        when 'email' then 4
        when 'phone' then 5
        when 'social_handle' then 6
        when 'device_id' then 7
        when 'anonymous_id' then 8
    end as type_priority,
        first_seen_at,
        last_seen_at,
        record_count,
        source_mask,
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

    from identifiers

)

select * from final
    );
    
  