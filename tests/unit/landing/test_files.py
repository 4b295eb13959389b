"""Which export files a partition covers, and what is reported instead of silently skipped."""

from __future__ import annotations

import pytest

from customer360.landing.files import (
    NOT_LOADED_REASONS,
    classify_paths,
    dates_between,
    discover,
    earliest_export_date,
    earliest_export_date_in,
    not_loaded,
    parse_export_path,
    scan_landing,
)


@pytest.mark.parametrize(
    ("relpath", "expected"),
    [
        ("shop/orders/2025-03-01.csv", ("shop", "orders", "2025-03-01")),
        ("shop/orders/2025-03-01_part2.csv.gz", ("shop", "orders", "2025-03-01")),
        ("web/events/2025-03-01T0600.parquet", ("web", "events", "2025-03-01")),
        ("web/events/2025-03-01.CSV", ("web", "events", "2025-03-01")),
    ],
)
def test_export_paths_give_source_entity_and_day(relpath, expected):
    f = parse_export_path(relpath, "/landing")
    assert (f.source, f.entity, f.export_date) == expected
    assert f.relpath == relpath
    assert f.path == f"/landing/{relpath}"


@pytest.mark.parametrize(
    "relpath",
    [
        "shop/orders/2025-02-30.csv",  # no such day
        "shop/orders/orders_2025-03-01.csv",  # date not first
        "shop/orders/2025-03-01.json",  # not an export format
        "shop/2025-03-01.csv",  # entity folder missing
        "shop/orders/extra/2025-03-01.csv",  # one folder too deep
        "shop/orders/2025-03-01.csv.tmp",  # upload in progress
    ],
)
def test_other_paths_are_not_exports(relpath):
    assert parse_export_path(relpath) is None


def test_classify_separates_known_unknown_and_unrecognised():
    d = classify_paths(
        [
            "shop/orders/2025-03-02.csv",
            "shop/orders/2025-03-01.csv",
            "shop/orders/2025-03-01_b.parquet",
            "crm/customers/2025-03-01.csv.gz",
            "shop/returns/2025-03-01.csv",  # entity not in the contract
            "erp/invoices/2025-03-01.csv",  # source not in the contract
            "shop/orders/README.txt",
            "shop/orders/.2025-03-01.csv.swp",  # hidden: never loaded, listed
            "shop/orders/_SUCCESS",  # marker: never loaded, listed
        ]
    )
    assert [f.relpath for f in d.files] == [
        "crm/customers/2025-03-01.csv.gz",
        "shop/orders/2025-03-01.csv",
        "shop/orders/2025-03-01_b.parquet",
        "shop/orders/2025-03-02.csv",
    ]
    assert [(u.file.relpath, u.reason) for u in d.unknown] == [
        ("erp/invoices/2025-03-01.csv", "unknown_source"),
        ("shop/returns/2025-03-01.csv", "unknown_entity"),
    ]
    assert d.unrecognised == ("shop/orders/README.txt",)
    assert d.hidden == ("shop/orders/.2025-03-01.csv.swp", "shop/orders/_SUCCESS")
    assert d.export_dates == ["2025-03-01", "2025-03-02"]
    assert {t: sorted(days) for t, days in d.by_table().items()} == {
        "crm__customers": ["2025-03-01"],
        "shop__orders": ["2025-03-01", "2025-03-02"],
    }
    assert [f.relpath for f in d.for_table("shop__orders", "2025-03-01")] == [
        "shop/orders/2025-03-01.csv",
        "shop/orders/2025-03-01_b.parquet",
    ]


def test_a_partition_range_covers_exactly_its_days():
    paths = [f"web/events/2025-03-{d:02d}.csv" for d in range(1, 8)] + ["erp/x/2025-03-09.csv"]
    d = classify_paths(paths, export_dates=dates_between("2025-03-03", "2025-03-05"))
    assert [f.export_date for f in d.files] == ["2025-03-03", "2025-03-04", "2025-03-05"]
    assert d.unknown == ()  # the unknown export is of another day
    assert classify_paths(paths, export_dates=["2025-03-09"]).unknown[0].reason == "unknown_source"


