"""When things happen: seasonal day weights, hours of the day, and vectorised time sampling."""

from __future__ import annotations

import numpy as np

from simulator.config import SimConfig
from simulator.strings import DAY

# relative activity by hour of day (UTC for online, local for stores)
HOURS = {
    "web": np.array(
        [2, 1, 0.6, 0.4, 0.4, 0.6, 1.5, 3, 4, 4.5, 5, 5, 6, 5.5, 5, 5, 5.5, 6, 7, 8.5, 9.5, 9, 7, 4]
    ),
    "app": np.array([2, 1, 0.5, 0.3, 0.3, 0.8, 2.5, 5, 5, 4, 4, 4.5, 6, 5, 4, 4, 5, 6.5, 7, 8, 9, 9, 7, 4]),
    "store": np.array([0] * 8 + [2, 4, 6, 8, 9, 8.5, 8, 8, 8, 7, 5, 3.5, 2, 0, 0, 0]),  # open 08-21 local
    "office": np.array([0] * 7 + [1, 4, 7, 8, 8, 6, 7, 8, 7, 6, 4, 2, 1, 0.5, 0, 0, 0]),
    "evening": np.array(
        [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 3.5, 4, 4, 4.5, 4, 4, 4, 4.5, 5, 6, 7, 7.5, 7, 5, 2.5]
    ),
}
WEEKDAY = {  # Monday .. Sunday
    "web": np.array([1.05, 1.0, 1.0, 1.0, 0.95, 0.9, 1.1]),
    "app": np.array([1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1]),
    "store": np.array([0.8, 0.8, 0.85, 0.9, 1.05, 1.5, 1.1]),
    "office": np.array([1.2, 1.15, 1.1, 1.1, 1.05, 0.7, 0.6]),
    "evening": np.ones(7),
}
MONTH = np.array([1.1, 0.85, 0.9, 0.95, 0.95, 0.9, 0.9, 0.95, 1.0, 1.05, 1.35, 1.55])


class Calendar:
    """The simulated period: export day d covers [t0 + d*DAY, t0 + (d+1)*DAY)."""

    def __init__(self, cfg: SimConfig):
        self.t0, self.days = cfg.t0, cfg.days
        dates = np.datetime64(cfg.start_date.isoformat(), "D") + np.arange(cfg.days)
        self.weekday = (dates.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday
        self.month = dates.astype("datetime64[M]").astype(np.int64) % 12
        self._cdf: dict[str, np.ndarray] = {}
        self._hour_cdf = {k: np.cumsum(v) / v.sum() for k, v in HOURS.items()}

    def cdf(self, channel: str) -> np.ndarray:
        """Cumulative expected activity-days: cdf[d] = weight of days [0, d); mean weight per day is 1."""
        if channel not in self._cdf:
            w = WEEKDAY[channel][self.weekday] * MONTH[self.month]
            w = w / (WEEKDAY[channel].mean() * MONTH.mean())
            self._cdf[channel] = np.concatenate([[0.0], np.cumsum(w)])
        return self._cdf[channel]

    def day_of(self, t: np.ndarray) -> np.ndarray:
        return (np.asarray(t, dtype=np.int64) - self.t0) // DAY

    def clip_day(self, t: np.ndarray) -> np.ndarray:
        return np.clip(self.day_of(t), 0, self.days)

    def exposure(self, lo: np.ndarray, hi: np.ndarray, channel: str) -> np.ndarray:
        """Expected activity-days between two times (per person), for Poisson counts per year."""
        c = self.cdf(channel)
        return np.maximum(0.0, c[self.clip_day(hi)] - c[self.clip_day(lo)])

    def counts(self, rng, rate_per_year: np.ndarray, lo, hi, channel: str) -> np.ndarray:
        return rng.poisson(np.asarray(rate_per_year) * self.exposure(lo, hi, channel) / 365.0)

    def sample(self, rng, lo: np.ndarray, hi: np.ndarray, channel: str) -> np.ndarray:
        """One time per row in [lo, hi) (epoch seconds), following the channel's days and hours."""
        lo = np.asarray(lo, dtype=np.int64)
        hi = np.asarray(hi, dtype=np.int64)
        c = self.cdf(channel)
        dlo, dhi = self.clip_day(lo), np.maximum(self.clip_day(hi - 1) + 1, self.clip_day(lo) + 1)
        dhi = np.minimum(dhi, self.days)
        a, b = c[dlo], c[dhi]
        u = a + rng.random(len(lo)) * (b - a)
        day = np.clip(np.searchsorted(c, u, side="right") - 1, dlo, dhi - 1)
        hour = np.searchsorted(self._hour_cdf[channel], rng.random(len(lo)), side="right")
        t = self.t0 + day * DAY + np.minimum(hour, 23) * 3600 + rng.integers(0, 3600, len(lo))
        # outside [lo, hi) (a person who joins or leaves that day): same time of day, a day later or earlier
        t = np.where(t < lo, t + DAY * (-((t - lo) // DAY)), t)
        t = np.where(t >= hi, t - DAY * ((t - hi) // DAY + 1), t)
        return np.clip(t, lo, hi - 1)

    def within(self, t: np.ndarray) -> np.ndarray:
        t = np.asarray(t)
        return (t >= self.t0) & (t < self.t0 + self.days * DAY)
