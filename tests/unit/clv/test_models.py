"""BG/NBD and Gamma-Gamma reproduce the published CDNOW fits and behave sensibly."""

from __future__ import annotations

import numpy as np
import pytest

from customer360.clv import models

from .conftest import CDNOW_BGNBD, CDNOW_GAMMA_GAMMA


def _within(fitted: dict, published: dict, tolerance: float = 0.01) -> dict:
    return {k: (round(fitted[k], 4), published[k]) for k in published if abs(fitted[k] / published[k] - 1) > tolerance}


def test_bgnbd_reproduces_the_published_cdnow_parameters(cdnow_summary):
    fit = models.fit_bgnbd(cdnow_summary["x"], cdnow_summary["t_x"], cdnow_summary["T"])

    assert fit.converged, fit.message
    assert fit.customers == 2357
    assert _within(fit.params, CDNOW_BGNBD) == {}
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.5)


def test_gamma_gamma_reproduces_the_published_cdnow_parameters(cdnow_summary):
    fit = models.fit_gamma_gamma(cdnow_summary["x"], cdnow_summary["zbar"])

    assert fit.converged, fit.message
    assert fit.customers == 946  # only repeat customers carry spend information
    assert _within(fit.params, CDNOW_GAMMA_GAMMA) == {}


def test_conditional_expectation_matches_the_published_example():
    # FHL's Excel note: a customer with 2 repeat purchases, the last at week 30.43 of 38.86
    expected = models.bgnbd_expected_purchases(CDNOW_BGNBD, 39, 2, 30.43, 38.86)
    assert float(expected) == pytest.approx(1.226, abs=0.002)


def test_probability_alive_is_one_without_repeat_purchases_and_falls_with_silence():
    alive = models.bgnbd_probability_alive(CDNOW_BGNBD, [0, 5, 5, 5], [0, 38, 20, 2], [38.86] * 4)

    assert alive[0] == 1.0
    assert alive[1] > alive[2] > alive[3]
    assert np.all((alive > 0) & (alive <= 1))


def test_expected_purchases_grow_with_frequency_and_shrink_with_silence():
    more = models.bgnbd_expected_purchases(CDNOW_BGNBD, 52, [1, 5, 20], [30, 30, 30], [38.86] * 3)
    quieter = models.bgnbd_expected_purchases(CDNOW_BGNBD, 52, [5, 5], [38, 5], [38.86] * 2)

    assert more[0] < more[1] < more[2]
    assert quieter[0] > quieter[1]


def test_heavy_buyers_stay_finite():
    # the textbook hypergeometric form overflows here; the Euler-transformed one must not
    expected = models.bgnbd_expected_purchases(CDNOW_BGNBD, 52, [300, 1000, 300], [104, 104, 100], [104] * 3)
    assert np.all(np.isfinite(expected))
    assert 100 < expected[0] < expected[1] < 1000  # ~3 and ~10 a week, still buying: most of a year's worth
    assert expected[2] < 1  # the same heavy buyer silent for 4 weeks has most likely dropped out


def test_expected_purchases_of_a_new_customer_agree_with_the_conditional_form_at_birth():
    # a customer seen at the moment of the first purchase (x = t_x = T = 0) is a new customer
    conditional = models.bgnbd_expected_purchases(CDNOW_BGNBD, 39, 0, 0, 0)
    assert float(conditional) == pytest.approx(float(models.bgnbd_expected_purchases_new_customer(CDNOW_BGNBD, 39)))


def test_expected_spend_shrinks_towards_the_population_mean():
    population_mean = CDNOW_GAMMA_GAMMA["p"] * CDNOW_GAMMA_GAMMA["v"] / (CDNOW_GAMMA_GAMMA["q"] - 1)
    spend = models.gamma_gamma_expected_spend(CDNOW_GAMMA_GAMMA, [0, 1, 10, 100], [0, 100, 100, 100])

    assert spend[0] == pytest.approx(population_mean)  # no repeat purchase: the population mean
    assert population_mean < spend[1] < spend[2] < spend[3] < 100  # more evidence, closer to own mean


def test_clv_is_lower_with_a_higher_discount_rate():
    args = (CDNOW_BGNBD, 40.0, [3], [30], [38.86])
    purchases, low = models.discounted_clv(*args, monthly_discount_rate=0.0)
    _, high = models.discounted_clv(*args, monthly_discount_rate=0.02)

    assert low[0] == pytest.approx(purchases[0] * 40.0)  # undiscounted: purchases x spend
    assert high[0] < low[0]


def test_a_fit_without_repeat_buyers_does_not_converge():
    fit = models.fit_bgnbd([0, 0, 0], [0, 0, 0], [10, 20, 30])
    spend = models.fit_gamma_gamma([0, 0], [0, 0])

    assert not fit.converged and "no repeat" in fit.message
    assert not spend.converged
