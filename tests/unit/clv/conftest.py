from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cdnow"

CDNOW_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
CDNOW_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="session")
def cdnow_summary() -> pd.DataFrame:
    """The 2,357 CDNOW customers' calibration summary (x, t_x, T in weeks, zbar in USD)."""
    return pd.read_csv(FIXTURES / "cdnow_customers_summary_with_transactions.csv")


@pytest.fixture(scope="session")
def cdnow_transactions() -> pd.DataFrame:
    """CDNOW raw purchases as (customer_id, ordered_at, amount), 1997-01-01 .. 1998-06-30."""
    raw = pd.read_csv(
        FIXTURES / "CDNOW_sample.txt", sep=r"\s+", header=None,
        names=["customer_id", "master_id", "date", "quantity", "amount"], dtype={"customer_id": str, "date": str},
    )
    raw["ordered_at"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw[["customer_id", "ordered_at", "amount"]]
