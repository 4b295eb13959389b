
-- Fixture for int_identity__clusters
select 
    
    cast('1' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('a' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('2' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('b' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('3' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('c' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('4' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('d' as character varying)
 as "identifier_value", 
    
    cast('4' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('5' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('e' as character varying)
 as "identifier_value", 
    
    cast('5' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('9' as BIGINT)
 as "node_id", 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('w' as character varying)
 as "identifier_value", 
    
    cast('1' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"
union all
select 
    
    cast('6' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('new' as character varying)
 as "identifier_value", 
    
    cast('6' as BIGINT)
 as "cluster_node_id", 
    
    cast('true' as BOOLEAN)
 as "is_settled", cast(null as TIMESTAMP) as "first_seen_at", cast(null as TIMESTAMP) as "last_seen_at", cast(null as INTEGER) as "source_mask"