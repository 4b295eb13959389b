"""Draw customers from the BG/NBD + Gamma-Gamma generative story (for parameter-recovery tests and the
benchmark). Not used by the pipeline."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd


def simulate_transactions(
    customers: int,
    bgnbd: dict[str, float],
    gamma_gamma: dict[str, float],
    start: dt.date,
    acquisition_days: int,
    end: dt.date,
    seed: int = 0,
) -> pd.DataFrame:
    """Purchases (customer_id, ordered_at, amount) of `customers` people acquired uniformly over the first
    acquisition_days after start and observed until end. Each buys at a Poisson rate lambda ~
    Gamma(r, alpha) per week and, after each repeat purchase, drops out with probability p ~ Beta(a, b);
    each purchase's amount ~ Gamma(p, nu), nu ~ Gamma(q, v). One purchase a day at most (later ones on the
    same day are dropped, as the pipeline would merge them)."""
    rng = np.random.default_rng(seed)
    lam = rng.gamma(bgnbd["r"], 1.0 / bgnbd["alpha"], customers)
    drop = rng.beta(bgnbd["a"], bgnbd["b"], customers)
    nu = rng.gamma(gamma_gamma["q"], 1.0 / gamma_gamma["v"], customers)
    birth_day = rng.integers(0, acquisition_days, customers)
    horizon_weeks = ((end - start).days - birth_day) / 7.0

    ids, times = [np.arange(customers)], [np.zeros(customers)]
    active = np.arange(customers)
    t = np.zeros(customers)
    while active.size:
        t[active] += rng.exponential(1.0, active.size) / np.maximum(lam[active], 1e-12)
        active = active[t[active] <= horizon_weeks[active]]
        ids.append(active)
        times.append(t[active].copy())
        active = active[rng.random(active.size) >= drop[active]]
    customer = np.concatenate(ids)
    weeks = np.concatenate(times)
    amount = rng.gamma(gamma_gamma["p"], 1.0 / nu[customer])
    day = birth_day[customer] + np.floor(weeks * 7).astype(np.int64)
    frame = pd.DataFrame({"customer": customer, "day": day, "amount": np.round(amount, 2)})
    frame = frame.drop_duplicates(["customer", "day"])
    return pd.DataFrame({
        "customer_id": "C" + frame["customer"].astype(str),
        "ordered_at": pd.Timestamp(start) + pd.to_timedelta(frame["day"], unit="D"),
        "amount": frame["amount"],
    }).reset_index(drop=True)
