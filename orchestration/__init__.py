"""The customer360 Dagster code location: only Dagster definitions, one module per stage.

    ingest.py      export files -> raw, with the landing checks
    matching.py    the trained probabilistic matcher, loaded before dbt
    transform.py   the dbt project (one `dbt build`)
    clv.py         the CLV fit after dbt, its own terminal marts
    checks.py      checks of the built warehouse: mart suites, identity quality, incremental batches
    publish.py     write-audit-publish of the serving file
    operations.py  the job, the schedule, the sensors and alerts
    definitions.py wiring;  resources.py  the settings and dbt as resources;  build.py  `make run`
"""
