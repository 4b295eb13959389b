
    
    



select loyalty_card_number
from "fresh"."raw"."loyalty__cards"
where loyalty_card_number is null


