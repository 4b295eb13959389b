{#- The materialisation of a model that processes only new rows: incremental on DuckDB (delete+insert
    by its unique key). Spark without Delta/Iceberg has no delete+insert or merge, and insert_overwrite
    replaces whole partitions (or the whole table) with the batch: these models are rebuilt in full
    there, which gives the same rows at the cost of a full pass (docs/scaling.md). -#}
{% macro incremental_materialization() -%}
    {{ return(adapter.dispatch('incremental_materialization', 'customer360')()) }}
{%- endmacro %}

{% macro default__incremental_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}

{% macro spark__incremental_materialization() -%}
    {{ return('table') }}
{%- endmacro %}
