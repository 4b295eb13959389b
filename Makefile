# customer360: every command a user, CI or the on-call needs. Each target sets itself up.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
RUN := $(UV) run --frozen
export DO_NOT_TRACK := 1

.PHONY: setup browser java run test ui automation-on automation-off docs dashboard dashboard-setup bench lint clean train-matcher

setup: .venv/.synced

# uv from PyPI through pip when missing; then the locked environment, bytecode compiled (GX imports 3x faster).
.venv/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

# Debian's Chromium for the Dagster UI test (playwright drives it; no browser download).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "installing Debian chromium for the UI test"; \
		sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$sudo apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Java 17 for Spark (C360_ENGINE=spark and the cross-engine test): Debian's headless JRE when no java 17+ is found.
java:
	@if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then \
		echo "installing Debian openjdk-17-jre-headless for Spark"; \
		sudo=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$sudo apt-get update -qq && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	fi

## make run: simulate the demo sources (if data/landing is empty), build and publish the warehouse.
## make run AS_OF=2025-02-15: every stage as of that date, into a warehouse and serving file of its own.
## The demo salt is used only for the simulated landing: own exports need PII_SALT (else exit code 2).
run: setup $(if $(filter spark,$(C360_ENGINE)),java)
	@C360_DEMO=$${C360_DEMO:-1} $(RUN) python -m orchestration.build $(if $(AS_OF),--as-of $(AS_OF))

## make test: every test, real dbt/Dagster/DuckDB/GX, plus the UI in headless Chromium, on two workers
## (tests sharing a built warehouse stay on one worker: tests/conftest.py).
PYTEST_WORKERS ?= 2
test: setup browser dashboard-setup java
	$(RUN) pytest -n $(PYTEST_WORKERS)

## make train-matcher: train the probabilistic matcher on the warehouse WAREHOUSE_PATH names (built by
## make run) and write the model to C360_MATCHER_MODEL (default: the demo model in the repository).
train-matcher: setup
	$(RUN) python -m customer360.identity.train

## make ui: Dagster webserver + daemon on 127.0.0.1:3000 over the build make run made last (its landing,
## warehouse, serving file and DAGSTER_HOME: data/last_build.json; variables set in the shell win).
ui: setup
	$(RUN) python -m orchestration.ui

## The daily_build schedule and the new_exports sensor ship off; these turn them on or off (make ui's
## daemon then acts on them).
automation-on: setup
	$(RUN) python -m orchestration.ui --automation on
automation-off: setup
	$(RUN) python -m orchestration.ui --automation off

## make docs: dbt docs for the project, served on 127.0.0.1:8080.
docs: setup
	$(RUN) dbt docs generate --profiles-dir . && $(RUN) dbt docs serve --profiles-dir . --host 127.0.0.1 --port 8080

## make dashboard: the dashboard (Streamlit pages in dashboard/) over the serving file make run published,
## read with DuckDB 1.x as BI tools read it, on http://127.0.0.1:8501 (DASHBOARD_PORT).
SERVING_PATH ?= $(CURDIR)/data/serving/customer360.duckdb
DASHBOARD_PORT ?= 8501
dashboard: dashboard-setup
	@test -f "$(SERVING_PATH)" || { echo "No serving file at $(SERVING_PATH): run make run first." >&2; exit 1; }
	cd dashboard && .venv/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $(DASHBOARD_PORT) \
		-- --serving "$(abspath $(SERVING_PATH))"

# the dashboard's own locked environment (dashboard/pyproject.toml, uv.lock): Streamlit and a DuckDB 1.x reader
dashboard-setup: dashboard/.venv/.synced
dashboard/.venv/.synced: dashboard/pyproject.toml dashboard/uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) sync --project dashboard --frozen --compile-bytecode
	@touch $@

## make bench: 100k and 1M persons, full and incremental builds; results in bench/results/.
bench: setup
	$(RUN) python -m bench

lint: setup
	$(RUN) ruff check customer360 orchestration simulator converters tests bench dashboard

clean:
	rm -rf data target logs .venv
