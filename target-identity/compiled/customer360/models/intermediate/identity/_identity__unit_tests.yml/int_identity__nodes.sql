
-- Fixture for int_identity__nodes
select 
    
    cast('1' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-1' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('2' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-2' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('3' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-3' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('4' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-4' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('5' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-5' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('6' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-6' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('7' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-7' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('8' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('chain-8' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('10' as BIGINT)
 as "node_id", 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('cycle-10' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('11' as BIGINT)
 as "node_id", 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('cycle-11' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('12' as BIGINT)
 as "node_id", 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('cycle-12' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('13' as BIGINT)
 as "node_id", 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('cycle-13' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('20' as BIGINT)
 as "node_id", 
    
    cast('crm_customer_id' as character varying)
 as "identifier_type", 
    
    cast('self-20' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('21' as BIGINT)
 as "node_id", 
    
    cast('crm_customer_id' as character varying)
 as "identifier_type", 
    
    cast('lonely-21' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('30' as BIGINT)
 as "node_id", 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('leaf-30' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('31' as BIGINT)
 as "node_id", 
    
    cast('shop_account_id' as character varying)
 as "identifier_type", 
    
    cast('centre-31' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('32' as BIGINT)
 as "node_id", 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('leaf-32' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('33' as BIGINT)
 as "node_id", 
    
    cast('anonymous_id' as character varying)
 as "identifier_type", 
    
    cast('leaf-33' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('40' as BIGINT)
 as "node_id", 
    
    cast('email' as character varying)
 as "identifier_type", 
    
    cast('pair-40' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"
union all
select 
    
    cast('41' as BIGINT)
 as "node_id", 
    
    cast('phone' as character varying)
 as "identifier_type", 
    
    cast('pair-41' as character varying)
 as "identifier_value", cast(null as BOOLEAN) as "is_anonymous"