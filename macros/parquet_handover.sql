{#- Parquet in and out of a build, for an engine that does not ingest itself (Spark reads what the
    DuckDB ingest exported) and for the lakehouse copy BI reads. Both are off unless their var is set.

    on-run-start, var parquet_sources = {dir: <folder>, tables: ['raw.crm__customers', ...]}: each table
    becomes a table over <folder>/<schema>/<table>/ (customer360/spark.py export_tables writes them).
    on-run-end on Spark, var parquet_export_dir = <folder>: every seed and model this run built is
    written to <folder>/<schema>/<name>/. -#}
{% macro register_parquet_sources() -%}
    {{ return(adapter.dispatch('register_parquet_sources', 'customer360')()) }}
{%- endmacro %}

{% macro default__register_parquet_sources() -%}
    {%- set sources = var('parquet_sources', none) -%}
    {%- if execute and sources -%}
        {%- for table in sources['tables'] -%}
            {%- set schema = table.split('.')[0] -%}
            {%- do run_query("create database if not exists " ~ schema) -%}
            {%- do run_query("drop table if exists " ~ table) -%}
            {%- do run_query("create table " ~ table ~ " using parquet location '" ~ sources['dir'] ~ "/"
                             ~ table.replace('.', '/') ~ "'") -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}

{#- DuckDB ingests itself: nothing to register. -#}
{% macro duckdb__register_parquet_sources() -%}
    select 1
{%- endmacro %}

{% macro export_parquet() -%}
    {{ return(adapter.dispatch('export_parquet', 'customer360')()) }}
{%- endmacro %}

{#- DuckDB publishes the serving file instead (customer360/serving). -#}
{% macro default__export_parquet() -%}
    select 1
{%- endmacro %}

{% macro spark__export_parquet() -%}
    {%- set folder = var('parquet_export_dir', none) -%}
    {%- if execute and folder -%}
        {%- for result in results
              if result.node.resource_type in ('model', 'seed') and result.status in ('success', 'pass') -%}
            {%- do run_query("insert overwrite directory '" ~ folder ~ "/" ~ result.node.schema ~ "/"
                             ~ result.node.alias ~ "' using parquet select * from " ~ result.node.relation_name) -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}
