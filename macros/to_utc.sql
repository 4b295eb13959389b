{#- A naive store-local timestamp to naive UTC, given the IANA timezone column. -#}
{% macro to_utc(timestamp_column, timezone_column) -%}
    {{ return(adapter.dispatch('to_utc', 'customer360')(timestamp_column, timezone_column)) }}
{%- endmacro %}

{% macro default__to_utc(timestamp_column, timezone_column) -%}
    to_utc_timestamp({{ timestamp_column }}, {{ timezone_column }})
{%- endmacro %}

{% macro duckdb__to_utc(timestamp_column, timezone_column) -%}
    timezone('UTC', timezone({{ timezone_column }}, {{ timestamp_column }}))
{%- endmacro %}
