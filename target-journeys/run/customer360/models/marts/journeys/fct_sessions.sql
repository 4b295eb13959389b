
        
            delete from "fresh"."marts"."fct_sessions" as DBT_INCREMENTAL_TARGET
            using "fct_sessions__dbt_tmp20261123142032742775"
            where (
                
                    "fct_sessions__dbt_tmp20261123142032742775".channel = DBT_INCREMENTAL_TARGET.channel
                    and 
                
                    "fct_sessions__dbt_tmp20261123142032742775".visitor_id = DBT_INCREMENTAL_TARGET.visitor_id
                    
                
                
            );
        
    

    insert into "fresh"."marts"."fct_sessions" ("session_id", "customer_id", "channel", "visitor_id", "shop_account_id", "source_identifier_type", "platform", "entry_page", "exit_page", "is_converted", "is_capped", "duration_seconds", "engaged_seconds", "event_count", "view_count", "heartbeat_count", "started_at", "ended_at", "_export_date")
    (
        select "session_id", "customer_id", "channel", "visitor_id", "shop_account_id", "source_identifier_type", "platform", "entry_page", "exit_page", "is_converted", "is_capped", "duration_seconds", "engaged_seconds", "event_count", "view_count", "heartbeat_count", "started_at", "ended_at", "_export_date"
        from "fct_sessions__dbt_tmp20261123142032742775"
    )
  