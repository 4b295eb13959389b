select 'crm_customer_id' as identifier_a_type, 'C' || range as identifier_a_value, 'email' as identifier_b_type, 'shared@inbox.co' as identifier_b_value from range(1, 7)
union all select 'crm_customer_id', 'C1', 'email', 'real@person.co'
union all select 'shop_account_id', 'S1', 'email', 'real@person.co'
union all select 'shop_account_id', 'S2', 'email', 'real@person.co'
union all select 'loyalty_card_number', 'L1', 'email', 'real@person.co'
union all select 'shop_account_id', 'S' || range, 'device_id', 'KIOSK' from range(1, 8)