
-- Fixture for int_journey__touchpoints_from_records
select cast(null as character varying(256)) as "touchpoint_id", cast(null as character varying(256)) as "customer_id", cast(null as character varying(256)) as "channel", cast(null as character varying(256)) as "source", cast(null as character varying(256)) as "touchpoint_type", cast(null as TIMESTAMP) as "occurred_at", cast(null as DOUBLE) as "revenue", cast(null as character varying(256)) as "source_identifier_type", cast(null as character varying(256)) as "source_identifier_value", cast(null as DATE) as "_export_date"
    limit 0