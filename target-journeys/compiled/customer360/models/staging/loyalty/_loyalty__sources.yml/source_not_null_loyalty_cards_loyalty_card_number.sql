
    
    



select loyalty_card_number
from "w"."raw"."loyalty__cards"
where loyalty_card_number is null


