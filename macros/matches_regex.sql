{#- True when the expression matches the regex anywhere. -#}
{% macro matches_regex(expression, pattern) -%}
    {{ return(adapter.dispatch('matches_regex', 'customer360')(expression, pattern)) }}
{%- endmacro %}

{#- Spark reads a backslash in a string literal as an escape: the pattern's are doubled. -#}
{% macro default__matches_regex(expression, pattern) -%}
    ({{ expression }} rlike '{{ pattern | replace('\\', '\\\\') }}')
{%- endmacro %}

{% macro duckdb__matches_regex(expression, pattern) -%}
    regexp_matches({{ expression }}, '{{ pattern }}')
{%- endmacro %}
