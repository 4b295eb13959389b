{#- Erasure helpers over int_journey__identifier_lookup (is_erased).

    not_erased(relation, identifiers): a predicate, true when none of the row's identifiers was
    erased; identifiers as [identifier_type, column] pairs. One anti join per identifier against the
    small erased set.

    delete_erased(value_column, identifier_type | type_column): a post-hook for incremental models;
    deletes rows already in the table whose stored identifier was erased since they were built. The
    identifier's type is a literal (identifier_type) or an SQL expression over the row (type_column).
-#}
{% macro not_erased(relation, identifiers) -%}
    {%- for pair in identifiers %}
    not exists (
        select 1
        from {{ ref('int_journey__identifier_lookup') }} as erased_{{ loop.index }}
        where erased_{{ loop.index }}.is_erased
            and erased_{{ loop.index }}.identifier_type = '{{ pair[0] }}'
            and erased_{{ loop.index }}.identifier_value = {{ relation }}.{{ pair[1] }}
    ){{ ' and' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro delete_erased(value_column, identifier_type=none, type_column=none) -%}
    delete from {{ this }} as target
    where exists (
        select 1
        from {{ ref('int_journey__identifier_lookup') }} as erased
        where erased.is_erased
            and erased.identifier_type = {{ "'" ~ identifier_type ~ "'" if identifier_type else type_column }}
            and erased.identifier_value = target.{{ value_column }}
    )
{%- endmacro %}
