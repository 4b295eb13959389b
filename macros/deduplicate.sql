{#- Keep one row per partition_by: the first by order_by. -#}
{% macro deduplicate(relation, partition_by, order_by) -%}
    {{ return(adapter.dispatch('deduplicate', 'customer360')(relation, partition_by, order_by)) }}
{%- endmacro %}

{% macro default__deduplicate(relation, partition_by, order_by) -%}
    select *
    from (
        select
            *,
            row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as _dedupe_rank
        from {{ relation }}
    ) as ranked
    where _dedupe_rank = 1
{%- endmacro %}

{% macro duckdb__deduplicate(relation, partition_by, order_by) -%}
    select *
    from {{ relation }}
    qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro %}

{#- Spark (3.4 on) has QUALIFY too: no helper column to drop. -#}
{% macro spark__deduplicate(relation, partition_by, order_by) -%}
    {{ customer360.duckdb__deduplicate(relation, partition_by, order_by) }}
{%- endmacro %}
