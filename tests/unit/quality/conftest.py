import pytest


@pytest.fixture(scope="session")
def validator(tmp_path_factory):
    """One GX context for the session (importing GX costs ~5 s)."""
    from customer360.quality.landing_suites import LandingValidator

    return LandingValidator(docs_dir=tmp_path_factory.mktemp("docs"))
