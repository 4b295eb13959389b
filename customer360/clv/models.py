"""BG/NBD and Gamma-Gamma: log-likelihoods, maximum-likelihood fits and conditional predictions.

Plain numpy/scipy, vectorised over customers. Time is in weeks throughout.

- BG/NBD: Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
  Pareto/NBD Model", Marketing Science 24(2). A customer buys at a Poisson rate lambda ~ Gamma(r, alpha)
  while alive and drops out after any purchase with probability p ~ Beta(a, b). Inputs per customer:
  x (repeat purchases), t_x (time of the last purchase, from the first), T (time from the first purchase
  to the end of the observation window).
- Gamma-Gamma: Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
  Analysis", Journal of Marketing Research 42(4); Fader & Hardie (2013), "The Gamma-Gamma Model of
  Monetary Value". Spend per purchase ~ Gamma(p, nu), nu ~ Gamma(q, gamma); fitted on customers with
  x >= 1 from their mean repeat spend z_bar. Assumes spend independent of frequency.

Parameters are optimised on the log scale (all are positive) with L-BFGS-B, Nelder-Mead as a fallback.
Customers with identical (x, t_x, T) are collapsed into one weighted row first: exact, and it makes a
million customers cost a few thousand likelihood terms.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import optimize, special

WEEKS_PER_MONTH = 365.25 / 7 / 12  # 4.348 weeks


@dataclass
class FitResult:
    model: str
    params: dict[str, float]
    log_likelihood: float
    customers: int
    converged: bool
    message: str = ""
    iterations: int = 0
    extra: dict = field(default_factory=dict)


def _collapse(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """Unique rows of the stacked columns, their counts, and the inverse index back to the input."""
    stacked = np.column_stack(columns)
    unique, inverse, counts = np.unique(stacked, axis=0, return_inverse=True, return_counts=True)
    return [unique[:, i] for i in range(unique.shape[1])], counts.astype(float), inverse.ravel()


# ---------------------------------------------------------------------------------------------- BG/NBD


def bgnbd_log_likelihood_terms(params, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood of the BG/NBD model (FHL 2005, eq. 6), computed in log space."""
    r, alpha, a, b = params
    x = np.asarray(x, dtype=float)
    t_x = np.asarray(t_x, dtype=float)
    T = np.asarray(T, dtype=float)
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.gammaln(a + b) + special.gammaln(b + x) - special.gammaln(b) - special.gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(
            x > 0,
            np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
            -np.inf,
        )
    return a1 + a2 + np.logaddexp(a3, a4)


def _minimise(neg_ll, start: np.ndarray) -> tuple[np.ndarray, bool, str, int]:
    """Minimise a function of log-parameters; L-BFGS-B first, Nelder-Mead if that fails."""
    best = None
    for method, options in (("L-BFGS-B", {"maxiter": 500}), ("Nelder-Mead", {"maxiter": 4000, "xatol": 1e-7,
                                                                              "fatol": 1e-10})):
        res = optimize.minimize(neg_ll, start if best is None else best.x, method=method, options=options)
        if best is None or (np.isfinite(res.fun) and res.fun <= best.fun):
            best = res
        if res.success and np.isfinite(res.fun):
            return res.x, True, f"{method}: {res.message}", int(res.nit)
    return best.x, False, f"{method}: {best.message}", int(getattr(best, "nit", 0))


def _sane(params: dict[str, float]) -> bool:
    values = np.array(list(params.values()))
    return bool(np.all(np.isfinite(values)) and np.all(values > 1e-8) and np.all(values < 1e8))


