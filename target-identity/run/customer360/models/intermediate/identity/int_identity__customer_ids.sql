
        
            delete from "warehouse"."intermediate"."int_identity__customer_ids"
            where (
                assignment_scope) in (
                select (assignment_scope)
                from "int_identity__customer_ids__dbt_tmp20261123135924163608"
            );

        
    

    insert into "warehouse"."intermediate"."int_identity__customer_ids" ("identifier_type", "identifier_value", "customer_id", "node_id", "cluster_node_id", "first_seen_at", "last_seen_at", "source_mask", "is_known", "previous_customer_id", "was_known", "change_kind", "assigned_at", "assignment_scope")
    (
        select "identifier_type", "identifier_value", "customer_id", "node_id", "cluster_node_id", "first_seen_at", "last_seen_at", "source_mask", "is_known", "previous_customer_id", "was_known", "change_kind", "assigned_at", "assignment_scope"
        from "int_identity__customer_ids__dbt_tmp20261123135924163608"
    )
  