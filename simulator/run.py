"""simulate(): build the population, let every silo export its files, write the ground truth."""

from __future__ import annotations

import json
import shutil

from tqdm import tqdm

from simulator import care, crm, online, stores, truth
from simulator.config import Planted, SimConfig
from simulator.export import Exporter
from simulator.layout import SPECS
from simulator.population import World


def simulate(cfg: SimConfig) -> dict:
    """Generate every export file under cfg.out and the ground truth under cfg.truth_dir."""
    for folder in (cfg.out, cfg.truth_dir):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    planted = Planted()
    with tqdm(total=len(SPECS) * cfg.days, unit="file", disable=cfg.quiet, desc="population") as bar:
        world = World(cfg)
        ex = Exporter(cfg, planted, bar)
        stores.write_stores(world, ex)
        orders = online.simulate_online(world, ex, planted)
        pos = stores.simulate_stores(world, ex, planted)
        consents = crm.plan_consents(world)
        unsubscribes = crm.simulate_email(world, ex, planted, consents)
        tickets = care.simulate_care(world, ex, planted, orders)
        stores.write_points(world, ex, planted, pos, tickets.goodwill)
        care.simulate_feedback(world, ex, planted, orders, tickets)
        crm.simulate_records(world, ex, planted, consents, unsubscribes)
        ex.close()
        truth.write_truth(world, cfg.truth_dir)
    summary = planted.to_json()
    (cfg.truth_dir / "planted.json").write_text(json.dumps(summary, indent=2) + "\n")
    return summary
