{#- ISO day of week of a date: 1 = Monday .. 7 = Sunday. -#}
{% macro iso_day_of_week(date_expression) -%}
    {{ return(adapter.dispatch('iso_day_of_week', 'customer360')(date_expression)) }}
{%- endmacro %}

{% macro default__iso_day_of_week(date_expression) -%}
    (((dayofweek({{ date_expression }}) + 5) % 7) + 1)
{%- endmacro %}

{% macro duckdb__iso_day_of_week(date_expression) -%}
    isodow({{ date_expression }})
{%- endmacro %}
