
-- Fixture for int_identity__customer_ids
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('a' as character varying)
 as "identifier_value", 
    
    cast('X' as character varying)
 as "customer_id", cast(null as BIGINT) as "node_id", cast(null as BIGINT) as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_known", cast(null as character varying(256)) as "previous_customer_id", cast(null as BOOLEAN) as "was_known", cast(null as character varying(256)) as "change_kind", cast(null as TIMESTAMP) as "assigned_at", cast(null as character varying(256)) as "assignment_scope"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('b' as character varying)
 as "identifier_value", 
    
    cast('X' as character varying)
 as "customer_id", cast(null as BIGINT) as "node_id", cast(null as BIGINT) as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_known", cast(null as character varying(256)) as "previous_customer_id", cast(null as BOOLEAN) as "was_known", cast(null as character varying(256)) as "change_kind", cast(null as TIMESTAMP) as "assigned_at", cast(null as character varying(256)) as "assignment_scope"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('c' as character varying)
 as "identifier_value", 
    
    cast('Y' as character varying)
 as "customer_id", cast(null as BIGINT) as "node_id", cast(null as BIGINT) as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_known", cast(null as character varying(256)) as "previous_customer_id", cast(null as BOOLEAN) as "was_known", cast(null as character varying(256)) as "change_kind", cast(null as TIMESTAMP) as "assigned_at", cast(null as character varying(256)) as "assignment_scope"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('d' as character varying)
 as "identifier_value", 
    
    cast('Z' as character varying)
 as "customer_id", cast(null as BIGINT) as "node_id", cast(null as BIGINT) as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_known", cast(null as character varying(256)) as "previous_customer_id", cast(null as BOOLEAN) as "was_known", cast(null as character varying(256)) as "change_kind", cast(null as TIMESTAMP) as "assigned_at", cast(null as character varying(256)) as "assignment_scope"
union all
select 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('e' as character varying)
 as "identifier_value", 
    
    cast('Z' as character varying)
 as "customer_id", cast(null as BIGINT) as "node_id", cast(null as BIGINT) as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_known", cast(null as character varying(256)) as "previous_customer_id", cast(null as BOOLEAN) as "was_known", cast(null as character varying(256)) as "change_kind", cast(null as TIMESTAMP) as "assigned_at", cast(null as character varying(256)) as "assignment_scope"
union all
select 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('w' as character varying)
 as "identifier_value", 
    
    cast('W' as character varying)
 as "customer_id", cast(null as BIGINT) as "node_id", cast(null as BIGINT) as "cluster_node_id", 
    
    cast('false' as BOOLEAN)
 as "is_known", cast(null as character varying(256)) as "previous_customer_id", cast(null as BOOLEAN) as "was_known", cast(null as character varying(256)) as "change_kind", cast(null as TIMESTAMP) as "assigned_at", cast(null as character varying(256)) as "assignment_scope"