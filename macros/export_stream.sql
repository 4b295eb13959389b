{#- The landing entity a touchpoint was exported in, as '<source>' or '<source>__<entity>' where a
    source exports more than one touchpoint entity (shop: orders and carts). int_journey__touchpoints counts its
    lookback per stream, as int_journey__late_events watches arrivals per entity. -#}
{% macro export_stream(source_column, touchpoint_type_column) -%}
    case when {{ touchpoint_type_column }} = 'cart' then {{ source_column }} || '__carts' else {{ source_column }} end
{%- endmacro %}
