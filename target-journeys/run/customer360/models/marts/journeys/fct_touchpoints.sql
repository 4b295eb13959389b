
        
            delete from "fresh"."marts"."fct_touchpoints"
            where (
                touchpoint_id) in (
                select (touchpoint_id)
                from "fct_touchpoints__dbt_tmp20261123142032479394"
            );

        
    

    insert into "fresh"."marts"."fct_touchpoints" ("touchpoint_id", "customer_id", "session_id", "source_identifier_type", "source_identifier_value", "channel", "source", "touchpoint_type", "journey_stage", "revenue", "engaged_seconds", "occurred_at", "_export_date")
    (
        select "touchpoint_id", "customer_id", "session_id", "source_identifier_type", "source_identifier_value", "channel", "source", "touchpoint_type", "journey_stage", "revenue", "engaged_seconds", "occurred_at", "_export_date"
        from "fct_touchpoints__dbt_tmp20261123142032479394"
    )
  