-- Every raw row (table, file, line) that names an erased identifier, in any of its identifier
-- columns, whatever its export day or version (a CRM customer's older exports too), plus the lines
-- of an erased person's orders and till transactions. The erasure step (audit/erasures) deletes these
-- rows from raw and keeps only this address of each in audit.erased_rows. Holds no identifier.
-- Reads the raw tables directly (like int_journey__late_events): staging keeps one version of a row.

with

erased as (

    select * from {{ ref('int_identity__erased_identifiers') }}

),

{% for source_name, entity, columns in privacy_raw_identifiers() -%}
{{ source_name }}__{{ entity }} as (

    {% for identifier_type, column in columns.items() -%}
    select
        '{{ source_name }}__{{ entity }}' as raw_table,
        raw_rows._source_file as source_file,
        raw_rows._line_number as line_number,
        raw_rows._export_date as export_date
        {%- if (source_name, entity) == ('shop', 'orders') %},
        trim(raw_rows.order_id) as parent_id
        {%- elif (source_name, entity) == ('pos', 'transactions') %},
        trim(raw_rows.transaction_id) as parent_id
        {%- else %},
        cast(null as {{ dbt.type_string() }}) as parent_id
        {%- endif %}

    from {{ source(source_name, entity) }} as raw_rows
    inner join erased
        on erased.identifier_type = '{{ identifier_type }}'
        and erased.identifier_value = {{ normalise_identifier(identifier_type, 'raw_rows.' ~ column) }}
    {% if not loop.last %}union{% endif %}
    {% endfor %}

),

{% endfor -%}
named_rows as (

    {% for source_name, entity, columns in privacy_raw_identifiers() -%}
    select * from {{ source_name }}__{{ entity }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- the lines of an erased order or till transaction carry no identifier of their own
order_lines as (

    select
        'shop__order_lines' as raw_table,
        order_lines._source_file as source_file,
        order_lines._line_number as line_number,
        order_lines._export_date as export_date,
        cast(null as {{ dbt.type_string() }}) as parent_id

    from {{ source('shop', 'order_lines') }} as order_lines
    where trim(order_lines.order_id) in (
        select named_rows.parent_id from named_rows where named_rows.raw_table = 'shop__orders'
    )

),

transaction_lines as (

    select
        'pos__transaction_lines' as raw_table,
        transaction_lines._source_file as source_file,
        transaction_lines._line_number as line_number,
        transaction_lines._export_date as export_date,
        cast(null as {{ dbt.type_string() }}) as parent_id

    from {{ source('pos', 'transaction_lines') }} as transaction_lines
    where trim(transaction_lines.transaction_id) in (
        select named_rows.parent_id from named_rows where named_rows.raw_table = 'pos__transactions'
    )

),

erased_rows as (

    select raw_table, source_file, line_number, export_date from named_rows
    union
    select raw_table, source_file, line_number, export_date from order_lines
    union
    select raw_table, source_file, line_number, export_date from transaction_lines

)

select * from erased_rows
