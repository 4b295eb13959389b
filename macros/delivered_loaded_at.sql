{% macro delivered_loaded_at(relation) -%}
{#- dbt source freshness of a landing entity: the newest load of its rows; an entity never delivered (no
    row ever) is not stale, it is not part of this installation, so it reports as loaded now. -#}
select coalesce(max(_loaded_at), {{ dbt.current_timestamp() }}) from {{ relation }}
{%- endmacro %}
