
-- Fixture for int_identity__graph_edges
select 
    
    cast('1' as BIGINT)
 as "low_node_id", 
    
    cast('8' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('2' as BIGINT)
 as "low_node_id", 
    
    cast('8' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('2' as BIGINT)
 as "low_node_id", 
    
    cast('7' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('3' as BIGINT)
 as "low_node_id", 
    
    cast('7' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('3' as BIGINT)
 as "low_node_id", 
    
    cast('6' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('4' as BIGINT)
 as "low_node_id", 
    
    cast('6' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('4' as BIGINT)
 as "low_node_id", 
    
    cast('5' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('11' as BIGINT)
 as "low_node_id", 
    
    cast('12' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('12' as BIGINT)
 as "low_node_id", 
    
    cast('13' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('10' as BIGINT)
 as "low_node_id", 
    
    cast('13' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('11' as BIGINT)
 as "low_node_id", 
    
    cast('10' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('20' as BIGINT)
 as "low_node_id", 
    
    cast('20' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('30' as BIGINT)
 as "low_node_id", 
    
    cast('31' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('31' as BIGINT)
 as "low_node_id", 
    
    cast('32' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('31' as BIGINT)
 as "low_node_id", 
    
    cast('33' as BIGINT)
 as "high_node_id"
union all
select 
    
    cast('40' as BIGINT)
 as "low_node_id", 
    
    cast('41' as BIGINT)
 as "high_node_id"