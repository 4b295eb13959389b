{#- Fail the running query with a message (a SQL string expression) when it is evaluated. -#}
{% macro raise_error(message_expression) -%}
    {{ return(adapter.dispatch('raise_error', 'customer360')(message_expression)) }}
{%- endmacro %}

{% macro default__raise_error(message_expression) -%}
    raise_error({{ message_expression }})
{%- endmacro %}

{% macro duckdb__raise_error(message_expression) -%}
    error({{ message_expression }})
{%- endmacro %}
