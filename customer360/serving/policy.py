"""How each mart column is published: the `serving` meta of its dbt column, read from the manifest.

The rules live once, beside the column's docs in the dbt YAML:

```yaml
- name: email
  config:
    meta:
      serving: salted_hash          # contact PII: hex SHA-256 of PII_SALT || value
- name: birth_date
  config:
    meta:
      serving: drop                 # never published (age_band and birth_year are)
- name: identifier_value
  config:
    meta:
      serving:
        treatment: salted_hash
        # system keys stay readable for the teams that own them; contact data is hashed
        readable_when: {identifier_type: [crm_customer_id, shop_account_id, loyalty_card_number]}
- name: email_sha256
  config:
    meta:
      serving: activation_hash      # unsalted SHA-256 for ad platforms, computed in dbt; publish checks its shape
```

A column without a rule is published as it is (`keep`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

KEEP, SALTED_HASH, DROP, ACTIVATION_HASH = "keep", "salted_hash", "drop", "activation_hash"
TREATMENTS = (KEEP, SALTED_HASH, DROP, ACTIVATION_HASH)
ACTIVATION_HASH_PATTERN = "^[0-9a-f]{64}$"  # lower-case hex SHA-256, as Google and Meta audience uploads take it


@dataclass(frozen=True)
class ColumnRule:
    treatment: str = KEEP
    # (column, values): on rows where that column holds one of the values, this one stays readable
    readable_when: tuple[str, tuple[str, ...]] | None = None

    def describe(self) -> str:
        """One sentence for the column's comment in the serving file (empty for `keep`)."""
        if self.treatment == SALTED_HASH:
            sentence = "Published as the hex SHA-256 of PII_SALT || value (NULL stays NULL)"
            if self.readable_when:
                column, values = self.readable_when
                sentence += f", except where {column} is {', '.join(values)}: those system keys stay readable"
            return sentence + "."
        if self.treatment == ACTIVATION_HASH:
            return "Unsalted lower-case hex SHA-256 of the normalised value, for ad-platform audience uploads."
        return ""


def parse_rule(meta: object, where: str = "") -> ColumnRule:
    """A column's `serving` meta (a treatment name, or a mapping with `treatment` and `readable_when`)."""
    if meta is None:
        return ColumnRule()
    if isinstance(meta, str):
        meta = {"treatment": meta}
    if not isinstance(meta, Mapping):
        raise TypeError(f"{where}: serving meta must be a treatment name or a mapping, not {meta!r}")
    unknown = set(meta) - {"treatment", "readable_when"}
    treatment = meta.get("treatment", KEEP)
    if unknown or treatment not in TREATMENTS:
        raise ValueError(f"{where}: serving meta {dict(meta)!r}: treatment one of {', '.join(TREATMENTS)}, "
                         "optional readable_when")
    readable_when = None
    if meta.get("readable_when") is not None:
        condition = meta["readable_when"]
        if treatment != SALTED_HASH or not isinstance(condition, Mapping) or len(condition) != 1:
            raise ValueError(f"{where}: readable_when is one {{column: [values]}}, on a salted_hash column")
        ((column, values),) = condition.items()
        readable_when = (str(column), tuple(str(v) for v in values))
    return ColumnRule(treatment, readable_when)


def rules_from_meta(serving_meta: Mapping[str, Mapping[str, object]]) -> dict[str, dict[str, ColumnRule]]:
    """{model: {column: serving meta}} (customer360.dbt_artifacts.serving_meta) -> parsed rules, `keep` left out."""
    out: dict[str, dict[str, ColumnRule]] = {}
    for model, columns in serving_meta.items():
        for column, meta in columns.items():
            rule = parse_rule(meta, f"{model}.{column}")
            if rule.treatment != KEEP:
                out.setdefault(model, {})[column] = rule
    return out
