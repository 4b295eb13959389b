"""Identity resolution end to end: real dbt on a small hand-made warehouse (see scenario.py)."""

from __future__ import annotations

import hashlib

LANDLINE = "+441134960001"


def customer_id_of(identifier_type: str, value: str) -> str:
    """The id a cluster gets from its senior member (macro identity_customer_id)."""
    return "c_" + hashlib.md5(f"{identifier_type}:{value}".encode()).hexdigest()[:16]


def test_records_of_one_person_share_one_customer(identity_runs):
    bridge = identity_runs.first.bridge
    ann = bridge[("crm_customer_id", "C1")]
    assert {bridge[k] for k in [("shop_account_id", "S1"), ("email", "ann@x.io"), ("anonymous_id", "A1"),
                                ("loyalty_card_number", "LC0001")]} == {ann}
    assert ann == customer_id_of("crm_customer_id", "C1")  # the oldest identifier names the customer


def test_a_household_landline_does_not_merge_its_household(identity_runs):
    first = identity_runs.first
    assert first.bridge[("crm_customer_id", "C1")] != first.bridge[("crm_customer_id", "C2")]
    assert first.blocked[("phone", LANDLINE)]["block_rule"] == "household"
    assert ("phone", LANDLINE) not in first.bridge
    # still each member's phone on their golden record
    assert first.customer_of("crm_customer_id", "C1")["phone"] == LANDLINE
    assert first.customer_of("crm_customer_id", "C2")["phone"] == LANDLINE


def test_a_test_address_does_not_merge_strangers(identity_runs):
    first = identity_runs.first
    cy, di = first.bridge[("crm_customer_id", "C3")], first.bridge[("crm_customer_id", "C4")]
    assert cy != di
    assert first.blocked[("email", "test@example.com")]["reason"] == "blocklist: test address"
    assert first.customers[cy]["email"] is None  # junk is nobody's email
    assert first.order_customers["O2"] is None  # a guest order under test@example.com belongs to no one


def test_store_default_cards_and_lone_cookies_are_no_customers(identity_runs):
    first = identity_runs.first
    assert first.blocked[("loyalty_card_number", "STOREDEFAULT01")]["block_rule"] == "blocklist"
    assert ("anonymous_id", "A9") in first.ids and ("anonymous_id", "A9") not in first.bridge
    assert len(first.customers) == len(set(first.bridge.values()))


def test_golden_record_takes_each_attribute_from_the_best_source(identity_runs):
    ann = identity_runs.first.customer_of("crm_customer_id", "C1")
    assert (ann["first_name"], ann["first_name_source"]) == ("Ann", "crm")  # CRM beats the shop's "Annie"
    assert (ann["email"], ann["email_source"]) == ("ann@x.io", "crm")
    assert (ann["street"], ann["postcode"], ann["city"], ann["address_source"]) == ("1 High St", "LS1 1AA", "Leeds", "crm")
    assert (ann["home_store_id"], ann["home_store_city"]) == ("ST1", "Leeds")  # 2 receipts in Leeds, 1 in York
    assert ann["sources"] == "crm,loyalty,shop,pos,web"
    assert (ann["crm_customer_id_count"], ann["shop_account_id_count"], ann["anonymous_id_count"]) == (1, 1, 1)
    assert ann["first_seen_at"].isoformat() == "2020-01-01T09:00:00"


def test_consent_is_the_latest_event_as_of_the_date(identity_runs):
    ann = identity_runs.first.customer_of("crm_customer_id", "C1")
    assert ann["consent_marketing_email"] is False  # granted, then withdrawn
    assert ann["consent_marketing_sms"] is True
    assert ann["consent_marketing_push"] is False  # granted only after as_of_date
    bob = identity_runs.first.customer_of("crm_customer_id", "C2")
    assert not any(value for key, value in bob.items() if key.startswith("consent_"))


def test_an_erased_person_is_absent_from_every_mart(identity_runs):
    first = identity_runs.first
    fay = first.ids[("crm_customer_id", "C6")]
    assert [e["customer_id"] for e in first.erasures] == [fay]
    assert fay not in first.customers
    assert not {k for k, c in first.bridge.items() if c == fay}
    assert first.erased_identifiers == {("crm_customer_id", "C6"), ("email", "fay@x.io"), ("shop_account_id", "S6")}


def test_a_rerun_without_new_data_changes_no_id_and_logs_nothing(identity_runs):
    assert identity_runs.rerun.ids == identity_runs.first.ids
    assert identity_runs.rerun.changes == []


def test_new_data_linking_two_customers_merges_them_under_the_older_id(identity_runs):
    first, after = identity_runs.first, identity_runs.after_new_data
    crm_eve, shop_eve = customer_id_of("crm_customer_id", "C5"), customer_id_of("shop_account_id", "S5")
    assert first.bridge[("crm_customer_id", "C5")] == crm_eve
    assert first.bridge[("shop_account_id", "S5")] == shop_eve
    # the card carries both: one customer now, the CRM customer (2019) older than the account (2023)
    assert after.bridge[("shop_account_id", "S5")] == after.bridge[("crm_customer_id", "C5")] == crm_eve
    assert shop_eve not in after.customers
    merges = [c for c in after.changes if c["change_kind"] == "merge"]
    assert [(c["old_customer_id"], c["new_customer_id"], c["identifiers_moved"]) for c in merges] == [
        (shop_eve, crm_eve, 2)]  # the account and its email


def test_facts_from_before_a_merge_follow_the_surviving_id(identity_runs):
    assert identity_runs.first.order_customers["O5"] == customer_id_of("shop_account_id", "S5")
    assert identity_runs.after_new_data.order_customers["O5"] == customer_id_of("crm_customer_id", "C5")


def test_a_newly_shared_address_splits_its_cluster_and_the_oldest_part_keeps_the_id(identity_runs):
    first, after = identity_runs.first, identity_runs.after_new_data
    hal = customer_id_of("crm_customer_id", "C7")
    assert first.bridge[("shop_account_id", "S7")] == first.bridge[("crm_customer_id", "C7")] == hal
    assert after.blocked[("email", "office@corp.co")]["block_rule"] == "shared"
    assert after.blocked[("email", "office@corp.co")]["anchors_linked"] == 7
    assert after.bridge[("crm_customer_id", "C7")] == hal
    split_off = after.bridge[("shop_account_id", "S7")]
    assert split_off == customer_id_of("shop_account_id", "S7")
    splits = [c for c in after.changes if c["change_kind"] == "split"]
    assert [(c["old_customer_id"], c["new_customer_id"], c["identifiers_moved"]) for c in splits] == [(hal, split_off, 1)]


def test_the_change_log_is_append_only_across_runs(identity_runs):
    after = identity_runs.after_new_data
    assert len(after.changes) == 2
    assert len({c["changed_at"] for c in after.changes}) == 1
    # unchanged customers kept their ids through all three runs
    for key in [("crm_customer_id", "C1"), ("crm_customer_id", "C2"), ("crm_customer_id", "C3")]:
        assert identity_runs.first.bridge[key] == after.bridge[key]
