"""Determinations per second in one process: `bench_determine.py [--count N]`.

Target: at least 20,000 determinations/s. The facts are built beforehand (parsing is the
services' job, not the engine's) from a random but fixed mix covering every outcome.
"""

from __future__ import annotations

import argparse
import random
import time

from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import ITEM_COUNTS, Facts
from nanmu_desktop.domain.regulation_loader import load_regulation

TARGET_PER_SECOND = 20_000


def random_facts(rng: random.Random) -> Facts:
    data: dict[str, object] = {
        "exclusion": {k: rng.random() < 0.2 for k in
                      ("abuse_of_power", "failure_to_perform", "harmed_rights")},
        "art10_conditions": {k: rng.random() < 0.7 for k in
                             ("not_prohibited", "no_major_loss", "remedied")},
    }
    reasons = {}
    for name, count in ITEM_COUNTS.items():
        items = rng.sample(range(1, count + 1), rng.choice((0, 0, 1, 2)))
        data[name] = items
        if count in items:
            reasons[f"{name}.{count}"] = "其他情形的具体理由"
    data["reasons"] = reasons
    return Facts.from_dict(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(127)
    pool = [random_facts(rng) for _ in range(1000)]
    # Both ways callers use it: with a loaded regulation, and with the default one.
    for label, regulation in (("given regulation", load_regulation()), ("default", None)):
        determine(pool[0], regulation)  # warm the caches
        started = time.perf_counter()
        for i in range(args.count):
            determine(pool[i % len(pool)], regulation)
        rate = args.count / (time.perf_counter() - started)
        verdict = "OK" if rate >= TARGET_PER_SECOND else "BELOW TARGET"
        print(f"determine() [{label}]: {rate:,.0f} determinations/s "
              f"(target ≥ {TARGET_PER_SECOND:,}) {verdict}")


if __name__ == "__main__":
    main()
