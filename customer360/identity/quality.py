"""Identity-resolution quality: how well the clusters match the people behind the data.

Plain functions over a DuckDB connection to the warehouse (no Dagster here; the asset checks wrap
them). They read intermediate.int_identity__customer_ids (every clustered identifier and its
customer_id), int_identity__identifiers and int_identity__edges, and, for precision and recall, the
simulator's truth: <truth_dir>/identifiers.parquet (identifier_type, identifier_value normalised like
staging, person_id; junk shared values absent, a household landline listed once per member).

Scoring, pairwise over *record-anchoring* identifiers (RECORD_ANCHORING_TYPES): the keys of the
records and devices the facts hang on - CRM customers, shop accounts, loyalty cards, app devices and
web cookies. Emails, phones and handles are how records link, not what is counted: one junk or
household value would otherwise weigh as much as a person. Two anchoring identifiers of one person
in one cluster are a correct pair; of two persons, a false merge.

  precision      correct pairs / pairs in the same cluster
  recall_full    correct pairs / pairs of the same person (all of truth, even links no data shows)
  recall_carried correct pairs / pairs of the same person *that the data connects*: two identifiers
                 of a person count only when a chain of observed co-occurrences joins them through
                 identifiers of that person alone (int_identity__edges, before the junk firewall;
                 identifiers truth gives to several persons, like a household landline, carry
                 nothing). A person whose shop account never shares an email, phone or card with
                 their CRM record cannot be stitched by anyone; that pair is missing from this
                 denominator but not from recall_full.

Pairs are never enumerated: with n_ij anchoring identifiers of person j in cluster i,
correct = sum C(n_ij, 2), clustered = sum_i C(a_i, 2), true = sum_j C(b_j, 2). An identifier the
firewall blocked is scored as a cluster of its own.

Pairs joined by links between person records (probabilistic or a steward's: int_identity__linked_clusters,
whose deterministic_cluster_node_id is what shared identifiers alone gave) are scored on their own:

  precision_links  correct pairs / pairs in one customer but in two deterministic clusters
  recall_links     of the true pairs shared identifiers left in two deterministic clusters, the share
                   links joined (over all of truth: a shop account with nothing but a common name is
                   in the denominator too)
  recall_planted   of the pairs between a planted duplicate that shares no identifier
                   (<truth_dir>/planted_records.parquet, the simulator's: a second CRM record, a till
                   sign-up card) and its person's CRM records, the share in one customer
  household_false_merge_rate  households of 2+ persons (<truth_dir>/persons.parquet) whose members'
                   records share a customer, over those households; twins counted apart as well

Publishing is blocked below MIN_PRECISION or MIN_RECALL (on recall_carried). The links' targets
(MIN_PRECISION on the link pairs, MIN_RECALL_PLANTED, MAX_HOUSEHOLD_FALSE_MERGE_RATE) are reported
as link_shortfalls, a warning.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

RECORD_ANCHORING_TYPES = ("crm_customer_id", "shop_account_id", "loyalty_card_number", "device_id", "anonymous_id")
MIN_PRECISION = 0.995
MIN_RECALL = 0.98
MIN_RECALL_PLANTED = 0.95
MAX_HOUSEHOLD_FALSE_MERGE_RATE = 0.001
MAX_CLUSTER_SIZE = 200  # identifiers (the build passes dbt's var identity_max_cluster_size)
SIZE_BUCKETS = ((1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 100), (101, 1000), (1001, None))

SCHEMA = "intermediate"


def _pairs(counts: np.ndarray) -> int:
    counts = counts.astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def _group_counts(*keys: np.ndarray) -> np.ndarray:
    """How many rows share each distinct combination of the integer key columns.

    The keys are folded into one int64 column, renumbered densely after each fold so it never
    overflows: np.unique over rows (axis=0) took 8 s for 5M identifiers, over one column under 2 s."""
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    combined = keys[0].astype(np.int64)
    for key in keys[1:]:
        key = key.astype(np.int64)
        key = key - key.min()
        _, dense = np.unique(combined, return_inverse=True)
        combined = dense.astype(np.int64) * (int(key.max()) + 1) + key
    _, counts = np.unique(combined, return_counts=True)
    return counts


def _ratio(numerator: int, denominator: int) -> float:
    return 1.0 if denominator == 0 else numerator / denominator


def pairwise_scores(cluster: np.ndarray, person: np.ndarray, carried: np.ndarray | None = None) -> dict:
    """Pairwise precision and recall from per-identifier cluster, person (and carried group) codes."""
    correct = _pairs(_group_counts(cluster, person))
    clustered = _pairs(_group_counts(cluster))
    true_full = _pairs(_group_counts(person))
    result = {
        "precision": _ratio(correct, clustered),
        "recall_full": _ratio(correct, true_full),
        "pairs": {"clustered": clustered, "correct": correct, "true_full": true_full},
    }
    if carried is not None:
        correct_carried = _pairs(_group_counts(cluster, person, carried))
        true_carried = _pairs(_group_counts(person, carried))
        result["recall_carried"] = _ratio(correct_carried, true_carried)
        result["pairs"].update({"true_carried": true_carried, "correct_carried": correct_carried})
    return result


def size_histogram(sizes: np.ndarray) -> dict[str, int]:
    histogram = {}
    for low, high in SIZE_BUCKETS:
        label = str(low) if low == high else (f"{low}-{high}" if high else f">{low - 1}")
        in_bucket = (sizes >= low) if high is None else ((sizes >= low) & (sizes <= high))
        histogram[label] = int(in_bucket.sum())
    return histogram


def _truth_relation(truth_dir: str | Path) -> str:
    path = Path(truth_dir) / "identifiers.parquet"
    if not path.exists():
        raise FileNotFoundError(f"no identity truth at {path}")
    return f"read_parquet('{path.as_posix()}')"


def identity_quality(con, truth_dir: str | Path, schema: str = SCHEMA, profile: dict | None = None) -> dict:
    """Precision, recall (carried and full), and the cluster profile (computed here unless given)."""
    truth = _truth_relation(truth_dir)
    anchoring = ", ".join(f"'{t}'" for t in RECORD_ANCHORING_TYPES)

    # every observed identifier truth gives to exactly one person, numbered; its cluster when clustered
    # (persons numbered without a sort: a code only has to tell persons apart; 1M persons: 11.7 s -> 4 s)
    con.execute(f"""
        create or replace temp table quality_truth as
        with truth as (
            select identifier_type, identifier_value, min(person_id) as person_id
            from {truth}
            group by identifier_type, identifier_value
            having min(person_id) = max(person_id)
        ),
        persons as (
            select person_id, row_number() over () as person_code
            from (select distinct person_id from truth)
        )
        select
            row_number() over () - 1 as node,
            truth.identifier_type,
            truth.identifier_value,
            persons.person_code,
            truth.identifier_type in ({anchoring}) as is_anchoring,
            ids.customer_id
        from truth
        inner join persons
            on truth.person_id = persons.person_id
        inner join {schema}.int_identity__identifiers as observed
            on truth.identifier_type = observed.identifier_type
            and truth.identifier_value = observed.identifier_value
        left join {schema}.int_identity__customer_ids as ids
            on truth.identifier_type = ids.identifier_type
            and truth.identifier_value = ids.identifier_value
    """)
    nodes = con.execute("select count(*) from quality_truth").fetchone()[0]

    # links the data carries: observed co-occurrences between two identifiers of one person
    edges = con.execute(f"""
        select a.node as node_a, b.node as node_b
        from {schema}.int_identity__edges as edges
        inner join quality_truth as a
            on edges.identifier_a_type = a.identifier_type and edges.identifier_a_value = a.identifier_value
        inner join quality_truth as b
            on edges.identifier_b_type = b.identifier_type and edges.identifier_b_value = b.identifier_value
        where a.person_code = b.person_code
    """).fetchnumpy()
    a, b = edges["node_a"].astype(np.int64), edges["node_b"].astype(np.int64)
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(nodes, nodes))
    _, carried_component = connected_components(graph, directed=False)

    scored = con.execute("""
        select
            node,
            person_code,
            -- a blocked identifier is a cluster of its own
            dense_rank() over (order by coalesce(customer_id, 'blocked:' || identifier_type || ':' || identifier_value))
                as cluster_code,
            customer_id is null as is_blocked
        from quality_truth
        where is_anchoring
    """).fetchnumpy()
    scores = pairwise_scores(scored["cluster_code"].astype(np.int64), scored["person_code"].astype(np.int64),
                             carried_component[scored["node"].astype(np.int64)].astype(np.int64))
    links = link_scores(con, schema) if _has_table(con, schema, "int_identity__linked_clusters") else {}
    planted = planted_scores(con, truth_dir, schema)
    households = household_scores(con, truth_dir, schema)

    not_in_truth = con.execute(f"""
        select count(*)
        from {schema}.int_identity__customer_ids as ids
        anti join quality_truth
            on ids.identifier_type = quality_truth.identifier_type
            and ids.identifier_value = quality_truth.identifier_value
        where ids.identifier_type in ({anchoring})
    """).fetchone()[0]

    con.execute("drop table quality_truth")
    profile = profile or cluster_profile(con, schema)
    failures = []
    if scores["precision"] < MIN_PRECISION:
        failures.append(f"precision {scores['precision']:.4f} < {MIN_PRECISION}")
    if scores["recall_carried"] < MIN_RECALL:
        failures.append(f"recall {scores['recall_carried']:.4f} < {MIN_RECALL} (of the links the data carries)")
    # the probabilistic links' targets are reported apart (a warning check): a shortfall there leaves
    # duplicates apart or merges a few, it does not corrupt what shared identifiers established
    link_shortfalls = []
    if links and links["precision_links"] < MIN_PRECISION:
        link_shortfalls.append(f"precision of the pairs joined by links {links['precision_links']:.4f} < {MIN_PRECISION}")
    if planted and planted["recall_planted"] < MIN_RECALL_PLANTED:
        link_shortfalls.append(f"recall of planted duplicates {planted['recall_planted']:.4f} < {MIN_RECALL_PLANTED}")
    if households and households["household_false_merge_rate"] > MAX_HOUSEHOLD_FALSE_MERGE_RATE:
        link_shortfalls.append(f"households merged {households['household_false_merge_rate']:.4%} > "
                               f"{MAX_HOUSEHOLD_FALSE_MERGE_RATE:.1%}")
    return {
        **scores,
        **links,
        **planted,
        **households,
        "identifiers_scored": len(scored["node"]),
        "persons_scored": len(np.unique(scored["person_code"])),
        "anchoring_identifiers_blocked": int(scored["is_blocked"].sum()),
        "anchoring_identifiers_not_in_truth": int(not_in_truth),
        **profile,
        "thresholds": {"precision": MIN_PRECISION, "recall": MIN_RECALL, "recall_planted": MIN_RECALL_PLANTED,
                       "household_false_merge_rate": MAX_HOUSEHOLD_FALSE_MERGE_RATE},
        "passed": not failures,
        "failures": failures,
        "links_passed": not link_shortfalls,
        "link_shortfalls": link_shortfalls,
    }


def _has_table(con, schema: str, table: str) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables where table_schema = ? "
                            "and table_name = ?", [schema, table]).fetchall()[0][0])


def link_scores(con, schema: str = SCHEMA) -> dict:
    """Precision and recall of the pairs that links between person records joined (reads quality_truth)."""
    rows = con.execute(f"""
        select
            quality_truth.person_code,
            dense_rank() over (order by coalesce(quality_truth.customer_id, 'blocked:' || quality_truth.identifier_type
                                                 || ':' || quality_truth.identifier_value)) as cluster_code,
            dense_rank() over (order by coalesce(cast(linked.deterministic_cluster_node_id as varchar),
                                                 'blocked:' || quality_truth.identifier_type || ':'
                                                 || quality_truth.identifier_value)) as deterministic_code
        from quality_truth
        left join {schema}.int_identity__linked_clusters as linked
            on quality_truth.identifier_type = linked.identifier_type
            and quality_truth.identifier_value = linked.identifier_value
        where quality_truth.is_anchoring
    """).fetchnumpy()
    person, cluster, deterministic = (rows[k].astype(np.int64) for k in ("person_code", "cluster_code",
                                                                          "deterministic_code"))
    clustered = _pairs(_group_counts(cluster)) - _pairs(_group_counts(cluster, deterministic))
    correct = _pairs(_group_counts(cluster, person)) - _pairs(_group_counts(cluster, deterministic, person))
    apart = _pairs(_group_counts(person)) - _pairs(_group_counts(person, deterministic))
    return {"precision_links": _ratio(correct, clustered), "recall_links": _ratio(correct, apart),
            "pairs_joined_by_links": clustered, "correct_pairs_joined_by_links": correct}


def planted_scores(con, truth_dir: str | Path, schema: str = SCHEMA) -> dict:
    """Recall of the planted duplicates that share no identifier with their person's CRM records."""
    path = Path(truth_dir) / "planted_records.parquet"
    if not path.exists():
        return {}
    anchoring = ", ".join(f"'{t}'" for t in RECORD_ANCHORING_TYPES)
    total, found, records = con.execute(f"""
        with planted as (
            select distinct identifier_type, identifier_value, person_id from read_parquet('{path.as_posix()}')
        ),
        truth as (
            select identifier_type, identifier_value, min(person_id) as person_id
            from read_parquet('{(Path(truth_dir) / "identifiers.parquet").as_posix()}')
            where identifier_type in ({anchoring})
            group by all having min(person_id) = max(person_id)
        ),
        placed as (
            select truth.*, ids.customer_id
            from truth
            inner join {schema}.int_identity__identifiers as observed using (identifier_type, identifier_value)
            left join {schema}.int_identity__customer_ids as ids using (identifier_type, identifier_value)
        ),
        pairs as (
            select planted_record.customer_id is not null
                   and planted_record.customer_id = other.customer_id as is_together
            from planted
            inner join placed as planted_record using (identifier_type, identifier_value)
            inner join placed as other
                on other.person_id = planted_record.person_id
                and other.identifier_type = 'crm_customer_id'
                and (other.identifier_type, other.identifier_value)
                    <> (planted_record.identifier_type, planted_record.identifier_value)
        )
        select count(*), count(*) filter (where is_together), (select count(*) from planted)
        from pairs
    """).fetchall()[0]
    return {"recall_planted": _ratio(found, total), "planted_records": int(records), "planted_pairs": int(total)}


