
    

    create  table
      "warehouse"."intermediate"."int_identity__golden_records__dbt_tmp"
  
    
    as (
      -- Survivorship: one row per customer with each golden attribute and the source it came from.
-- Per attribute, among the records that have it: the best source by var source_priority, then the
-- most recent record, then the most complete, then the smallest value (so ties are deterministic).
-- The address (street, postcode, city, country) survives as one piece from one record, so a street
-- never pairs with another record's city.

with

candidates as (

    select * from "warehouse"."intermediate"."int_identity__attribute_candidates"

),

customers as (

    select distinct customer_id from candidates

),


first_name_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, first_name
    from candidates
    where first_name is not null

),

first_name_winners as (

    select *
    from first_name_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, first_name) = 1

),


last_name_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, last_name
    from candidates
    where last_name is not null

),

last_name_winners as (

    select *
    from last_name_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, last_name) = 1

),


email_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, email
    from candidates
    where email is not null

),

email_winners as (

    select *
    from email_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, email) = 1

),


phone_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, phone
    from candidates
    where phone is not null

),

phone_winners as (

    select *
    from phone_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, phone) = 1

),


birth_date_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, birth_date
    from candidates
    where birth_date is not null

),

birth_date_winners as (

    select *
    from birth_date_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, birth_date) = 1

),


address_candidates as (

    select customer_id, source, source_priority, recorded_at, completeness, street, postcode, city, country
    from candidates
    where coalesce(street, postcode, city, country) is not null

),

address_winners as (

    select *
    from address_candidates
    qualify row_number() over (partition by customer_id order by source_priority, recorded_at desc, completeness desc, street, postcode, city, country) = 1

),

golden_records as (

    select
        customers.customer_id,
        first_name_winners.first_name,
        first_name_winners.source as first_name_source,
        last_name_winners.last_name,
        last_name_winners.source as last_name_source,
        email_winners.email,
        email_winners.source as email_source,
        phone_winners.phone,
        phone_winners.source as phone_source,
        birth_date_winners.birth_date,
        birth_date_winners.source as birth_date_source,
        address_winners.street,
        address_winners.postcode,
        address_winners.city,
        address_winners.country,
        address_winners.source as address_source

    from customers
    left join first_name_winners
        on customers.customer_id = first_name_winners.customer_id
    left join last_name_winners
        on customers.customer_id = last_name_winners.customer_id
    left join email_winners
        on customers.customer_id = email_winners.customer_id
    left join phone_winners
        on customers.customer_id = phone_winners.customer_id
    left join birth_date_winners
        on customers.customer_id = birth_date_winners.customer_id
    left join address_winners
        on customers.customer_id = address_winners.customer_id

)

select * from golden_records
    );
    
  