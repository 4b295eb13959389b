"""Privacy: erasure reaching everything the project writes (erasure.py), landing files rewritten without
an erased person (landing_files.py). docs/privacy.md says what is kept, where, for how long and why."""

from customer360.privacy.erasure import ErasureResult, apply_erasures, ensure_privacy_tables, last_erasure_at

__all__ = ["ErasureResult", "apply_erasures", "ensure_privacy_tables", "last_erasure_at"]
