{#- An amount of money as the marts publish it: DECIMAL(18, 2), exact to the cent, so sums in BI add up
    (a DOUBLE shows 5969.029999999999). Rates and ratios stay DOUBLE. -#}
{% macro money(expression) -%}
    cast(round({{ expression }}, 2) as {{ type_money() }})
{%- endmacro %}

{% macro type_money() -%}
    decimal(18, 2)
{%- endmacro %}
