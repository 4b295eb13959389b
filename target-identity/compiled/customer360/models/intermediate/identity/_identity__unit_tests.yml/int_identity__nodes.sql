select
    range as node_id, 'email' as identifier_type, 'n' || range as identifier_value,
    cast(null as timestamp) as first_seen_at, cast(null as timestamp) as last_seen_at, cast(null as bigint) as source_mask
from range(1, 17)