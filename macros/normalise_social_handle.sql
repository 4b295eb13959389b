{#- Social handle: lower case without the leading @; NULL when blank. (Spark's ltrim takes the
    characters to trim first, DuckDB's second: a regex says it the same way on both.) -#}
{% macro normalise_social_handle(column) -%}
    nullif(lower({{ customer360.replace_all('trim(' ~ column ~ ')', '^@+', '') }}), '')
{%- endmacro %}
