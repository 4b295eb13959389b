{#- What an incremental model processed in this run, for the on-call (a project-wide post-hook in
    dbt_project.yml; the Dagster dbt step turns the line into materialisation metadata).

    Logs one line "c360_incremental_batch {json}": model, mode (incremental: the rows of this run's
    batch, i.e. the temp table dbt delete+inserts from; full: a first build or --full-refresh, every
    row), rows, the batch's export days (min, max, distinct) when the model has _export_date, and the
    rows the table holds after the run. Renders no SQL, so it changes nothing in the warehouse.
    dbt-duckdb reports no rows_affected in run_results, hence the hook.
-#}
{% macro log_incremental_batch() -%}
    {%- if execute and config.get('materialized') == 'incremental' -%}
        {{ return(adapter.dispatch('log_incremental_batch', 'customer360')()) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__log_incremental_batch() -%}
    {#- engines other than DuckDB: the batch relation is not located; nothing logged -#}
{%- endmacro %}

{% macro duckdb__log_incremental_batch() -%}
    {%- set temp = run_query(
        "select table_name from duckdb_tables() where temporary and table_name like '"
        ~ this.identifier ~ "__dbt_tmp%' order by table_name desc limit 1"
    ) -%}
    {%- set batch = temp.columns[0].values()[0] if temp.rows | length > 0 else none -%}
    {%- set relation = ('temp.main."' ~ batch ~ '"') if batch else this -%}
    {%- set has_export_date = adapter.get_columns_in_relation(this) | selectattr('name', 'equalto', '_export_date') | list | length > 0 -%}
    {%- set export_days = ("cast(min(_export_date) as varchar), cast(max(_export_date) as varchar), count(distinct _export_date)"
                           if has_export_date else "null, null, null") -%}
    {%- set figures = run_query("select count(*), " ~ export_days ~ " from " ~ relation).rows[0] -%}
    {%- set total = run_query("select count(*) from " ~ this).rows[0][0] -%}
    {%- do log("c360_incremental_batch " ~ tojson({
        "model": this.identifier,
        "mode": "incremental" if batch else "full",
        "rows": figures[0] | int,
        "export_date_min": figures[1],
        "export_date_max": figures[2],
        "export_days": (figures[3] | int) if figures[3] is not none else none,
        "rows_total": total | int,
    }), info=True) -%}
{%- endmacro %}
