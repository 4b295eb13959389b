"""dbt unit tests must be given every input, seeds included: the RFM unit tests read a copy of the seed
(data-tests/fixtures/rfm_segments_fixture.csv). It must stay the seed, or the tests would pass against
a mapping nobody uses."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]


def test_rfm_unit_test_fixture_is_the_seed():
    seed = (PROJECT / "seeds" / "rfm_segments.csv").read_text()
    fixture = (PROJECT / "data-tests" / "fixtures" / "rfm_segments_fixture.csv").read_text()
    assert fixture == seed
