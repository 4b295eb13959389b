
    
    



select loyalty_card_number
from "fresh"."staging"."stg_loyalty__cards"
where loyalty_card_number is null


