
-- Fixture for identity_junk_blocklist
select cast(null as character varying(256)) as "identifier_type", cast(null as character varying(256)) as "match_type", cast(null as character varying(256)) as "pattern", cast(null as character varying(256)) as "reason"
    limit 0