"""Bring your own CRM: typo'd duplicates that share no identifier end up one customer through the real
build (LANDING_DIR, the committed matcher model); twins and household members stay apart."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import Pipeline

HEADER = ["crm_customer_id", "first_name", "last_name", "email", "phone", "birth_date", "street", "postcode",
          "city", "country", "created_at", "updated_at"]
PEOPLE = [  # first name, last name, birth date, street, postcode
    ("Siobhan", "Fitzgerald", "1981-04-12", "14 Harbour View", "D02 XY45"),
    ("Bartholomew", "Okonkwo", "1975-09-30", "3 Mill Lane", "YO1 7HH"),
    ("Margarethe", "Vandenberg", "1990-01-17", "88 Canal Street", "1015 AB"),
    ("Ignatius", "Worthington", "1966-11-02", "2 Rectory Close", "OX2 6JP"),
    ("Philippa", "Abernathy", "1988-06-21", "41 Station Road", "LS6 2AB"),
    ("Robert", "Kowalczyk", "1972-03-08", "9 Elm Grove", "M14 5TQ"),
    ("Elizabeth", "Montgomery", "1959-12-24", "17 Queens Park", "BN1 3XE"),
    ("Anastasia", "Petrakis", "1993-08-05", "6 Orchard Way", "CB4 1DN"),
    ("Cornelius", "Blackwood", "1984-02-29", "120 High Street", "EH1 1YZ"),
    ("Genevieve", "Castellano", "1979-07-14", "5 Bridge Street", "BS1 4DJ"),
]
DUPLICATES = [  # a second record of PEOPLE[i] with no email or phone: what differs
    (0, {"first_name": "Siobahn"}),  # two letters swapped
    (1, {"last_name": "Okonkow", "birth_date": ""}),  # a typo and no birth date
    (2, {"street": "7 Prinsengracht", "postcode": "1016 GV"}),  # moved
    (5, {"first_name": "Bob"}),  # a nickname
    (6, {"first_name": "Liz", "street": "", "postcode": ""}),  # a nickname, no address
    (9, {"last_name": "Castelano"}),  # a dropped letter
]
TWINS = [("Rosalind", "Hathersage", "1995-05-05", "8 Chapel Row", "SK17 6AB"),
         ("Roderick", "Hathersage", "1995-05-05", "8 Chapel Row", "SK17 6AB")]
HOUSEHOLD = [("Theodora", "Lindqvist", "1962-10-10", "30 Park Terrace", "NE1 4ST"),
             ("Magnus", "Lindqvist", "1960-02-14", "30 Park Terrace", "NE1 4ST")]


def _row(crm_id: str, person: tuple, email: str, phone: str, **changes) -> dict:
    first, last, birth, street, postcode = person
    row = {"crm_customer_id": crm_id, "first_name": first, "last_name": last, "email": email, "phone": phone,
           "birth_date": birth, "street": street, "postcode": postcode, "city": "", "country": "GB",
           "created_at": "2025-02-01T10:00:00Z", "updated_at": "2025-02-01T10:00:00Z"}
    return {**row, **changes}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pipeline = Pipeline(tmp_path_factory.mktemp("byo_matching"), pii_salt="own-exports-test-salt")
    rows = [_row(f"P{i}", person, f"person{i}@mail.example", f"+4477009000{i:02d}")
            for i, person in enumerate(PEOPLE)]
    rows += [_row(f"D{i}", PEOPLE[i], "", "", **changes) for i, changes in DUPLICATES]
    rows += [_row(f"T{i}", person, f"twin{i}@mail.example", "") for i, person in enumerate(TWINS)]
    rows += [_row(f"H{i}", person, f"home{i}@mail.example", "") for i, person in enumerate(HOUSEHOLD)]
    path = pipeline.landing / "crm" / "customers" / "2025-03-01.csv"
    path.parent.mkdir(parents=True)
    with open(path, "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    result = pipeline.build("2025-03-01", "2025-03-01")
    assert result.success
    return pipeline, result


def customer_of(pipeline: Pipeline, crm_id: str) -> str:
    (customer,) = pipeline.query("select customer_id from marts.bdg_customer_identifiers "
                                 "where identifier_type = 'crm_customer_id' and identifier_value = ?", [crm_id])[0]
    return customer


def test_duplicates_that_share_no_identifier_become_one_customer(built):
    pipeline, _ = built
    for i, _ in DUPLICATES:
        assert customer_of(pipeline, f"D{i}") == customer_of(pipeline, f"P{i}"), PEOPLE[i]
    customers = pipeline.query("select count(*) from marts.dim_customers")[0][0]
    assert customers == len(PEOPLE) + len(TWINS) + len(HOUSEHOLD)


def test_twins_and_household_members_stay_apart(built):
    pipeline, _ = built
    assert customer_of(pipeline, "T0") != customer_of(pipeline, "T1")
    assert customer_of(pipeline, "H0") != customer_of(pipeline, "H1")
    stopped = {row[0] for row in pipeline.query("""
        select decision from intermediate.int_identity__match_decisions
        where record_id_a in ('crm_customer_id:T0', 'crm_customer_id:T1', 'crm_customer_id:H0', 'crm_customer_id:H1')""")}
    assert stopped <= {"first_name_conflict", "birth_date_conflict"}


def test_the_run_reports_its_links_and_shows_the_model(built):
    _pipeline, result = built
    links = [e.asset_check_evaluation_data for e in result.all_events
             if e.event_type_value == "ASSET_CHECK_EVALUATION" and e.asset_check_evaluation_data.check_name == "match_links"]
    assert links and links[0].metadata["links"].value >= len(DUPLICATES)
    assert links[0].metadata["customers_joined_by_links"].value == len(DUPLICATES)
    model = next(e.event_specific_data.materialization for e in result.all_events
             if e.event_type_value == "ASSET_MATERIALIZATION"
             and e.event_specific_data.materialization.asset_key.to_user_string() == "matcher/model")
    assert "data:image/png;base64," in model.metadata["match_weights"].value
