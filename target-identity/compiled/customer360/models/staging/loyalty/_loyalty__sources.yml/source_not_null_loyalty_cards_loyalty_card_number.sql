
    
    



select loyalty_card_number
from "f"."raw"."loyalty__cards"
where loyalty_card_number is null


