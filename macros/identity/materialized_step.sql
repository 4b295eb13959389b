{#- A CTE that later CTEs read several times (label propagation's passes), computed once.
    DuckDB: a MATERIALIZED CTE. Spark inlines every reference to a CTE, so unrolled passes make a plan
    that grows exponentially with the passes (a cached view is expanded the same way: out of memory in
    pass 1); there the step is written before the model's query as a Parquet table
    (<model>__<step>) behind a temporary view of the step's name, which later steps and the model read.
    In a unit test the refs are the test's fixtures, known only inside the query: a plain CTE there. -#}
{% macro materialized_step(name) -%}
    {%- set body = caller() -%}
    {{ return(adapter.dispatch('materialized_step', 'customer360')(name, body)) }}
{%- endmacro %}

{% macro default__materialized_step(name, body) -%}
{{ name }} as (
{{ body }}
)
{%- endmacro %}

{% macro duckdb__materialized_step(name, body) -%}
{{ name }} as materialized (
{{ body }}
)
{%- endmacro %}

{% macro spark__materialized_step(name, body) -%}
    {%- if execute and model.resource_type == 'model' -%}
        {%- set table = this.schema ~ '.' ~ this.identifier ~ '__' ~ name -%}
        {%- do run_query('drop table if exists ' ~ table) -%}
        {%- do run_query('create table ' ~ table ~ ' using parquet as ' ~ body) -%}
        {%- do run_query('create or replace temporary view ' ~ name ~ ' as select * from ' ~ table) -%}
{{ name }}_is_written as (select 1 as is_written)
    {%- else -%}
{{ customer360.default__materialized_step(name, body) }}
    {%- endif -%}
{%- endmacro %}
