{#- A source's survivorship priority from var source_priority (lower wins; unlisted sources last). -#}
{% macro source_priority(source_column) -%}
    case {{ source_column }}
        {%- for source, priority in var('source_priority').items() %}
        when '{{ source }}' then {{ priority }}
        {%- endfor %}
        else 999
    end
{%- endmacro %}
