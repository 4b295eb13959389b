{#- Select from a relation that another step writes (e.g. the CLV fit's marts.clv_predictions), or from
    an empty, typed stand-in when it does not exist yet, so the model builds either way.
    `columns` maps column name -> SQL type. The ref/source passed in keeps the lineage edge for dbt and
    Dagster; whether the table exists is checked at run time. -#}
{% macro optional_relation(relation, columns) -%}
    {%- set existing = none -%}
    {%- if execute -%}
        {%- set existing = adapter.get_relation(database=relation.database, schema=relation.schema,
                                                identifier=relation.identifier) -%}
    {%- endif -%}
    {%- if existing is not none %}
    select {% for name in columns %}{{ name }}{{ ', ' if not loop.last }}{% endfor %} from {{ relation }}
    {%- else %}
    select {% for name, type in columns.items() %}cast(null as {{ type }}) as {{ name }}{{ ', ' if not loop.last }}{% endfor %}
    where 1 = 0
    {%- endif %}
{%- endmacro %}
