{#- The ids of erased customers and every id that merged into one of them, earlier in
    marts.customer_id_changes (a subquery; used by that model's post-hook). -#}
{% macro erased_customer_id_chain() -%}
    with recursive erased_ids (customer_id) as (
        select customer_id from {{ ref('int_identity__erasures') }}
        union
        select changes.old_customer_id
        from {{ this }} as changes
        inner join erased_ids
            on changes.new_customer_id = erased_ids.customer_id
        where changes.change_kind = 'merge'
    )
    select customer_id from erased_ids
{%- endmacro %}
