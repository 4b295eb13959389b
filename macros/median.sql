{#- Median of a numeric expression as an aggregate (NULLs ignored). -#}
{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'customer360')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    percentile_cont(0.5) within group (order by {{ expression }})
{%- endmacro %}

{% macro spark__median(expression) -%}
    percentile({{ expression }}, 0.5)
{%- endmacro %}

{% macro duckdb__median(expression) -%}
    median({{ expression }})
{%- endmacro %}
