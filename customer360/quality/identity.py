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

Publishing is blocked below MIN_PRECISION or MIN_RECALL (on recall_carried).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

RECORD_ANCHORING_TYPES = ("crm_customer_id", "shop_account_id", "loyalty_card_number", "device_id", "anonymous_id")
MIN_PRECISION = 0.995
MIN_RECALL = 0.98
MAX_CLUSTER_SIZE = 200  # identifiers; a real person has a few dozen at most (cookies included)
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
    return {
        **scores,
        "identifiers_scored": len(scored["node"]),
        "persons_scored": len(np.unique(scored["person_code"])),
        "anchoring_identifiers_blocked": int(scored["is_blocked"].sum()),
        "anchoring_identifiers_not_in_truth": int(not_in_truth),
        **profile,
        "thresholds": {"precision": MIN_PRECISION, "recall": MIN_RECALL},
        "passed": not failures,
        "failures": failures,
    }


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
