{#- Two names one typo apart: one letter dropped, added or changed (Levenshtein 1), or two neighbouring
    letters swapped (same length and letters, Levenshtein 2). The same on DuckDB and Spark, so both
    engines link the same pairs. -#}
{% macro is_one_typo_apart(left_expression, right_expression) -%}
    (levenshtein({{ left_expression }}, {{ right_expression }}) = 1
     or (length({{ left_expression }}) = length({{ right_expression }})
         and levenshtein({{ left_expression }}, {{ right_expression }}) = 2
         and {{ sorted_letters(left_expression) }} = {{ sorted_letters(right_expression) }}))
{%- endmacro %}

{% macro sorted_letters(expression) -%}
    {{ return(adapter.dispatch('sorted_letters', 'customer360')(expression)) }}
{%- endmacro %}

{% macro default__sorted_letters(expression) -%}
    array_sort(split({{ expression }}, ''))
{%- endmacro %}

{% macro duckdb__sorted_letters(expression) -%}
    list_sort(string_split({{ expression }}, ''))
{%- endmacro %}
