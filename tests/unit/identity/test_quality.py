"""Identity quality on small hand-made clusterings with a known truth."""

from __future__ import annotations

import hashlib

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from customer360.identity.quality import (
    identity_quality,
    largest_clusters,
    max_cluster_size_check,
    pairwise_scores,
    size_histogram,
)

# (type, value, customer_id or None when blocked)
CLUSTERED = [
    # K1: person 1 ... and person 4's CRM record, glued on by e1 (a false merge)
    ("crm_customer_id", "C1", "K1"), ("shop_account_id", "S1", "K1"), ("anonymous_id", "A1", "K1"),
    ("email", "e1", "K1"), ("crm_customer_id", "C4", "K1"),
    # person 2: CRM and shop records under two different emails, nothing links them
    ("crm_customer_id", "C2", "K2"), ("email", "e2", "K2"),
    ("shop_account_id", "S2", "K3"), ("email", "e2b", "K3"),
    # person 3: the data links CRM record and card, the clustering missed it
    ("crm_customer_id", "C3", "K4"), ("loyalty_card_number", "L3", "K5"),
]
BLOCKED = [("device_id", "D9"), ("email", "test@example.com"), ("phone", "+441130000001")]
EDGES = [
    ("crm_customer_id", "C1", "email", "e1"), ("shop_account_id", "S1", "email", "e1"),
    ("shop_account_id", "S1", "anonymous_id", "A1"), ("shop_account_id", "S1", "device_id", "D9"),
    ("crm_customer_id", "C4", "email", "e1"),
    ("crm_customer_id", "C2", "email", "e2"), ("shop_account_id", "S2", "email", "e2b"),
    ("crm_customer_id", "C3", "loyalty_card_number", "L3"),
    ("crm_customer_id", "C2", "phone", "+441130000001"), ("crm_customer_id", "C1", "phone", "+441130000001"),
]
TRUTH = [
    ("crm_customer_id", "C1", "P1"), ("shop_account_id", "S1", "P1"), ("anonymous_id", "A1", "P1"),
    ("email", "e1", "P1"), ("device_id", "D9", "P1"),
    ("crm_customer_id", "C2", "P2"), ("email", "e2", "P2"), ("shop_account_id", "S2", "P2"), ("email", "e2b", "P2"),
    ("crm_customer_id", "C3", "P3"), ("loyalty_card_number", "L3", "P3"),
    ("crm_customer_id", "C4", "P4"),
    # a household landline, listed once per member; junk values are absent
    ("phone", "+441130000001", "P1"), ("phone", "+441130000001", "P2"),
    # a person's identifier the data never showed
    ("anonymous_id", "A-unseen", "P1"),
]


@pytest.fixture
def warehouse(tmp_path):
    con = duckdb.connect()
    con.execute("create schema intermediate")
    con.execute("create table intermediate.int_identity__customer_ids "
                "(identifier_type varchar, identifier_value varchar, customer_id varchar, is_known boolean)")
    con.executemany("insert into intermediate.int_identity__customer_ids values (?, ?, ?, true)", CLUSTERED)
    con.execute("create table intermediate.int_identity__identifiers (identifier_type varchar, identifier_value varchar)")
    con.executemany("insert into intermediate.int_identity__identifiers values (?, ?)",
                    [(t, v) for t, v, _ in CLUSTERED] + BLOCKED)
    con.execute("create table intermediate.int_identity__edges (identifier_a_type varchar, identifier_a_value varchar, "
                "identifier_b_type varchar, identifier_b_value varchar)")
    con.executemany("insert into intermediate.int_identity__edges values (?, ?, ?, ?)", EDGES)
    truth = tmp_path / "truth"
    truth.mkdir()
    pq.write_table(pa.table({k: [row[i] for row in TRUTH] for i, k in
                             enumerate(["identifier_type", "identifier_value", "person_id"])}),
                   truth / "identifiers.parquet")
    yield con, truth
    con.close()


def test_precision_counts_false_merges_pairwise(warehouse):
    result = identity_quality(*warehouse)
    # anchoring identifiers in K1: C1, S1, A1 of P1 and C4 of P4: 6 pairs, 3 right
    assert result["pairs"]["clustered"] == 6 and result["pairs"]["correct"] == 3
    assert result["precision"] == pytest.approx(0.5)
    assert not result["passed"] and result["failures"][0].startswith("precision 0.5000")


def test_recall_against_full_truth_and_against_links_the_data_carries(warehouse):
    result = identity_quality(*warehouse)
    # full truth: P1 has C1, S1, A1, D9 (6 pairs), P2 C2-S2 (1), P3 C3-L3 (1)
    assert result["pairs"]["true_full"] == 8
    assert result["recall_full"] == pytest.approx(3 / 8)
    # carried: P2's records share nothing, so C2-S2 is no link the data carries; the household landline
    # (two persons in truth) carries nothing either; P3's C3-L3 is carried and missed
    assert result["pairs"]["true_carried"] == 7
    assert result["recall_carried"] == pytest.approx(3 / 7)


def test_blocked_and_unseen_identifiers(warehouse):
    result = identity_quality(*warehouse)
    assert result["identifiers_scored"] == 9  # A-unseen never observed; D9 blocked but scored alone
    assert result["anchoring_identifiers_blocked"] == 1
    assert result["persons_scored"] == 4


def test_cluster_counts_sizes_and_the_largest_cluster(warehouse):
    result = identity_quality(*warehouse)
    assert result["clusters"] == 5 and result["customers"] == 5
    assert result["cluster_size_histogram"]["1"] == 2 and result["cluster_size_histogram"]["2"] == 2
    assert result["cluster_size_histogram"]["3-5"] == 1
    largest = result["largest_cluster"]
    assert (largest["customer_id"], largest["size"]) == ("K1", 5)
    assert largest["identifiers_by_type"] == {"crm_customer_id": 2, "shop_account_id": 1, "anonymous_id": 1, "email": 1}
    # the email holding C1, S1 and C4 together is named first
    # named by a hash: the check's metadata lands in Dagster's storage, where no identifier may appear
    e1 = hashlib.sha256(b"e1").hexdigest()[:16]
    assert largest["hubs"][0] == {"identifier_type": "email", "identifier_hash": e1, "links": 3}
    assert all(set(hub) == {"identifier_type", "identifier_hash", "links"}
               for cluster in result["largest_clusters"] for hub in cluster["hubs"])


def test_largest_clusters_and_the_size_guard(warehouse):
    con, _ = warehouse
    assert [c["customer_id"] for c in largest_clusters(con, limit=2)] == ["K1", "K2"]
    check = max_cluster_size_check(con, max_size=4)
    assert not check["passed"] and [o["customer_id"] for o in check["offenders"]] == ["K1"]
    assert max_cluster_size_check(con, max_size=5)["passed"]


def test_pairwise_scores_perfect_and_empty():
    cluster = np.array([1, 1, 2, 3, 3, 3])
    assert pairwise_scores(cluster, cluster, cluster)["precision"] == 1.0
    assert pairwise_scores(cluster, cluster, cluster)["recall_carried"] == 1.0
    empty = pairwise_scores(np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert empty["precision"] == 1.0 and empty["recall_full"] == 1.0


def test_size_histogram_buckets():
    histogram = size_histogram(np.array([1, 1, 2, 4, 7, 15, 30, 80, 500, 5000]))
    assert histogram == {"1": 2, "2": 1, "3-5": 1, "6-10": 1, "11-20": 1, "21-50": 1, "51-100": 1,
                         "101-1000": 1, ">1000": 1}
