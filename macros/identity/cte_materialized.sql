{#- The keyword that makes a CTE compute once (DuckDB: MATERIALIZED); empty where unsupported.
    Label propagation reads every pass's result several times. -#}
{% macro cte_materialized() -%}
    {{ return(adapter.dispatch('cte_materialized', 'customer360')()) }}
{%- endmacro %}

{% macro default__cte_materialized() -%}{%- endmacro %}

{% macro duckdb__cte_materialized() -%}materialized{%- endmacro %}
