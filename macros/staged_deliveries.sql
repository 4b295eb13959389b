{#- The two halves of an incremental staging table of event deliveries (web, app and email events:
    the big streams several models read, de-duplicated once instead of at every read).

    delivery_window(): a predicate over a source's rows: the export days an incremental run stages,
    the last late_event_lookback_days export days the table already holds and everything after
    (every row on a first build or --full-refresh, or while the table is empty).

    first_deliveries(relation, key): the rows of relation (already de-duplicated within the window)
    whose key the table does not already hold from an export before the window: the first delivery
    wins, as in a de-duplicating view. Written as a left join, so DuckDB builds its hash table on the
    window's few rows and streams the table past it.
-#}
{% macro delivery_window() -%}
    {%- if is_incremental() -%}
    (
        (select max(_export_date) from {{ this }}) is null
        or _export_date > (
            select {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'max(_export_date)') }}
            from {{ this }}
        )
    )
    {%- else -%}
    true
    {%- endif -%}
{%- endmacro %}

{% macro first_deliveries(relation, key) -%}
    {%- if is_incremental() -%}
    select {{ relation }}.*
    from {{ relation }}
    left join (
        select {{ key }}
        from {{ this }}
        where _export_date <= (
            select {{ dbt.dateadd('day', -1 * var('late_event_lookback_days'), 'max(_export_date)') }}
            from {{ this }}
        )
    ) as delivered_before
        on {{ relation }}.{{ key }} = delivered_before.{{ key }}
    where delivered_before.{{ key }} is null
    {%- else -%}
    select * from {{ relation }}
    {%- endif -%}
{%- endmacro %}
