{#- Sources as a bit mask, so "which sources saw this identifier" aggregates with bit_or instead of a
    distinct string aggregation over millions of rows; identity_source_names() decodes it into a
    comma-separated list in source-priority order (var source_priority). -#}
{% macro identity_source_list() -%}
    {%- set ranked = var('source_priority').items() | sort(attribute='1') -%}
    {{ return(ranked | map(attribute='0') | list) }}
{%- endmacro %}

{% macro identity_source_bit(source_column) -%}
    case {{ source_column }}
        {%- for source in identity_source_list() %}
        when '{{ source }}' then {{ 2 ** loop.index0 }}
        {%- endfor %}
        else 0
    end
{%- endmacro %}

{% macro identity_source_names(mask_column) -%}
    concat_ws(','
        {%- for source in identity_source_list() %},
        case when ({{ mask_column }} & {{ 2 ** loop.index0 }}) <> 0 then '{{ source }}' end
        {%- endfor %}
    )
{%- endmacro %}
