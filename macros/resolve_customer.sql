{#- Give every row of `relation` its customer through int_journey__identifier_lookup.

    identifiers: the row's identifiers in priority order, as [identifier_type, column] pairs,
    e.g. [['shop_account_id', 'shop_account_id'], ['email', 'guest_email']].

    Adds
      customer_id              the customer of the first identifier the bridge knows (NULL: unknown)
      source_identifier_type   that identifier's type; when none resolves, the first one present
      source_identifier_value  its value
      is_erased                any of the row's identifiers was erased (callers drop these rows)
-#}
{% macro resolve_customer(relation, identifiers) -%}
    {%- set lookup = ref('int_journey__identifier_lookup') -%}
    select
        {{ relation }}.*,
        coalesce(
            {%- for pair in identifiers %}
            lookup_{{ loop.index }}.customer_id{{ ',' if not loop.last }}
            {%- endfor %}
        ) as customer_id,
        case
            {%- for pair in identifiers %}
            when lookup_{{ loop.index }}.customer_id is not null then '{{ pair[0] }}'
            {%- endfor %}
            {%- for pair in identifiers %}
            when {{ relation }}.{{ pair[1] }} is not null then '{{ pair[0] }}'
            {%- endfor %}
        end as source_identifier_type,
        case
            {%- for pair in identifiers %}
            when lookup_{{ loop.index }}.customer_id is not null then {{ relation }}.{{ pair[1] }}
            {%- endfor %}
            {%- for pair in identifiers %}
            when {{ relation }}.{{ pair[1] }} is not null then {{ relation }}.{{ pair[1] }}
            {%- endfor %}
        end as source_identifier_value,
        (
            {%- for pair in identifiers %}
            coalesce(lookup_{{ loop.index }}.is_erased, false){{ ' or' if not loop.last }}
            {%- endfor %}
        ) as is_erased

    from {{ relation }}
    {%- for pair in identifiers %}
    left join {{ lookup }} as lookup_{{ loop.index }}
        on lookup_{{ loop.index }}.identifier_type = '{{ pair[0] }}'
        and lookup_{{ loop.index }}.identifier_value = {{ relation }}.{{ pair[1] }}
    {%- endfor %}
{%- endmacro %}
