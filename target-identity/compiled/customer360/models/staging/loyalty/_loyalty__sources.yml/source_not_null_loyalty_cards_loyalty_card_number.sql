
    
    



select loyalty_card_number
from "warehouse"."raw"."loyalty__cards"
where loyalty_card_number is null


