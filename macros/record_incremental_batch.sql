{#- What an incremental model processed in this run, as a row of audit.incremental_batches (a
    project-wide post-hook in dbt_project.yml; the Dagster check `incremental_batch` reads it).

    mode: incremental (rows = this run's batch, the temp table dbt delete+inserts from) or full (a first
    build or --full-refresh: every row); the batch's export days (min, max, distinct) when the model has
    _export_date; the rows the table holds after the run; when the run started (dbt's run_started_at,
    UTC), which tells a model what changed upstream since it last succeeded (last_built_at). dbt-duckdb
    reports no rows_affected, hence the hook. Engines other than DuckDB record nothing yet.
-#}
{% macro record_incremental_batch() -%}
    {%- if execute and config.get('materialized') == 'incremental' -%}
        {{ return(adapter.dispatch('record_incremental_batch', 'customer360')()) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__record_incremental_batch() -%}
{%- endmacro %}

{% macro duckdb__record_incremental_batch() -%}
    {%- set temp = run_query(
        "select table_name from duckdb_tables() where temporary and table_name like '"
        ~ this.identifier ~ "__dbt_tmp%' order by table_name desc limit 1"
    ) -%}
    {%- set batch = temp.columns[0].values()[0] if temp.rows | length > 0 else none -%}
    {%- set relation = ('temp.main."' ~ batch ~ '"') if batch else this -%}
    {%- set has_export_date = adapter.get_columns_in_relation(this) | selectattr('name', 'equalto', '_export_date') | list | length > 0 -%}
    {%- set export_days = ("min(_export_date), max(_export_date), count(distinct _export_date)"
                           if has_export_date else "cast(null as date), cast(null as date), cast(null as bigint)") -%}
    insert into audit.incremental_batches
    select
        '{{ invocation_id }}',
        '{{ this.identifier }}',
        '{{ "incremental" if batch else "full" }}',
        count(*),
        {{ export_days }},
        (select count(*) from {{ this }}),
        now()::timestamp,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp)
    from {{ relation }}
{%- endmacro %}

{#- The table the hook writes to: created before any model runs (on-run-start). -#}
{% macro create_incremental_batches() -%}
    {{ return(adapter.dispatch('create_incremental_batches', 'customer360')()) }}
{%- endmacro %}

{% macro default__create_incremental_batches() -%}
{%- endmacro %}

{% macro duckdb__create_incremental_batches() -%}
    create schema if not exists audit;
    create table if not exists audit.incremental_batches (
        invocation_id varchar,
        model varchar,
        mode varchar,
        rows_processed bigint,
        export_date_min date,
        export_date_max date,
        export_days bigint,
        rows_in_table bigint,
        recorded_at timestamp,
        run_started_at timestamp
    );
    -- warehouses made before the column existed
    alter table audit.incremental_batches add column if not exists run_started_at timestamp
{%- endmacro %}

{#- When this model's last successful build started (audit.incremental_batches), or 1900-01-01 when it
    has none: an incremental model takes the upstream changes made since. -#}
{% macro last_built_at() -%}
    (
        select coalesce(max(run_started_at), cast('1900-01-01' as {{ dbt.type_timestamp() }}))
        from audit.incremental_batches
        where model = '{{ this.identifier }}'
    )
{%- endmacro %}
