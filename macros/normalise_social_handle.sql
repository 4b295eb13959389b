{#- Social handle: lower case without the leading @; NULL when blank. -#}
{% macro normalise_social_handle(column) -%}
    nullif(lower(ltrim(trim({{ column }}), '@')), '')
{%- endmacro %}
