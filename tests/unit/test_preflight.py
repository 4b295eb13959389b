"""Configuration checks before ingest (issue 20, point 2): each problem is one line; the demo goes only
into the default landing folder or where it was asked for."""

from __future__ import annotations

from customer360.preflight import (
    CHECKS,
    landing_has_exports,
    preflight,
    serving_folder_writable,
    simulate_demo_into,
)
from customer360.settings import DEFAULT_LANDING_DIR, Settings


def settings_for(tmp_path, **env) -> Settings:
    return Settings.from_environment({"LANDING_DIR": str(tmp_path / "landing"),
                                      "WAREHOUSE_PATH": str(tmp_path / "w" / "warehouse.duckdb"),
                                      "SERVING_PATH": str(tmp_path / "serving" / "customer360.duckdb"), **env})


def export(tmp_path, rel="shop/orders/2025-03-01.csv"):
    path = tmp_path / "landing" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("order_id\n")


def test_a_good_configuration_has_no_problem(tmp_path):
    export(tmp_path)
    assert preflight(settings_for(tmp_path, PII_SALT="s3cret")) == []
    assert (tmp_path / "serving").is_dir()  # created, and a file could be written there


def test_each_problem_is_one_line_naming_the_setting(tmp_path):
    settings = settings_for(tmp_path)
    (missing,) = landing_has_exports(settings)
    assert missing.startswith(f"LANDING_DIR={tmp_path / 'landing'} does not exist") and "\n" not in missing
    export(tmp_path, "notes/readme.txt")
    (empty,) = landing_has_exports(settings)
    assert "holds no recognised export file" in empty and "1 other file(s)" in empty
    (tmp_path / "taken").write_text("a file, not a folder")
    blocked = settings_for(tmp_path, SERVING_PATH=str(tmp_path / "taken" / "customer360.duckdb"))
    (problem,) = serving_folder_writable(blocked)
    assert problem.startswith(f"SERVING_PATH={tmp_path / 'taken' / 'customer360.duckdb'}: its folder cannot be created")


def test_own_exports_without_a_salt_stop_before_ingest(tmp_path):
    export(tmp_path)
    (problem,) = preflight(settings_for(tmp_path, C360_DEMO="1"))  # the Makefile's demo flag is no salt
    assert "PII_SALT is not set" in problem


def test_a_further_rule_is_one_more_function():
    def no_spaces(settings):
        return ["LANDING_DIR has a space"] if " " in str(settings.landing_dir) else []

    settings = Settings.from_environment({"LANDING_DIR": "/non existent", "PII_SALT": "s3cret"})
    assert preflight(settings, [*CHECKS, no_spaces])[-1] == "LANDING_DIR has a space"


def test_the_demo_is_simulated_into_the_default_folder_or_on_request_only(tmp_path):
    elsewhere = settings_for(tmp_path)
    assert not simulate_demo_into(elsewhere)  # a typo never becomes a demo
    assert simulate_demo_into(elsewhere, asked=True)
    assert not simulate_demo_into(elsewhere, asked=True, refused=True)
    default = Settings.from_environment({})
    assert default.landing_dir == DEFAULT_LANDING_DIR and default.landing_is_default
    export(tmp_path)
    assert not simulate_demo_into(elsewhere, asked=True)  # never over existing exports
