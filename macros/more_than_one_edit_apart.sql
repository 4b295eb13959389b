{#- Two names more than one edit apart, where a swap of neighbouring letters counts as one edit
    (Damerau-Levenshtein > 1). DuckDB has the distance; Spark has only Levenshtein, so a pair at
    Levenshtein 2 is let through when it is one swap of neighbours. -#}
{% macro more_than_one_edit_apart(left_expression, right_expression) -%}
    {{ return(adapter.dispatch('more_than_one_edit_apart', 'customer360')(left_expression, right_expression)) }}
{%- endmacro %}

{% macro duckdb__more_than_one_edit_apart(left_expression, right_expression) -%}
    (damerau_levenshtein({{ left_expression }}, {{ right_expression }}) > 1)
{%- endmacro %}

{% macro default__more_than_one_edit_apart(left_expression, right_expression) -%}
    (levenshtein({{ left_expression }}, {{ right_expression }}) > 1
     and not (
         length({{ left_expression }}) = length({{ right_expression }})
         and exists(
             sequence(1, greatest(length({{ left_expression }}) - 1, 1)),
             i -> concat(substr({{ left_expression }}, 1, i - 1), substr({{ left_expression }}, i + 1, 1),
                         substr({{ left_expression }}, i, 1), substr({{ left_expression }}, i + 2))
                  = {{ right_expression }}
         )
     ))
{%- endmacro %}
