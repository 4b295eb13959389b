{#- The identifier types that can link records, in tie-break priority order (first = most trusted).
    The order decides which identifier is a cluster's senior member when first-seen times tie. -#}
{% macro identity_identifier_types() -%}
    {{ return([
        'crm_customer_id',
        'loyalty_card_number',
        'shop_account_id',
        'email',
        'phone',
        'social_handle',
        'device_id',
        'anonymous_id',
    ]) }}
{%- endmacro %}
