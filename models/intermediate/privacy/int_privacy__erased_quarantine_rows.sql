-- Every quarantine row (file, line, reason) whose payload or detail names an erased identifier: the
-- erasure step (audit/erasures) redacts their payload and detail and keeps the rest (source, file,
-- line, reason: what the audit needs). A quarantined row is text as it arrived, so each value in it
-- (a JSON string, a CSV field, a word of the detail) is normalised as staging would any identifier
-- type and compared with the erased identifiers. Holds no identifier.

with

erased as (

    select * from {{ ref('int_identity__erased_identifiers') }}

),

quarantine as (

    select * from {{ source('landing', 'quarantine') }}

),

tokens as (

    select
        source_file,
        line_number,
        reason,
        trim(unnest(regexp_split_to_array(coalesce(payload, '') || ',' || coalesce(detail, ''), '["{}\[\],'']'))) as token

    from quarantine

),

candidates as (

    {% for identifier_type in ['crm_customer_id', 'shop_account_id', 'device_id', 'anonymous_id', 'email', 'phone', 'loyalty_card_number', 'social_handle'] -%}
    select source_file, line_number, reason, '{{ identifier_type }}' as identifier_type,
           {{ normalise_identifier(identifier_type, 'token') }} as identifier_value
    from tokens
    where token <> ''
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

erased_quarantine_rows as (

    select distinct
        candidates.source_file,
        candidates.line_number,
        candidates.reason

    from candidates
    inner join erased
        on candidates.identifier_type = erased.identifier_type
        and candidates.identifier_value = erased.identifier_value

)

select * from erased_quarantine_rows
