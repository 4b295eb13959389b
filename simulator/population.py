"""One population of persons, their households and every identifier they own across the silos.

Identifier values live in vocabularies (Arrow string arrays) with a few written styles each; a row that
mentions an identifier stores an index into the styled vocabulary, so mess costs nothing per row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from simulator.config import RATES, SimConfig
from simulator.reference import (
    EMAIL_DOMAIN_WEIGHTS,
    EMAIL_DOMAINS,
    FIRST_NAMES,
    LAST_NAMES,
    NICKNAMES,
    OLD_EMAIL_DOMAINS,
    PHONE_GROUPS,
    PHONE_PLAN,
    STORES,
    STREETS,
    Catalogue,
    Pages,
    store_count,
)
from simulator.strings import DAY, Codes, hex_tokens, pattern_strings, serial, serial_width
from simulator.timeline import Calendar

NEVER = np.iinfo(np.int64).max // 4  # a time after every simulated time
JUNK_EMAIL = "test@example.com"
JUNK_PHONE = "0000000000"
EMAIL_STYLES = 5  # canonical, Title.Case, UPPER, " padded ", " Title padded "
PHONE_STYLES = 5  # E.164, +44 7700 900123, 07700 900123, 0044 7700-900-123, +44 (0)7700 900123
CARD_STYLES = 5  # LC12345678, lc12345678, LC 1234 5678, LC-1234-5678, lc 1234-5678
POSTCODE_PATTERNS = {"GB": "LL9 9LL", "IE": "L99 L9L9", "NL": "9999 LL"}
# the hard cases for identity matching draw from streams of their own (HARD, k), so that every other
# draw of the simulation stays what it was without them
HARD = 5
FUZZY_VARIANTS = tuple(v for v, _ in RATES.fuzzy_variants)
SIGNUP_VARIANTS = tuple(v for v, _ in RATES.card_signup_variants)
HAS_NICKNAME = np.array([f in NICKNAMES for f in FIRST_NAMES])


def draw_variants(rng, k: int, rates: tuple, eligible_nickname: np.ndarray) -> np.ndarray:
    """A bit mask per record, bit i set when variant i of `rates` applies; each drawn on its own.

    Only first names with a short form can be written as a nickname: those are drawn at a higher rate,
    so the share among all records stays the one `rates` gives."""
    nick_rate = min(1.0, dict(rates)["nickname"] / HAS_NICKNAME.mean())
    mask = np.zeros(k, dtype=np.int64)
    for i, (name, rate) in enumerate(rates):
        hit = rng.random(k) < (np.where(eligible_nickname, nick_rate, 0.0) if name == "nickname" else rate)
        mask |= hit.astype(np.int64) << i
    return mask


def variant_labels(mask: np.ndarray, names: tuple[str, ...]) -> pa.Array:
    """`typo,moved` for the bits set in each mask (empty string when none)."""
    labels = np.array(
        [",".join(v for i, v in enumerate(names) if m >> i & 1) for m in range(1 << len(names))]
    )
    return pa.array(labels[mask], pa.string())


def has_variant(mask: np.ndarray, names: tuple[str, ...], name: str) -> np.ndarray:
    return (mask >> names.index(name) & 1).astype(bool)


def _join(*parts) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _clean_lower(names: tuple[str, ...]) -> pa.Array:
    return pa.array(["".join(ch for ch in n.lower() if ch.isalpha()) for n in names])


def _bijection(i: np.ndarray, modulus: int, salt: int) -> np.ndarray:
    """Distinct numbers below modulus for distinct i < modulus (multiplier coprime with 10)."""
    return (i.astype(np.int64) * 7_919_113 + salt) % modulus


def styled_emails(canonical: pa.Array) -> pa.Array:
    """EMAIL_STYLES written forms of each address, style-major: style s of value j at s*n + j."""
    title = pc.utf8_title(canonical)
    return pa.concat_arrays(
        [
            canonical,
            title,
            pc.utf8_upper(canonical),
            _join(" ", canonical, " "),
            _join("  ", title, " "),
        ]
    )


def styled_phones(cc: str, nsn: pa.Array, groups: tuple[int, ...], national_ok: bool) -> list[pa.Array]:
    """PHONE_STYLES written forms of phones sharing one country and digit grouping."""
    parts, pos = [], 0
    for width in groups:
        parts.append(pc.utf8_slice_codeunits(nsn, pos, pos + width))
        pos += width
    spaced = pc.binary_join_element_wise(*parts, " ")
    dashed = pc.binary_join_element_wise(*parts, "-")
    intl = _join(f"+{cc} ", spaced)
    return [
        _join(f"+{cc}", nsn),
        intl,
        _join("0", spaced) if national_ok else intl,
        _join(f"00{cc} ", dashed),
        _join(f"+{cc} (0)", spaced) if national_ok else intl,
    ]


def unique_codes(rng: np.random.Generator, pattern: str, k: int) -> np.ndarray:
    """k distinct random codes of a pattern (see pattern_strings): repeats are drawn again."""
    codes = pattern_strings(rng, pattern, k).to_numpy(zero_copy_only=False)
    while True:
        _, first = np.unique(codes, return_index=True)
        again = np.setdiff1d(np.arange(k), first)
        if not len(again):
            return codes
        codes[again] = pattern_strings(rng, pattern, len(again)).to_numpy(zero_copy_only=False)


def distinct_in_household(first_idx: np.ndarray, household: np.ndarray, names: int) -> np.ndarray:
    """No two members of a household share a first name (parents do not name two children alike): a
    member whose name an earlier member already has takes the next name of the list. Households are
    runs of consecutive persons, so earlier members are the 1-3 persons before."""
    first_idx = first_idx.copy()
    for _ in range(4):  # a name moved onto a later earlier member's name moves again
        clash = np.zeros(len(first_idx), dtype=bool)
        for back in (1, 2, 3):
            same = np.zeros(len(first_idx), dtype=bool)
            same[back:] = (household[back:] == household[:-back]) & (first_idx[back:] == first_idx[:-back])
            clash |= same
        if not clash.any():
            break
        first_idx[clash] = (first_idx[clash] + 1) % names
    return first_idx


def old_emails(rng: np.random.Generator, first_c: pa.Array, last_c: pa.Array) -> pa.Array:
    """Old work addresses (`j.doe@oldco.example`): the same name at one employer gets jane.doe2@, ...,
    so no two persons share one, and the domains keep them apart from everyone's other addresses."""
    k = len(first_c)
    if not k:
        return pa.array([], pa.string())
    style = rng.integers(0, 3, k)
    initial = pc.utf8_slice_codeunits(first_c, 0, 1)
    local = pc.case_when(
        pc.make_struct(pa.array(style == 0), pa.array(style == 1)),
        _join(first_c, ".", last_c),
        _join(initial, ".", last_c),
        _join(initial, last_c),
    )
    domain = pa.array(OLD_EMAIL_DOMAINS).take(pa.array(rng.integers(0, len(OLD_EMAIL_DOMAINS), k)))
    _, group = np.unique(_join(local, "@", domain).to_numpy(zero_copy_only=False), return_inverse=True)
    o = np.argsort(group, kind="stable")
    rank = np.empty(k, dtype=np.int64)
    rank[o] = np.arange(k) - np.searchsorted(group[o], group[o])
    suffix = pa.array(np.where(rank > 0, (rank + 1).astype(str), ""), pa.string())
    return _join(local, suffix, "@", domain)


