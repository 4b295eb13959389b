{#- A customer id derived from one identifier: 'c_' and 16 hex digits of the hash of 'type:value'.
    Deterministic, so a cluster keeps its id across reruns without any state. -#}
{% macro identity_customer_id(type_expression, value_expression) -%}
    'c_' || substr({{ dbt.hash(type_expression ~ " || ':' || " ~ value_expression) }}, 1, 16)
{%- endmacro %}
