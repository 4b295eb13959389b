"""A consent or erasure request lost to the quarantine blocks publish (issue 20, point 4): what the check
privacy_input_complete counts."""

from __future__ import annotations

from landing_helpers import load, write

from customer360.landing.contract import BY_TABLE
from customer360.landing.quarantine import privacy_input_problems

DAY = "2025-03-01"


def test_a_partly_quarantined_consent_file_is_a_problem_a_resent_row_is_not(con, landing):
    write(landing, f"crm/consents/{DAY}.csv", """
        crm_customer_id,purpose,channel,granted,recorded_at
        C1,marketing,email,true,2025-02-01T09:00:00Z
        C1,marketing,email,true,2025-02-01T09:00:00Z
        C2,marketing,pigeon,true,2025-02-01T09:00:00Z
        C3,marketing,sms,false,2025-02-01T09:00:00Z
    """)
    result = load(con, landing, "crm__consents", DAY)
    assert (result.rows_loaded, result.rows_quarantined) == (2, 2)
    assert privacy_input_problems(con, BY_TABLE["crm__consents"]) == [
        (DAY, f"crm/consents/{DAY}.csv", 3, "unknown_value:channel")]  # the duplicate of line 1 lost nothing


def test_an_erasure_file_the_loader_rejects_is_a_problem(con, landing):
    write(landing, f"crm/erasure_requests/{DAY}.csv", "crm_customer_id;email;requested_at\nC7;;2025-03-01T09:00:00Z\n")
    result = load(con, landing, "crm__erasure_requests", DAY)
    assert [r.reason for r in result.rejected_files] == ["file_missing_column:requested_at"]
    assert privacy_input_problems(con, BY_TABLE["crm__erasure_requests"]) == [
        (DAY, f"crm/erasure_requests/{DAY}.csv", None, "file_missing_column:requested_at")]
    assert privacy_input_problems(con, BY_TABLE["crm__consents"]) == []
