{#- on-run-start: the tables the privacy models read and Python writes, created empty when missing, so
    dbt run on its own (or on a warehouse ingest never touched) builds: audit.erasure_ledger (written by
    the erasure step, customer360/privacy/erasure.py) and raw.quarantine (written by the loader,
    customer360/landing/contract.py). Their columns are the Python DDL's (a unit test keeps them equal). -#}
{% macro create_privacy_inputs() -%}
    {{ return(adapter.dispatch('create_privacy_inputs', 'customer360')()) }}
{%- endmacro %}

{% macro default__create_privacy_inputs() -%}
{%- endmacro %}

{% macro duckdb__create_privacy_inputs() -%}
    create schema if not exists audit;
    create table if not exists audit.erasure_ledger (
        identifier_type varchar,
        identifier_hash varchar,
        erased_at timestamp,
        run_id varchar
    );
    create schema if not exists raw;
    create table if not exists raw.quarantine (
        source varchar,
        entity varchar,
        source_file varchar,
        line_number bigint,
        export_date date,
        reason varchar,
        detail varchar,
        payload varchar,
        quarantined_at timestamp
    )
{%- endmacro %}

{#- Spark runs one statement at a time: each is run here, and the hook itself is a no-op query. -#}
{% macro spark__create_privacy_inputs() -%}
    {%- if execute -%}
    {%- do run_query("create database if not exists audit") -%}
    {%- do run_query("create table if not exists audit.erasure_ledger (identifier_type string, identifier_hash string, "
                     ~ "erased_at timestamp, run_id string) using parquet") -%}
    {%- do run_query("create database if not exists raw") -%}
    {%- do run_query("create table if not exists raw.quarantine (source string, entity string, source_file string, "
                     ~ "line_number bigint, export_date date, reason string, detail string, payload string, "
                     ~ "quarantined_at timestamp) using parquet") -%}
    {%- endif -%}
    select 1
{%- endmacro %}
