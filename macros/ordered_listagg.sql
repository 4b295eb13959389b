{#- Values of a group joined by a separator in the order of some columns. DuckDB orders inside the
    aggregate (dbt.listagg); Spark's collect_list has no order (dbt-spark drops the order by), so the
    values are collected with their sort keys, sorted, then joined. -#}
{% macro ordered_listagg(value, separator, order_columns) -%}
    {{ return(adapter.dispatch('ordered_listagg', 'customer360')(value, separator, order_columns)) }}
{%- endmacro %}

{% macro default__ordered_listagg(value, separator, order_columns) -%}
    {{ dbt.listagg(value, "'" ~ separator ~ "'", 'order by ' ~ order_columns | join(', ')) }}
{%- endmacro %}

{% macro spark__ordered_listagg(value, separator, order_columns) -%}
    array_join(
        transform(
            array_sort(collect_list(struct({% for column in order_columns %}{{ column }} as _k{{ loop.index }}, {% endfor %}{{ value }} as _value))),
            item -> item._value
        ),
        '{{ separator }}'
    )
{%- endmacro %}
