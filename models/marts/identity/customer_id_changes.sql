-- Every change of a customer's id, appended run by run: a merge (old_customer_id retired into
-- new_customer_id, the older customer's id survives) or a split (identifiers_moved identifiers left
-- old_customer_id for new_customer_id; the part holding the oldest member kept the old id). A BI
-- user holding an old id follows it here. Rows about erased customers are deleted (the one
-- exception to append-only), together with the ids that merged into them.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    post_hook=[
        "delete from {{ this }}
         where new_customer_id in ({{ erased_customer_id_chain() }})
            or old_customer_id in ({{ erased_customer_id_chain() }})"
    ]
) }}

with

customer_ids as (

    select * from {{ ref('int_identity__customer_ids') }}

),

erasures as (

    select * from {{ ref('int_identity__erasures') }}

),

-- only ids a user could have seen: changes between customers, not cookies joining one
changes as (

    select
        previous_customer_id as old_customer_id,
        customer_id as new_customer_id,
        change_kind,
        assigned_at as changed_at,
        count(*) as identifiers_moved

    from customer_ids
    where change_kind is not null
        and was_known
        and is_known
    group by previous_customer_id, customer_id, change_kind, assigned_at

),

final as (

    select
        cast(changes.old_customer_id as {{ dbt.type_string() }}) as old_customer_id,
        cast(changes.new_customer_id as {{ dbt.type_string() }}) as new_customer_id,
        cast(changes.change_kind as {{ dbt.type_string() }}) as change_kind,
        cast(changes.changed_at as {{ dbt.type_timestamp() }}) as changed_at,
        cast(changes.identifiers_moved as {{ dbt.type_bigint() }}) as identifiers_moved

    from changes
    left join erasures as old_erased
        on changes.old_customer_id = old_erased.customer_id
    left join erasures as new_erased
        on changes.new_customer_id = new_erased.customer_id
    where old_erased.customer_id is null
        and new_erased.customer_id is null
        {%- if is_incremental() %}
        and changes.changed_at > (select coalesce(max(logged.changed_at), cast('1900-01-01' as {{ dbt.type_timestamp() }})) from {{ this }} as logged)
        {%- endif %}

)

select * from final
