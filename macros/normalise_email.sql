{#- Email as an identifier: trimmed, lower case; NULL when blank or not shaped like an address. -#}
{% macro normalise_email(column) -%}
    case
        when lower(trim({{ column }})) like '%_@_%._%' then lower(trim({{ column }}))
    end
{%- endmacro %}
