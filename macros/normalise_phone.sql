{#- Phone to E.164 (+<country><number>). National numbers (leading 0) get the default country code
    (var default_phone_country_code, 44); '00' becomes '+'; a '(0)' trunk prefix is dropped.
    NULL when the result is not 8-15 digits after the '+'. -#}
{% macro normalise_phone(column) -%}
    {%- set country = var('default_phone_country_code', '44') -%}
    {%- set compact = customer360.replace_all(customer360.replace_all(column, '\\(0\\)', ''), '[^0-9+]', '') -%}
    {%- set candidate -%}
        case
            when {{ compact }} like '+%' then '+' || {{ customer360.replace_all(compact, '[^0-9]', '') }}
            when {{ compact }} like '00%' then '+' || substr({{ compact }}, 3)
            when {{ compact }} like '0%' then '+{{ country }}' || substr({{ compact }}, 2)
            else '+' || {{ compact }}
        end
    {%- endset -%}
    case when {{ customer360.matches_regex(candidate, '^\\+[1-9][0-9]{7,14}$') }} then {{ candidate }} end
{%- endmacro %}
