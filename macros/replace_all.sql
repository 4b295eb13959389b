{#- Replace every match of a regex. DuckDB replaces only the first match unless given the 'g' flag;
    Spark's regexp_replace already replaces all. -#}
{% macro replace_all(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('replace_all', 'customer360')(expression, pattern, replacement)) }}
{%- endmacro %}

{#- Spark reads a backslash in a string literal as an escape: the pattern's are doubled. -#}
{% macro default__replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern | replace('\\', '\\\\') }}', '{{ replacement }}')
{%- endmacro %}

{% macro duckdb__replace_all(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, '{{ pattern }}', '{{ replacement }}', 'g')
{%- endmacro %}
