"""The customer360 demo source systems: daily export files from one simulated population, plus truth.

    from simulator import SimConfig, simulate
    simulate(SimConfig(persons=2000, days=30, seed=1, out=Path("data/landing")))
"""

from simulator.config import SimConfig
from simulator.run import simulate

__all__ = ["SimConfig", "simulate"]
