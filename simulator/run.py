"""simulate(): build the population, let every silo export its files, write the ground truth."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

from tqdm import tqdm

from simulator import care, crm, online, stores, truth
from simulator.config import Planted, SimConfig
from simulator.export import Exporter
from simulator.layout import SPECS
from simulator.population import World

# Left in the landing folder the simulator fills: customer360 publishes only such a landing with the
# public demo salt (customer360/settings.py SIMULATED_MARKER names the same file).
SIMULATED_MARKER = ".simulated"


def simulate(cfg: SimConfig) -> dict:
    """Write every export file under cfg.out and the ground truth under cfg.truth_dir.

    Returns the content of planted.json: rows written and every planted kind of mess and bad row."""
    cfg = replace(cfg, out=Path(cfg.out), truth=Path(cfg.truth) if cfg.truth is not None else None)
    for spec in SPECS:  # a re-run replaces the simulator's own folders and nothing else
        folder = cfg.out / spec.source / spec.entity
        if folder.exists():
            shutil.rmtree(folder)
    cfg.out.mkdir(parents=True, exist_ok=True)
    cfg.truth_dir.mkdir(parents=True, exist_ok=True)
    planted = Planted()
    with tqdm(
        total=len(SPECS) * cfg.days, unit="file", disable=cfg.quiet, desc="building the population"
    ) as bar:
        world = World(cfg)
        ex = Exporter(cfg, planted, bar)
        ex.track(world.emails.written, "email", world.emails.n, world.emails.styles, world.email_junk)
        ex.track(world.phones.written, "phone", world.phones.n, world.phones.styles, world.phone_junk)
        ex.track(world.cards.written, "card", world.cards.n, world.cards.styles, -1)
        stores.write_stores(world, ex)
        online.write_products(world, ex)
        orders = online.simulate_online(world, ex, planted)
        pos = stores.simulate_stores(world, ex, planted)
        consents = crm.plan_consents(world)
        unsubscribes = crm.simulate_email(world, ex, planted, consents)
        tickets = care.simulate_care(world, ex, planted, orders)
        stores.write_points(world, ex, planted, pos, tickets.goodwill)
        care.simulate_feedback(world, ex, planted, orders, tickets)
        crm.simulate_records(world, ex, planted, consents, unsubscribes)
        planted.add_mess("twins", int(world.is_twin.sum()), None)
        planted.note("households", world.n_households)
        planted.note("households_of_two_or_more", int((world.hh_size_of_household >= 2).sum()))
        ex.close()
        truth.write_truth(world, cfg.truth_dir)
    summary = planted.to_json()
    (cfg.truth_dir / "planted.json").write_text(json.dumps(summary, indent=2) + "\n")
    (cfg.out / SIMULATED_MARKER).write_text(json.dumps(
        {"persons": cfg.persons, "days": cfg.days, "seed": cfg.seed, "start_date": str(cfg.start_date)}) + "\n")
    return summary
