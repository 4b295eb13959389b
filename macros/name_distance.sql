{#- Edit distance between two names: DuckDB counts a swap of neighbouring letters as one edit
    (Damerau-Levenshtein), elsewhere plain Levenshtein. -#}
{% macro name_distance(left_expression, right_expression) -%}
    {{ return(adapter.dispatch('name_distance', 'customer360')(left_expression, right_expression)) }}
{%- endmacro %}

{% macro default__name_distance(left_expression, right_expression) -%}
    levenshtein({{ left_expression }}, {{ right_expression }})
{%- endmacro %}

{% macro duckdb__name_distance(left_expression, right_expression) -%}
    damerau_levenshtein({{ left_expression }}, {{ right_expression }})
{%- endmacro %}