def household_scores(con, truth_dir: str | Path, schema: str = SCHEMA) -> dict:
    """Households (and twins) whose different members' records ended up in one customer."""
    persons = Path(truth_dir) / "persons.parquet"
    if not persons.exists():
        return {}
    columns = {r[0] for r in con.execute(f"describe select * from read_parquet('{persons.as_posix()}')").fetchall()}
    twin = "is_twin" if "is_twin" in columns else "false"
    anchoring = ", ".join(f"'{t}'" for t in RECORD_ANCHORING_TYPES)
    households, merged, twin_households, twins_merged = con.execute(f"""
        with persons as (
            select person_id, household_id, {twin} as is_twin from read_parquet('{persons.as_posix()}')
        ),
        shared as (
            select household_id from persons group by 1 having count(*) >= 2
        ),
        truth as (  -- anchoring identifiers of one person each (a shared landline is no one's record)
            select identifier_type, identifier_value, min(person_id) as person_id
            from read_parquet('{(Path(truth_dir) / "identifiers.parquet").as_posix()}')
            where identifier_type in ({anchoring})
            group by all having min(person_id) = max(person_id)
        ),
        customers as (
            select distinct truth.person_id, ids.customer_id
            from truth
            inner join {schema}.int_identity__customer_ids as ids using (identifier_type, identifier_value)
            where ids.is_known
        ),
        merged as (
            select persons.household_id, bool_or(persons.is_twin) as has_twins
            from customers
            inner join persons using (person_id)
            group by persons.household_id, customers.customer_id
            having count(distinct customers.person_id) >= 2
        )
        select
            (select count(*) from shared),
            (select count(distinct household_id) from merged),
            (select count(distinct household_id) from persons where is_twin),
            (select count(distinct household_id) from merged where has_twins)
    """).fetchall()[0]
    return {"household_false_merge_rate": _ratio(merged, households) if households else 0.0,
            "households_merged": int(merged), "households": int(households),
            "twin_households": int(twin_households), "twin_households_merged": int(twins_merged)}


