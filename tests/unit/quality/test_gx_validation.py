"""The GX machinery shared by the landing and mart suites."""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd

from customer360.quality.gx_validation import BLOCKING, SuiteValidator, expectation_meta


def test_a_batch_is_validated_without_hashing_every_row():
    """GX would fingerprint each batch by hashing all its rows, for a marker nothing reads: half the
    time of the biggest mart suite at 1M persons (bench/results/tuning.md)."""
    validator = SuiteValidator(None, site_name="test", source_name="test")
    suite = gx.ExpectationSuite(name="fingerprint", expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="a", meta=expectation_meta(BLOCKING, "test"))])
    checkpoint = validator.prepare(suite, "frame")

    _, result = validator.run(checkpoint, pd.DataFrame({"a": [1, None]}), "test")

    assert not result.success  # still validated
    assert "ge_load_time" in result.meta["batch_markers"]
    assert "pandas_data_fingerprint" not in result.meta["batch_markers"]
