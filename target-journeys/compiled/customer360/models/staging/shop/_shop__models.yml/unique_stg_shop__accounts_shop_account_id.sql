
    
    

select
    shop_account_id as unique_field,
    count(*) as n_records

from "fresh"."staging"."stg_shop__accounts"
where shop_account_id is not null
group by shop_account_id
having count(*) > 1