def cluster_profile(con, schema: str = SCHEMA, largest: int = 5) -> dict:
    """What the identity checks report, computed once: cluster counts and size histograms, and the
    largest clusters with the identifiers that hold them together (hashed, never in plain)."""
    clusters = largest_clusters(con, limit=largest, schema=schema)
    return {**cluster_sizes(con, schema), "largest_clusters": clusters,
            "largest_cluster": clusters[0] if clusters else None}


def cluster_sizes(con, schema: str = SCHEMA) -> dict:
    """Clusters, customers (clusters that are more than a lone cookie or device) and size histograms."""
    rows = con.execute(f"""
        select count(*) as size, bool_or(is_known) as is_known
        from {schema}.int_identity__customer_ids
        group by customer_id
    """).fetchnumpy()
    sizes, known = rows["size"].astype(np.int64), rows["is_known"].astype(bool)
    return {
        "clusters": len(sizes),
        "customers": int(known.sum()),
        "cluster_size_histogram": size_histogram(sizes),
        "customer_size_histogram": size_histogram(sizes[known]),
        "max_cluster_size": int(sizes.max()) if len(sizes) else 0,
    }


def largest_clusters(con, limit: int = 5, schema: str = SCHEMA, shown: int = 20) -> list[dict]:
    """The biggest clusters, each with its identifiers per type and the most-linked ones first:
    a cluster glued together by a junk value shows that value at the top of `hubs`, as the first
    16 hex digits of its sha256 (docs/runbook.md#no_runaway_cluster finds the value in the warehouse):
    what the checks report ends up in Dagster's storage and logs, where no identifier may appear."""
    top = con.execute(f"""
        select customer_id, count(*) as size
        from {schema}.int_identity__customer_ids
        group by customer_id
        order by size desc, customer_id
        limit {int(limit)}
    """).fetchall()
    result = []
    for customer_id, size in top:
        members = f"(select identifier_type, identifier_value from {schema}.int_identity__customer_ids where customer_id = ?)"
        by_type = dict(con.execute(f"select identifier_type, count(*) from {members} group by 1 order by 2 desc",
                                   [customer_id]).fetchall())
        hubs = con.execute(f"""
            with members as {members},
            ends as (
                select identifier_a_type as identifier_type, identifier_a_value as identifier_value,
                       identifier_b_type as other_type, identifier_b_value as other_value
                from {schema}.int_identity__edges
                union all
                select identifier_b_type, identifier_b_value, identifier_a_type, identifier_a_value
                from {schema}.int_identity__edges
            )
            select ends.identifier_type, left(sha256(ends.identifier_value), 16), count(*) as links
            from ends
            semi join members on ends.identifier_type = members.identifier_type
                and ends.identifier_value = members.identifier_value
            semi join members as others on ends.other_type = others.identifier_type
                and ends.other_value = others.identifier_value
            group by 1, 2
            order by links desc, 1, 2
            limit {int(shown)}
        """, [customer_id]).fetchall()
        result.append({
            "customer_id": customer_id,
            "size": int(size),
            "identifiers_by_type": {t: int(n) for t, n in by_type.items()},
            "hubs": [{"identifier_type": t, "identifier_hash": h, "links": int(n)} for t, h, n in hubs],
        })
    return result


def max_cluster_size_check(con, max_size: int = MAX_CLUSTER_SIZE, schema: str = SCHEMA,
                           profile: dict | None = None) -> dict:
    """Truth-free guard for production: no cluster larger than max_size; names the offenders."""
    profile = profile or cluster_profile(con, schema)
    offenders = [c for c in profile["largest_clusters"] if c["size"] > max_size]
    return {
        "passed": not offenders,
        "max_size": max_size,
        "largest_size": profile["max_cluster_size"],
        "offenders": offenders,
    }
