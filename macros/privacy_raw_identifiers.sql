{#- Where each raw table carries a person's identifiers: (source, entity, {identifier type: raw column}),
    and the SQL normalising a raw value of a type as staging does (so a raw row is matched to the
    identifiers identity built from it). Used by int_privacy__erased_raw_rows. -#}
{% macro privacy_raw_identifiers() -%}
    {{ return([
        ('crm', 'customers', {'crm_customer_id': 'crm_customer_id', 'email': 'email', 'phone': 'phone'}),
        ('crm', 'consents', {'crm_customer_id': 'crm_customer_id'}),
        ('crm', 'erasure_requests', {'crm_customer_id': 'crm_customer_id', 'email': 'email'}),
        ('shop', 'accounts', {'shop_account_id': 'shop_account_id', 'email': 'email', 'phone': 'phone'}),
        ('shop', 'orders', {'shop_account_id': 'shop_account_id', 'email': 'guest_email'}),
        ('shop', 'carts', {'shop_account_id': 'shop_account_id', 'anonymous_id': 'anonymous_id'}),
        ('web', 'events', {'anonymous_id': 'anonymous_id', 'shop_account_id': 'shop_account_id'}),
        ('app', 'events', {'device_id': 'device_id', 'shop_account_id': 'app_user_id'}),
        ('pos', 'transactions', {'loyalty_card_number': 'loyalty_card_number'}),
        ('loyalty', 'cards', {'loyalty_card_number': 'loyalty_card_number', 'crm_customer_id': 'crm_customer_id',
                              'email': 'email', 'phone': 'phone'}),
        ('loyalty', 'points', {'loyalty_card_number': 'loyalty_card_number'}),
        ('email', 'events', {'email': 'email'}),
        ('care', 'tickets', {'email': 'contact_email', 'phone': 'contact_phone', 'social_handle': 'social_handle'}),
        ('survey', 'nps_responses', {'crm_customer_id': 'crm_customer_id', 'email': 'email'}),
        ('reviews', 'reviews', {'shop_account_id': 'shop_account_id', 'email': 'email'}),
    ]) }}
{%- endmacro %}

{% macro normalise_identifier(identifier_type, column) -%}
    {%- if identifier_type == 'email' -%} {{ customer360.normalise_email(column) }}
    {%- elif identifier_type == 'phone' -%} {{ customer360.normalise_phone(column) }}
    {%- elif identifier_type == 'loyalty_card_number' -%} {{ customer360.normalise_card_number(column) }}
    {%- elif identifier_type == 'social_handle' -%} {{ customer360.normalise_social_handle(column) }}
    {%- else -%} nullif(trim({{ column }}), '')
    {%- endif -%}
{%- endmacro %}