@dataclass
class Styled:
    """A vocabulary of identifiers written in several styles (style-major)."""

    canonical: pa.Array  # normalised values, as the pipeline should normalise them
    written: pa.Array  # len = styles * len(canonical)
    styles: int

    @property
    def n(self) -> int:
        return len(self.canonical)

    def codes(self, idx: np.ndarray, style: np.ndarray) -> Codes:
        idx = np.asarray(idx, dtype=np.int64)
        return Codes(np.where(idx < 0, -1, style.astype(np.int64) * self.n + idx), self.written)


class World:
    """Persons, households, stores, catalogue and identifiers: everything the silos share."""

    def __init__(self, cfg: SimConfig):
        self.cfg, self.cal = cfg, Calendar(cfg)
        r, rng = RATES, cfg.rng(1)
        n = self.n = cfg.persons
        t0, t_end = cfg.t0, cfg.t_end
        self.t0, self.t_end = t0, t_end

        # ---------- stores and catalogue
        self.n_stores = store_count(n)
        self.stores = STORES[: self.n_stores]
        self.store_tz = [s[3] for s in self.stores]
        sw = np.array([s[4] for s in self.stores])
        self.store_weights = sw / sw.sum()
        self.catalogue = Catalogue(cfg.rng(2))
        self.pages = Pages(self.catalogue)

        # ---------- households: consecutive persons share one
        sizes = rng.choice([1, 2, 3, 4], size=n, p=r.household_sizes)
        sizes = sizes[np.cumsum(sizes) - sizes < n]
        household = np.repeat(np.arange(len(sizes)), sizes)[:n]
        self.household = household
        self.n_households = int(household[-1]) + 1 if n else 0
        hh_size = np.bincount(household, minlength=self.n_households)
        self.hh_size, self.hh_size_of_household = hh_size[household], hh_size
        hh_store = rng.choice(self.n_stores, size=self.n_households, p=self.store_weights)
        self.home_store = hh_store[household]
        self.country = np.array([s[2] for s in self.stores])[self.home_store]
        hh_landline = (hh_size >= 2) & (rng.random(self.n_households) < r.household_landline)
        self.has_landline = hh_landline[household]

        # ---------- names and birth dates
        hh_last = rng.integers(0, len(LAST_NAMES), self.n_households)
        own_last = rng.integers(0, len(LAST_NAMES), n)
        self.last_idx = np.where(rng.random(n) < 0.8, hh_last[household], own_last)
        self.first_idx = distinct_in_household(rng.integers(0, len(FIRST_NAMES), n), household, len(FIRST_NAMES))
        age_days = rng.integers(18 * 365, 82 * 365, n)
        self.birth = ((t0 // DAY) - age_days) * DAY
        self.is_twin = self._twins(cfg.rng(HARD, 0), hh_size)
        self.first_names, self.last_names = pa.array(FIRST_NAMES), pa.array(LAST_NAMES)
        self.first = self.first_names.take(pa.array(self.first_idx))
        self.last = self.last_names.take(pa.array(self.last_idx))
        self._addresses(cfg.rng(HARD, 1), hh_store)

        # ---------- since when each person is known; joiners arrive during the run
        joiner_share = r.joiners_per_year * cfg.years / (1 + r.joiners_per_year * cfg.years)
        joiner = rng.random(n) < joiner_share
        tenure = rng.exponential(2.0 * 365, n)  # days known before the run, at most 8 years
        tenure = np.where(tenure > 8 * 365, rng.uniform(0, 8 * 365, n), tenure)
        pre = t0 - DAY - (tenure * DAY).astype(np.int64)
        during = t0 + (rng.random(n) * cfg.days * DAY).astype(np.int64)
        self.since = np.where(joiner, during, pre)
        self.joiner = joiner

        # ---------- relationships
        def u():
            return rng.random(n)

        self.has_crm = u() < r.has_crm
        self.has_shop = u() < np.where(self.has_crm, r.has_shop_if_crm, r.has_shop_no_crm)
        self.web_user = u() < np.where(self.has_shop, r.web_if_shop, r.web_no_shop)
        self.app_user = u() < np.where(self.has_shop, r.app_if_shop, r.app_no_shop)
        self.store_shopper = u() < r.store_shopper
        # every person is reachable by at least one channel
        lonely = ~(self.web_user | self.app_user | self.store_shopper)
        self.store_shopper |= lonely
        self.has_card = u() < np.where(self.has_crm & self.store_shopper, r.card_if_crm_store, r.card_other)
        self.has_email2 = u() < r.has_email2
        self.has_mobile = u() < r.has_mobile
        self.has_handle = u() < r.has_handle
        self.satisfaction = rng.normal(0.0, 1.0, n)  # latent: happier people score higher

        # creation times of the records each silo holds
        self.crm_created = np.where(self.has_crm, self.since, NEVER)
        self.shop_created = np.where(
            self.has_shop, self.since + (rng.exponential(150.0, n) * DAY).astype(np.int64), NEVER
        )
        self.has_shop &= self.shop_created < t_end
        self.shop_created = np.where(self.has_shop, self.shop_created, NEVER)
        self.card_issued = np.where(
            self.has_card, self.since + (rng.exponential(120.0, n) * DAY).astype(np.int64), NEVER
        )
        self.has_card &= self.card_issued < t_end
        self.card_issued = np.where(self.has_card, self.card_issued, NEVER)

        # erasure requests: a few pre-existing CRM customers ask to be forgotten during the run
        self.erased_at = np.full(n, NEVER, dtype=np.int64)
        if cfg.days >= 2 and n:
            k = max(1, round(n * cfg.years * r.erasures_per_year))
            pool = np.flatnonzero(self.has_crm & ~joiner)
            chosen = rng.choice(pool, size=min(k, len(pool)), replace=False) if len(pool) else pool
            self.erased_at[chosen] = (
                t0 + DAY + (rng.random(len(chosen)) * (cfg.days - 1) * DAY).astype(np.int64)
            )
        # end of each person's activity in the run; nothing new is created after an erasure
        self.active_until = np.minimum(self.erased_at, t_end)
        self.has_shop &= self.shop_created < self.active_until
        self.shop_created = np.where(self.has_shop, self.shop_created, NEVER)
        self.has_card &= self.card_issued < self.active_until
        self.card_issued = np.where(self.has_card, self.card_issued, NEVER)

        self._identifiers(rng)

    # ------------------------------------------------------------------ households: twins and addresses
    def _twins(self, rng: np.random.Generator, hh_size: np.ndarray) -> np.ndarray:
        """In a few households of 2+, the first two members are twins: one surname, one birth date,
        two first names. Returns is_twin per person."""
        first_member = np.cumsum(hh_size) - hh_size
        multi = np.flatnonzero(hh_size >= 2)
        a = first_member[multi[rng.random(len(multi)) < RATES.twin_households]]
        b = a + 1
        self.last_idx[b] = self.last_idx[a]
        self.birth[b] = self.birth[a]
        other = (self.first_idx[a] + rng.integers(1, len(FIRST_NAMES), len(a))) % len(FIRST_NAMES)
        self.first_idx[b] = np.where(self.first_idx[b] == self.first_idx[a], other, self.first_idx[b])
        is_twin = np.zeros(self.n, dtype=bool)
        is_twin[a] = is_twin[b] = True
        return is_twin

    def _addresses(self, rng: np.random.Generator, hh_store: np.ndarray) -> None:
        """One address per household, in the town of its home store. GB and NL postcodes cover a run of
        1-25 neighbouring addresses on one street (house numbers two apart); an Irish Eircode is one
        address's own."""
        nh = self.n_households
        country = np.array([s[2] for s in self.stores])[hh_store]
        order = np.argsort(hh_store, kind="stable")  # neighbours share a home store
        lo, hi = RATES.postcode_addresses
        sizes = rng.integers(lo, hi + 1, nh)  # more blocks than needed; the first ones are used
        starts = np.cumsum(sizes) - sizes
        pos = np.arange(nh)
        block = np.searchsorted(starts, pos, side="right") - 1
        new_block = np.r_[True, (block[1:] != block[:-1]) | (hh_store[order][1:] != hh_store[order][:-1])]
        new_block |= country[order] == "IE"
        block_id = np.cumsum(new_block) - 1
        rank = pos - np.flatnonzero(new_block)[block_id]  # position within the block
        nb = int(block_id[-1]) + 1 if nh else 0
        b_street = rng.integers(0, len(STREETS), nb)
        b_base = rng.integers(1, 120, nb)
        b_country = np.empty(nb, dtype=object)
        b_country[block_id] = country[order]
        b_postcode = np.empty(nb, dtype=object)
        for c, pattern in POSTCODE_PATTERNS.items():
            sel = np.flatnonzero(b_country == c)
            b_postcode[sel] = unique_codes(rng, pattern, len(sel))
        street_idx, number, postcode = (
            np.empty(nh, dtype=np.int64),
            np.empty(nh, dtype=np.int64),
            np.empty(nh, dtype=object),
        )
        street_idx[order] = b_street[block_id]
        number[order] = b_base[block_id] + 2 * rank
        postcode[order] = b_postcode[block_id]
        self.hh_street_idx = street_idx
        self.hh_street = pc.binary_join_element_wise(
            pa.array(number).cast(pa.string()), pa.array(STREETS).take(pa.array(street_idx)), " "
        )
        self.hh_postcode = pa.array(postcode, pa.string())
        self.street = self.hh_street.take(pa.array(self.household))
        self.postcode = self.hh_postcode.take(pa.array(self.household))

    # ------------------------------------------------------------------ identifiers
    def _identifiers(self, rng: np.random.Generator) -> None:
        r, n = RATES, self.n
        t_end = self.t_end
        num_mod = 10 ** max(5, len(str(n)) + 1)
        number = pa.array(_bijection(np.arange(n), num_mod, 4242)).cast(pa.string())
        first_c = _clean_lower(FIRST_NAMES).take(pa.array(self.first_idx))
        last_c = _clean_lower(LAST_NAMES).take(pa.array(self.last_idx))

        # hard positives: a second CRM record of a few customers that shares no identifier with any other
        # record (decided first: their own emails and phones join the vocabularies below)
        hard = self.cfg.rng(HARD, 2)
        crm_p = np.flatnonzero(self.has_crm)
        fz_p = crm_p[hard.random(len(crm_p)) < r.fuzzy_dup_crm]
        fz_lo = self.crm_created[fz_p] + 20 * DAY
        fz_hi = np.minimum(t_end, self.erased_at[fz_p])
        ok = fz_lo < fz_hi
        fz_p, fz_lo, fz_hi = fz_p[ok], fz_lo[ok], fz_hi[ok]
        fz_created = fz_lo + (hard.random(len(fz_p)) * (fz_hi - fz_lo)).astype(np.int64)
        fz_variants = draw_variants(hard, len(fz_p), r.fuzzy_variants, HAS_NICKNAME[self.first_idx[fz_p]])
        fz_email2 = np.flatnonzero(has_variant(fz_variants, FUZZY_VARIANTS, "second_email"))
        fz_phone2 = np.flatnonzero(has_variant(fz_variants, FUZZY_VARIANTS, "second_phone"))

        # emails: primary [0, n), secondary [n, 2n), junk at 2n, the old addresses of fuzzy duplicates after
        dom_w = np.array(EMAIL_DOMAIN_WEIGHTS) / sum(EMAIL_DOMAIN_WEIGHTS)
        domains = pa.array(EMAIL_DOMAINS)
        d1 = domains.take(pa.array(rng.choice(len(EMAIL_DOMAINS), n, p=dom_w)))
        d2 = domains.take(pa.array(rng.choice(len(EMAIL_DOMAINS), n, p=dom_w)))
        pattern = rng.integers(0, 4, n)
        initial = pc.utf8_slice_codeunits(first_c, 0, 1)
        local1 = pc.case_when(
            pc.make_struct(pa.array(pattern == 0), pa.array(pattern == 1), pa.array(pattern == 2)),
            _join(first_c, ".", last_c, number),
            _join(first_c, number),
            _join(initial, ".", last_c, number),
            _join(first_c, last_c, number),
        )
        email1 = _join(local1, "@", d1)
        email2 = _join(last_c, "_", first_c, number, "@", d2)
        old = old_emails(
            hard, first_c.take(pa.array(fz_p[fz_email2])), last_c.take(pa.array(fz_p[fz_email2]))
        )
        canonical = pa.concat_arrays([email1, email2, pa.array([JUNK_EMAIL]), old])
        self.emails = Styled(canonical, styled_emails(canonical), EMAIL_STYLES)
        self.email_junk = 2 * n
        self.old_email_person = fz_p[fz_email2]
        fz_email = np.full(len(fz_p), -1, dtype=np.int64)
        fz_email[fz_email2] = 2 * n + 1 + np.arange(len(fz_email2))

        # phones: mobiles [0, n), household landlines [n, n + H), the other mobiles of fuzzy duplicates
        # [n + H, n + H + k) (numbered on from the mobiles, so no one else has them), junk last
        hh_country = np.empty(self.n_households, dtype=object)
        hh_country[self.household] = self.country
        self.other_phone_person = fz_p[fz_phone2]
        k2 = len(fz_phone2)
        owner_country = np.concatenate(
            [self.country.astype(object), hh_country, self.country[self.other_phone_person].astype(object)]
        )
        is_land = np.r_[np.zeros(n, bool), np.ones(self.n_households, bool), np.zeros(k2, bool)]
        digits = np.concatenate(
            [
                _bijection(np.arange(n), 10**7, 1234567),
                _bijection(np.arange(self.n_households), 10**7, 7654321),
                _bijection(n + np.arange(k2), 10**7, 1234567),
            ]
        )
        digits = pc.utf8_lpad(pa.array(digits).cast(pa.string()), 7, "0")
        m = len(owner_country)
        styled = [np.empty(0, dtype=object)] * PHONE_STYLES
        pieces, rows = [], []
        for c, (code, mob_pre, land_pre) in PHONE_PLAN.items():
            for land, pre in ((False, mob_pre), (True, land_pre)):
                sel = np.flatnonzero((owner_country == c) & (is_land == land))
                if not len(sel):
                    continue
                nsn = _join(pre, digits.take(pa.array(sel)))
                pieces.append(styled_phones(code, nsn, PHONE_GROUPS[c][int(land)], c == "GB"))
                rows.append(sel)
        rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        back = pa.array(np.argsort(rows, kind="stable"))  # position of each phone in the pieces
        styled = [
            pa.concat_arrays([p[s] for p in pieces]).take(back) if pieces else pa.array([], pa.string())
            for s in range(PHONE_STYLES)
        ]
        junk = pa.array([JUNK_PHONE])
        canonical = pa.concat_arrays([styled[0], junk])
        self.phones = Styled(
            canonical, pa.concat_arrays([x for s in styled for x in (s, junk)]), PHONE_STYLES
        )
        self.phone_junk = m
        self.landline_of = np.where(self.has_landline, n + self.household, -1)
        self.mobile_of = np.where(self.has_mobile, np.arange(n), -1)
        fz_phone = np.full(len(fz_p), -1, dtype=np.int64)
        fz_phone[fz_phone2] = n + self.n_households + np.arange(k2)

        # CRM records: one per CRM person, plus duplicate records for a few (numbered by creation time):
        # easy ones sharing an email or phone, and the fuzzy ones above
        dup_p = crm_p[rng.random(len(crm_p)) < r.dup_crm]
        dup_created = self.crm_created[dup_p] + (rng.uniform(20, 900, len(dup_p)) * DAY).astype(np.int64)
        keep = dup_created < np.minimum(t_end, self.erased_at[dup_p])
        dup_p, dup_created = dup_p[keep], dup_created[keep]
        rec_person = np.concatenate([crm_p, dup_p, fz_p])
        rec_created = np.concatenate([self.crm_created[crm_p], dup_created, fz_created])
        rec_kind = np.repeat(np.array([0, 1, 2], np.int8), [len(crm_p), len(dup_p), len(fz_p)])
        no_fz = np.full(len(crm_p) + len(dup_p), -1, dtype=np.int64)
        rec_variants = np.concatenate([np.zeros(len(crm_p) + len(dup_p), np.int64), fz_variants])
        rec_email = np.concatenate([no_fz, fz_email])
        rec_phone = np.concatenate([no_fz, fz_phone])
        order = np.lexsort((rec_person, rec_created))
        self.crm_person, self.crm_created_at = rec_person[order], rec_created[order]
        self.crm_is_dup, self.crm_is_fuzzy = rec_kind[order] == 1, rec_kind[order] == 2
        # per fuzzy duplicate record (else 0 / -1): its variants, its own email and phone
        self.crm_variants, self.crm_fuzzy_email, self.crm_fuzzy_phone = (
            rec_variants[order],
            rec_email[order],
            rec_phone[order],
        )
        self.crm_ids = serial("C", np.arange(1, len(order) + 1), serial_width(len(order), 6))
        self.crm_of = np.full(n, -1, dtype=np.int64)  # primary record
        prim = ~self.crm_is_dup & ~self.crm_is_fuzzy
        self.crm_of[self.crm_person[prim]] = np.flatnonzero(prim)
        self.crm_dup_of = np.full(n, -1, dtype=np.int64)
        self.crm_dup_of[self.crm_person[self.crm_is_dup]] = np.flatnonzero(self.crm_is_dup)

        # shop accounts, numbered by creation time
        acct_p = np.flatnonzero(self.has_shop)
        order = np.lexsort((acct_p, self.shop_created[acct_p]))
        self.acct_person = acct_p[order]
        self.acct_created = self.shop_created[self.acct_person]
        self.acct_ids = serial("A", np.arange(1, len(order) + 1), serial_width(len(order), 6))
        self.acct_of = np.full(n, -1, dtype=np.int64)
        self.acct_of[self.acct_person] = np.arange(len(order))

        # loyalty cards: one per card holder, a replacement card for a few (the old one gets blocked)
        card_p = np.flatnonzero(self.has_card)
        repl = card_p[rng.random(len(card_p)) < r.second_card]
        repl_issued = self.card_issued[repl] + (rng.uniform(60, 700, len(repl)) * DAY).astype(np.int64)
        keep = repl_issued < np.minimum(t_end, self.erased_at[repl])
        repl, repl_issued = repl[keep], repl_issued[keep]
        self.card_person = np.concatenate([card_p, repl])
        self.card_issued_at = np.concatenate([self.card_issued[card_p], repl_issued])
        nc = len(self.card_person)
        self.card_replaced_at = np.full(nc, NEVER, dtype=np.int64)  # when the card was blocked
        first_of = np.full(n, -1, dtype=np.int64)
        first_of[card_p] = np.arange(len(card_p))
        self.card_replaced_at[first_of[repl]] = repl_issued
        self.card_expired = np.zeros(nc, bool)
        self.card_expired[: len(card_p)] = (
            (rng.random(len(card_p)) < 0.04)
            & ~np.isin(card_p, repl)
            & (self.card_issued_at[: len(card_p)] < self.t0)
        )
        self.card_first_of, self.card_second_of = first_of, np.full(n, -1, dtype=np.int64)
        self.card_second_of[repl] = len(card_p) + np.arange(len(repl))

        # till sign-ups: CRM customers without a card get one at the till and give a name and a postcode
        # only (numbered after the other cards, whose numbers stay as they were)
        sign = self.cfg.rng(HARD, 3)
        cand = np.flatnonzero(self.has_crm & self.store_shopper & ~self.has_card)
        cand_issued = self.since[cand] + (sign.exponential(120.0, len(cand)) * DAY).astype(np.int64)
        ok = cand_issued < self.active_until[cand]
        cand, cand_issued = cand[ok], cand_issued[ok]
        want = r.card_signup / (1 - r.card_signup) * self.has_crm[self.card_person].sum()
        chosen = sign.random(len(cand)) < min(1.0, want / max(len(cand), 1))
        signup, signup_issued = cand[chosen], cand_issued[chosen]
        ns = len(signup)
        self.card_person = np.concatenate([self.card_person, signup])
        self.card_issued_at = np.concatenate([self.card_issued_at, signup_issued])
        self.card_replaced_at = np.concatenate([self.card_replaced_at, np.full(ns, NEVER, dtype=np.int64)])
        self.card_expired = np.concatenate([self.card_expired, np.zeros(ns, bool)])
        self.card_is_signup = np.r_[np.zeros(nc, bool), np.ones(ns, bool)]
        self.card_variants = np.concatenate(
            [
                np.zeros(nc, np.int64),
                draw_variants(sign, ns, r.card_signup_variants, HAS_NICKNAME[self.first_idx[signup]]),
            ]
        )
        self.card_first_of[signup] = nc + np.arange(ns)
        self.has_card[signup] = True
        self.card_issued[signup] = signup_issued
        nc += ns
        card_num = _bijection(np.arange(nc), 10**8, 31337)
        digits = pa.array(card_num).cast(pa.string())
        digits = pc.utf8_lpad(digits, 8, "0")
        canonical = _join("LC", digits)
        lower = pc.utf8_lower(canonical)
        a, b = pc.utf8_slice_codeunits(digits, 0, 4), pc.utf8_slice_codeunits(digits, 4, 8)
        written = pa.concat_arrays(
            [canonical, lower, _join("LC ", a, " ", b), _join("LC-", a, "-", b), _join("lc ", a, "-", b)]
        )
        self.cards = Styled(canonical, written, CARD_STYLES)
        self.default_cards = pa.array([f"STORE-DEFAULT-{k + 1:04d}" for k in range(self.n_stores)])

        # app devices (1-2 per app user) and web cookies (1-3 per web user), contiguous per person
        ndev = np.where(self.app_user, 1 + (rng.random(n) < 0.3), 0)
        self.dev_first = np.concatenate([[0], np.cumsum(ndev)[:-1]]) if n else ndev
        self.dev_count = ndev
        self.dev_person = np.repeat(np.arange(n), ndev)
        self.dev_platform = (rng.random(len(self.dev_person)) < 0.45).astype(np.int8)  # 0 ios, 1 android
        self.dev_ids = hex_tokens("dev-", np.arange(len(self.dev_person)), 0xD1CE)
        ncook = np.where(self.web_user, rng.choice([1, 2, 3], n, p=[0.55, 0.3, 0.15]), 0)
        self.anon_first = np.concatenate([[0], np.cumsum(ncook)[:-1]]) if n else ncook
        self.anon_count = ncook
        self.anon_person = np.repeat(np.arange(n), ncook)
        self.anon_ids = hex_tokens("anon-", np.arange(len(self.anon_person)), 0xC00C1E)

        # social handles: canonical lower-case without @, written as @FirstLast_123
        first_t = pa.array([f.replace("'", "").replace(" ", "") for f in FIRST_NAMES]).take(
            pa.array(self.first_idx)
        )
        last_t = pa.array([x.replace("'", "").replace(" ", "") for x in LAST_NAMES]).take(
            pa.array(self.last_idx)
        )
        written = _join("@", first_t, last_t, "_", number)
        self.handle_written = written
        self.handle_canonical = pc.utf8_lower(pc.utf8_slice_codeunits(written, 1))

    # ------------------------------------------------------------------ helpers used by every silo
    def phone_for_record(self, rng, persons: np.ndarray, landline_share: float = 0.4) -> np.ndarray:
        """Which phone a person writes on a form: mobile, or the household landline; -1 for none."""
        mob, land = self.mobile_of[persons], self.landline_of[persons]
        use_land = (land >= 0) & ((mob < 0) | (rng.random(len(persons)) < landline_share))
        return np.where(use_land, land, mob)

    def email_for_record(self, rng, persons: np.ndarray, secondary_share: float = 0.35) -> np.ndarray:
        use2 = self.has_email2[persons] & (rng.random(len(persons)) < secondary_share)
        return np.where(use2, self.n + persons, persons)

    def style(self, rng, k: int, share: float, styles: int) -> np.ndarray:
        """0 (canonical) for most rows, another written style for `share` of them."""
        s = rng.integers(1, styles, k)
        return np.where(rng.random(k) < share, s, 0)

    def active_card(self, persons: np.ndarray, t: np.ndarray) -> np.ndarray:
        """The card a person can show at time t (-1 when none)."""
        c1, c2 = self.card_first_of[persons], self.card_second_of[persons]
        use2 = (c2 >= 0) & (t >= self.card_issued_at[np.maximum(c2, 0)])
        ok1 = (
            (c1 >= 0) & (t >= self.card_issued_at[np.maximum(c1, 0)]) & ~self.card_expired[np.maximum(c1, 0)]
        )
        return np.where(use2, c2, np.where(ok1, c1, -1))
