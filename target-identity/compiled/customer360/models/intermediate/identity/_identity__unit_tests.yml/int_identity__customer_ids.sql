select * from (values
    ('email', 'a', 'X', true),
    ('email', 'b', 'X', true),
    ('email', 'c', 'Y', true),
    ('email', 'd', 'Z', true),
    ('email', 'e', 'Z', true),
    ('anonymous_id', 'w', 'W', false)
) as previous (identifier_type, identifier_value, customer_id, is_known)