-- What asks for an erasure, one row per identifier: the right-to-erasure requests (by CRM customer id or
-- email) and every identifier seen again whose hash is in the erasure ledger (erased in an earlier run:
-- a replayed export or a late file brings it back). Each seeds the erasure of the customer holding it
-- (int_identity__erasures) and is itself erased, even when no customer holds it (a request naming
-- someone the warehouse never saw). A request holds from the build that receives it, whatever
-- as_of_date says: an erasure is an obligation, not a figure, and a rebuild as of an earlier date must
-- not bring the person back.

with

requests as (

    select * from {{ ref('stg_crm__erasure_requests') }}

),

ledger as (

    select * from {{ source('privacy', 'erasure_ledger') }}

),

identifiers as (

    select * from {{ ref('int_identity__identifiers') }}

),

requested as (

    select 'crm_customer_id' as identifier_type, crm_customer_id as identifier_value, requested_at,
           'request' as requested_by
    from requests
    where crm_customer_id is not null

    union all

    select 'email', email, requested_at, 'request'
    from requests
    where email is not null

),

-- an identifier erased before: erased again wherever it shows up, whatever as_of_date says
ledgered as (

    select
        identifiers.identifier_type,
        identifiers.identifier_value,
        min(ledger.erased_at) as requested_at,
        'ledger' as requested_by

    from identifiers
    inner join ledger
        on identifiers.identifier_type = ledger.identifier_type
        and {{ sha256_hex('identifiers.identifier_value') }} = ledger.identifier_hash
    group by identifiers.identifier_type, identifiers.identifier_value

),

erasure_requests as (

    select * from requested
    union all
    select * from ledgered

)

select * from erasure_requests