def fit_bgnbd(x, t_x, T) -> FitResult:
    """Maximum-likelihood BG/NBD fit on (x, t_x, T) in weeks."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    if len(x) == 0 or not np.any(x > 0):
        return FitResult("bg_nbd", {}, float("nan"), len(x), False, "no repeat purchases to fit")
    (ux, ut, uT), weights, _ = _collapse(x, t_x, T)
    total = weights.sum()

    def neg_ll(log_params):
        value = -np.dot(weights, bgnbd_log_likelihood_terms(np.exp(log_params), ux, ut, uT)) / total
        return value if np.isfinite(value) else 1e100

    # start: r=1, alpha=mean T (rate ~ 1 per T), a=1, b=1
    start = np.log([1.0, max(float(np.mean(T)), 1.0), 1.0, 1.0])
    log_params, success, message, nit = _minimise(neg_ll, start)
    params = dict(zip(("r", "alpha", "a", "b"), np.exp(log_params).tolist()))
    ll = float(np.dot(weights, bgnbd_log_likelihood_terms(list(params.values()), ux, ut, uT)))
    converged = success and np.isfinite(ll) and _sane(params)
    return FitResult("bg_nbd", params, ll, len(x), bool(converged), message, nit,
                     {"distinct_rows": len(ux)})


def bgnbd_probability_alive(params, x, t_x, T) -> np.ndarray:
    """P(alive | x, t_x, T) (FHL 2005, eq. 11). 1 for customers without a repeat purchase."""
    r, alpha, a, b = (params[k] for k in ("r", "alpha", "a", "b")) if isinstance(params, dict) else params
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    return special.expit(-_log_dropout_odds(r, alpha, a, b, x, t_x, T))


def _log_dropout_odds(r, alpha, a, b, x, t_x, T) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        odds = (np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x)))
    return np.where(x > 0, odds, -np.inf)


def bgnbd_expected_purchases(params, t, x, t_x, T) -> np.ndarray:
    """E[Y(t) | x, t_x, T]: expected purchases in the next t weeks (FHL 2005, eq. 10).

    The Gauss hypergeometric term is rewritten with Euler's transformation,
    (1-z)^(r+x) 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), z = t/(alpha+T+t),
    which stays well conditioned for heavy buyers where the textbook form overflows.
    """
    r, alpha, a, b = (params[k] for k in ("r", "alpha", "a", "b")) if isinstance(params, dict) else params
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    t = np.asarray(t, dtype=float)
    if abs(a - 1.0) < 1e-7:  # the formula's 0/0 at a = 1; the limit is continuous
        a = 1.0 + 1e-7
    z = t / (alpha + T + t)
    hyp = special.hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
    head = (a + b + x - 1) / (a - 1) * (1.0 - np.power(1.0 - z, a - 1) * hyp)
    return head * special.expit(-_log_dropout_odds(r, alpha, a, b, x, t_x, T))


def bgnbd_expected_purchases_new_customer(params, t) -> np.ndarray:
    """E[X(t)] for a customer just acquired (FHL 2005, eq. 7)."""
    r, alpha, a, b = (params[k] for k in ("r", "alpha", "a", "b"))
    t = np.asarray(t, dtype=float)
    return (a + b - 1) / (a - 1) * (1 - np.power(alpha / (alpha + t), r)
                                    * special.hyp2f1(r, b, a + b - 1, t / (alpha + t)))


# ----------------------------------------------------------------------------------------- Gamma-Gamma


def gamma_gamma_log_likelihood_terms(params, x, z_bar) -> np.ndarray:
    """Per-customer log-likelihood of mean spend z_bar over x repeat purchases (Fader & Hardie 2013, eq. 4)."""
    p, q, v = params
    x = np.asarray(x, dtype=float)
    z_bar = np.asarray(z_bar, dtype=float)
    return (special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q) + q * np.log(v)
            + (p * x - 1) * np.log(z_bar) + p * x * np.log(x) - (p * x + q) * np.log(v + x * z_bar))


def fit_gamma_gamma(x, z_bar) -> FitResult:
    """Maximum-likelihood Gamma-Gamma fit on customers with x >= 1 and z_bar > 0 (others are ignored)."""
    x, z_bar = np.asarray(x, dtype=float), np.asarray(z_bar, dtype=float)
    keep = (x > 0) & (z_bar > 0) & np.isfinite(z_bar)
    x, z_bar = x[keep], z_bar[keep]
    if len(x) < 2:
        return FitResult("gamma_gamma", {}, float("nan"), len(x), False, "fewer than 2 repeat customers")

    def neg_ll(log_params):
        value = -np.mean(gamma_gamma_log_likelihood_terms(np.exp(log_params), x, z_bar))
        return value if np.isfinite(value) else 1e100

    # method-of-moments-ish start: p=1, q=2, v=mean spend (so the population mean p*v/(q-1) = mean spend)
    start = np.log([1.0, 2.0, float(np.mean(z_bar))])
    log_params, success, message, nit = _minimise(neg_ll, start)
    params = dict(zip(("p", "q", "v"), np.exp(log_params).tolist()))
    ll = float(np.sum(gamma_gamma_log_likelihood_terms(list(params.values()), x, z_bar)))
    # q <= 1 means the population mean spend is infinite: no usable expectation
    converged = success and np.isfinite(ll) and _sane(params) and params["q"] > 1
    return FitResult("gamma_gamma", params, ll, len(x), bool(converged),
                     message if params["q"] > 1 else f"{message}; q <= 1 (infinite mean spend)", nit)


def gamma_gamma_expected_spend(params, x, z_bar) -> np.ndarray:
    """E[M | x, z_bar] = (p (v + x z_bar)) / (p x + q - 1); the population mean p v / (q - 1) when x = 0."""
    p, q, v = params["p"], params["q"], params["v"]
    x = np.asarray(x, dtype=float)
    z_bar = np.where(x > 0, np.nan_to_num(np.asarray(z_bar, dtype=float)), 0.0)
    return p * (v + x * z_bar) / (p * x + q - 1)


# --------------------------------------------------------------------------------------------------- CLV


def discounted_clv(bgnbd_params, spend, x, t_x, T, months: int = 12, monthly_discount_rate: float = 0.01):
    """Expected revenue over the next `months`, each month's expected purchases times expected spend,
    discounted at `monthly_discount_rate` per month (month m divided by (1 + d)^m).

    Returns (expected purchases over the horizon, discounted CLV)."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (x, t_x, T))
    previous = np.zeros_like(x)
    clv = np.zeros_like(x)
    for month in range(1, months + 1):
        cumulative = bgnbd_expected_purchases(bgnbd_params, month * WEEKS_PER_MONTH, x, t_x, T)
        clv += (cumulative - previous) * spend / (1 + monthly_discount_rate) ** month
        previous = cumulative
    return previous, clv
