"""Catalog lookups, cold (MongoDB) and warm (Redis cache): medians, p99 and their ratio.

Run: `.venv/bin/python -m bench.catalog_lookup [--rounds 2000]`. Uses REDIS_URL/MONGODB_URL
when set, else the same local-or-embedded services as `autowebiq run`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(call, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()

    from autowebiq_app import embedded

    services = embedded.resolve(database=False)
    os.environ.update(services.env)
    try:
        from autowebiq_app.catalog.files import load_catalog
        from autowebiq_app.catalog.seed import seed
        from autowebiq_app.catalog.service import get_catalog
        from autowebiq_app.catalog.store import COMPONENTS, TEMPLATES
        from autowebiq_app.core.mongo import using_mongomock

        catalog = get_catalog()
        seed(catalog, load_catalog())
        catalog.warm()
        templates = [t["slug"] for t in catalog.templates()]
        components = [c["slug"] for c in catalog.component_list()]
        print(f"catalog: {len(templates)} templates, {len(components)} components; {args.rounds} lookups each\n")
        print(f"{'lookup':<28}{'median ms':>11}{'p99 ms':>10}")
        results = {}
        for label, collection, slugs, warm in (
            ("template cold (MongoDB)", TEMPLATES, templates, False),
            ("template warm (cache)", TEMPLATES, templates, True),
            ("component cold (MongoDB)", COMPONENTS, components, False),
            ("component warm (cache)", COMPONENTS, components, True),
        ):
            if warm:
                getter = catalog.template if collection == TEMPLATES else catalog.component
            else:
                getter = lambda slug, c=collection: catalog.store.get(c, slug)  # noqa: E731
            samples = timed(lambda g=getter, s=slugs, i=iter(range(10**9)): g(s[next(i) % len(s)]), args.rounds)
            results[label] = statistics.median(samples)
            print(f"{label:<28}{statistics.median(samples):>11.3f}{percentile(samples, 0.99):>10.3f}")
        print()
        for kind in ("template", "component"):
            ratio = results[f"{kind} cold (MongoDB)"] / results[f"{kind} warm (cache)"]
            print(f"{kind}: cold/warm median ratio {ratio:.1f}x")
        if using_mongomock():
            print(
                "\nnote: MONGODB_URL is unset, so 'cold' is in-process mongomock (no network, no BSON):"
                " it is artificially fast; set MONGODB_URL to measure a real server."
            )
    finally:
        services.close()


if __name__ == "__main__":
    main()
