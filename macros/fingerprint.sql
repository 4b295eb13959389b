{#- An order-free fingerprint of a group of rows: the XOR of a 64-bit hash per row of the columns
    given, so adding, removing or changing any row changes it, whatever the row order. -#}
{% macro fingerprint(columns) -%}
    bit_xor({{ hash_columns(columns) }})
{%- endmacro %}

{#- A 64-bit hash of a row's columns (NULLs included). -#}
{% macro hash_columns(columns) -%}
    {{ return(adapter.dispatch('hash_columns', 'customer360')(columns)) }}
{%- endmacro %}

{% macro default__hash_columns(columns) -%}
    xxhash64({{ columns | join(', ') }})
{%- endmacro %}

{% macro duckdb__hash_columns(columns) -%}
    hash({{ columns | join(', ') }})
{%- endmacro %}
