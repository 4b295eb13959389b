{#- An identifier type's tie-break priority (1 = most trusted), from identity_identifier_types(). -#}
{% macro identity_type_priority(type_column) -%}
    case {{ type_column }}
        {%- for identifier_type in identity_identifier_types() %}
        when '{{ identifier_type }}' then {{ loop.index }}
        {%- endfor %}
    end
{%- endmacro %}
