{#- Loyalty card number: upper case, spaces and dashes removed; NULL when blank. -#}
{% macro normalise_card_number(column) -%}
    nullif(upper({{ customer360.replace_all('trim(' ~ column ~ ')', '[ -]', '') }}), '')
{%- endmacro %}
