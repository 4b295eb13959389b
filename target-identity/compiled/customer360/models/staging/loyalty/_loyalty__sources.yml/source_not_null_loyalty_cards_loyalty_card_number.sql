
    
    



select loyalty_card_number
from "s"."raw"."loyalty__cards"
where loyalty_card_number is null


