
-- Fixture for touchpoint_types
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('page_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('search' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('logout' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('remove_from_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('web' as character varying)
 as "source", 
    
    cast('checkout' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('app_open' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('screen_view' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('push_open' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('login' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('logout' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('background' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('add_to_cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('app' as character varying)
 as "source", 
    
    cast('checkout' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('cart' as character varying)
 as "touchpoint_type", 
    
    cast('intent' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('shop' as character varying)
 as "source", 
    
    cast('order' as character varying)
 as "touchpoint_type", 
    
    cast('purchase' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('pos' as character varying)
 as "source", 
    
    cast('store_purchase' as character varying)
 as "touchpoint_type", 
    
    cast('purchase' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('sent' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('delivered' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('bounce' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('open' as character varying)
 as "touchpoint_type", 
    
    cast('awareness' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('click' as character varying)
 as "touchpoint_type", 
    
    cast('consideration' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('true' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('unsubscribe' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('email' as character varying)
 as "source", 
    
    cast('complaint' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_email' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_chat' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_phone' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('care' as character varying)
 as "source", 
    
    cast('ticket_social' as character varying)
 as "touchpoint_type", 
    
    cast('service' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_promoter' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_passive' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('survey' as character varying)
 as "source", 
    
    cast('nps_detractor' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_positive' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_neutral' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('reviews' as character varying)
 as "source", 
    
    cast('review_negative' as character varying)
 as "touchpoint_type", 
    
    cast('advocacy' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_earn' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_redeem' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('true' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_expire' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"
union all
select 
    
    cast('loyalty' as character varying)
 as "source", 
    
    cast('points_adjust' as character varying)
 as "touchpoint_type", 
    
    cast('retention' as character varying)
 as "journey_stage", 
    
    cast('false' as BOOLEAN)
 as "is_engagement", 
    
    cast('false' as BOOLEAN)
 as "is_attributable"