insert into "warehouse"."marts"."customer_id_changes" ("old_customer_id", "new_customer_id", "change_kind", "changed_at", "identifiers_moved")
    (
        select "old_customer_id", "new_customer_id", "change_kind", "changed_at", "identifiers_moved"
        from "customer_id_changes__dbt_tmp20261123135925722809"
    )


  