def test_dates_between_is_inclusive_and_crosses_months():
    assert dates_between("2025-02-27", "2025-03-01") == ["2025-02-27", "2025-02-28", "2025-03-01"]
    assert dates_between("2025-03-01", "2025-03-01") == ["2025-03-01"]


def test_earliest_export_date_counts_unknown_sources_too():
    assert earliest_export_date(["shop/orders/2025-03-02.csv", "erp/invoices/2025-02-01.csv", "notes.txt"]) == (
        "2025-02-01"
    )
    assert earliest_export_date(["notes.txt"]) is None


def test_scan_and_discover_a_real_folder(tmp_path):
    for rel in ["shop/orders/2025-03-01.csv", "web/events/2025-02-28.parquet", "shop/orders/.hidden/2025-01-01.csv",
                "x/y/z/w/2025-01-01.csv", "top.csv"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert "shop/orders/.hidden/2025-01-01.csv" not in scan_landing(tmp_path)
    assert "shop/orders/.hidden/" in scan_landing(tmp_path)  # listed once, not entered
    d = discover(tmp_path)
    assert [f.relpath for f in d.files] == ["shop/orders/2025-03-01.csv", "web/events/2025-02-28.parquet"]
    assert d.files[0].path == str(tmp_path / "shop/orders/2025-03-01.csv")
    assert set(d.unrecognised) == {"top.csv", "x/y/z/w/2025-01-01.csv"}
    assert earliest_export_date_in(tmp_path) == "2025-02-28"


def test_a_missing_landing_folder_has_nothing(tmp_path):
    assert scan_landing(tmp_path / "nope") == []
    assert discover(tmp_path / "nope").files == ()
    assert earliest_export_date_in(tmp_path / "nope") is None


def test_nothing_under_the_landing_folder_vanishes(tmp_path):
    """Every path is loaded or listed with a reason (issue 20, point 6): the probe lost a real day's
    orders named orders_<date>.csv, .txt files, _-prefixed files and a folder named like a file."""
    for rel in ["shop/orders/2025-03-01.csv",  # loaded
                "shop/orders/orders_2025-03-02.csv", "shop/orders/2025-03-03.txt", "shop/orders/_2025-03-04.csv",
                "shop/orders/2025-03-05.csv/part-0.csv", "shop/orders/.2025-03-06.csv.part",
                "shop/2025-03-07.csv", "README", "a/b/c/d/e/f/g/2025-03-08.csv", "erp/invoices/2025-03-09.csv",
                "shop/refunds/2025-03-10.csv", "shop/orders/2025-02-30.csv", ".git/config"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = discover(tmp_path)
    listed = {path: reason for path, reason, _ in not_loaded(found)}
    assert listed == {
        "shop/orders/orders_2025-03-02.csv": "not_an_export_name",
        "shop/orders/2025-03-03.txt": "not_an_export_suffix",
        "shop/orders/_2025-03-04.csv": "hidden",
        "shop/orders/2025-03-05.csv/part-0.csv": "wrong_depth",
        "shop/orders/.2025-03-06.csv.part": "hidden",
        "shop/2025-03-07.csv": "wrong_depth",
        "README": "wrong_depth",
        "a/b/c/d/e/f/g/2025-03-08.csv": "wrong_depth",
        "erp/invoices/2025-03-09.csv": "unknown_source",
        "shop/refunds/2025-03-10.csv": "unknown_entity",
        "shop/orders/2025-02-30.csv": "not_an_export_name",
        ".git/": "hidden",
    }
    every_file = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    covered = {f.relpath for f in found.files} | set(listed)
    assert {f for f in every_file if not any(f.startswith(h) for h in covered if h.endswith("/"))} <= covered
    assert set(NOT_LOADED_REASONS) >= set(listed.values())
