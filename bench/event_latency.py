"""Build event latency: from an event's `ts` (written by the worker as it appends the event
to the build's Redis stream) to its arrival on the build WebSocket
`WS /api/v2/ws/build/{project_id}?token=…`, the reader connected before the build starts;
p50/p99 over every event, and by type. Floor, measured in the same run: a Redis XADD to a
reader blocked in XREAD BLOCK (the same `ts` stamped by the writer, read on arrival).

Run: `.venv/bin/python -m bench.event_latency [--builds 20] [--concurrent 1,5] [--url URL]`.

Without `--url` it starts the app as `bench.api_load` does (`autowebiq run --port P
--workers 1` from a copy of the checkout, its own database `autowebiq_bench` and Redis dbs
8/9, the worker's browser QA off unless `--qa-browser`), and stops it at the end.
The events' `ts` has millisecond resolution (the worker writes it with three decimals), so
each sample is within ±0.5 ms; the Reflex workspace's arrival is not measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
import uuid
from collections import defaultdict

from bench import harness
from bench.harness import summary

TERMINAL = {"build_complete", "build_failed"}


def phases(answered: float, events: list[dict]) -> dict[str, float]:
    """A build's wall time by stage, from its events' ts (ms): the wait for a worker to pick it
    up, the hand-offs between its three Dramatiq messages (plan -> images -> pages and QA)."""
    ts = lambda e: float(e["ts"])  # noqa: E731
    by_agent = defaultdict(list)
    for event in events:
        by_agent[event.get("agent") or ""].append(ts(event))
    out = {}
    started = [ts(e) for e in events if e["type"] == "build_started"]
    if started:
        out["POST answered -> build_started (pickup)"] = (started[0] - answered) * 1000
    if by_agent["planner"] and by_agent["image"]:
        out["last planner -> first image (hand-off 1)"] = (min(by_agent["image"]) - max(by_agent["planner"])) * 1000
    if by_agent["image"] and by_agent["frontend"]:
        out["last image -> first frontend (hand-off 2)"] = (min(by_agent["frontend"]) - max(by_agent["image"])) * 1000
    if started:
        out["build_started -> build_complete"] = (ts(events[-1]) - started[0]) * 1000
    return out


async def one_build(http, base_ws: str, token: str, prompt: str) -> tuple[list[tuple[str, float]], str, dict]:
    """Connect the socket, start a build, read until it ends: [(type, ms)], outcome, its stages."""
    from websockets.asyncio.client import connect

    headers = {"Authorization": f"Bearer {token}"}
    reply = await http.post("/api/v2/projects", json={"name": "Latency"}, headers=headers)
    reply.raise_for_status()
    project = reply.json()["id"]
    samples: list[tuple[str, float]] = []
    events: list[dict] = []
    seen: set[str] = set()
    async with connect(f"{base_ws}/api/v2/ws/build/{project}?token={token}", open_timeout=20, max_size=None) as ws:
        first = json.loads(await asyncio.wait_for(ws.recv(), 20))
        assert first["type"] == "connection", first
        started = time.perf_counter()
        reply = await http.post(f"/api/v2/projects/{project}/build", json={"prompt": prompt}, headers=headers)
        answered = time.time()
        if reply.status_code != 200:
            raise SystemExit(f"build refused: {reply.status_code} {reply.text[:200]}")
        while True:
            raw = await asyncio.wait_for(ws.recv(), 120)
            arrived = time.time()
            message = json.loads(raw)
            event_id = message.get("event_id")
            if not event_id or event_id in seen or not message.get("ts"):
                continue  # connection, heartbeat, pong; build_error repeats build_failed's id
            seen.add(event_id)
            events.append(message)
            samples.append((message["type"], (arrived - float(message["ts"])) * 1000))
            if message["type"] in TERMINAL:
                stages = phases(answered, events)
                stages["POST -> build_complete on the socket"] = (time.perf_counter() - started) * 1000
                return samples, message["type"], stages


async def run(base: str, builds: int, levels: list[int]) -> dict[int, dict]:
    import httpx

    from bench.api_load import prompts

    base_ws = base.replace("http://", "ws://").replace("https://", "wss://")
    corpus = prompts()
    out = {}
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        email = f"latency-{uuid.uuid4().hex[:8]}@example.com"
        reply = await http.post("/api/auth/register", json={"email": email, "password": harness.PASSWORD})
        reply.raise_for_status()
        token = reply.json()["access_token"]
        await one_build(http, base_ws, token, corpus[0])  # warm: the worker's first build seeds its catalog
        for level in levels:
            by_type: dict[str, list[float]] = defaultdict(list)
            outcomes: dict[str, int] = defaultdict(int)
            stages: dict[str, list[float]] = defaultdict(list)
            began = time.perf_counter()
            for batch in range(0, builds, level):
                jobs = [
                    one_build(http, base_ws, token, corpus[(batch + i + 1) % len(corpus)])
                    for i in range(min(level, builds - batch))
                ]
                for samples, outcome, build_stages in await asyncio.gather(*jobs):
                    outcomes[outcome] += 1
                    for stage, ms in build_stages.items():
                        stages[stage].append(ms)
                    for kind, ms in samples:
                        by_type[kind].append(ms)
            out[level] = {
                "by_type": by_type,
                "outcomes": dict(outcomes),
                "stages": stages,
                "elapsed": time.perf_counter() - began,
            }
            took = out[level]["elapsed"]
            print(f"  {builds} builds, {level} at a time: {dict(outcomes)} in {took:.1f} s", flush=True)
    return out


def report(results: dict[int, dict], floor: list[float]) -> None:
    f50, f99 = summary(floor)
    print("\nfloor, measured in this run: Redis XADD -> a reader blocked in XREAD BLOCK (own connections)")
    print(f"  n {len(floor)}   p50 {f50:.3f} ms   p99 {f99:.3f} ms")
    print(f"\n{'events':<34}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'p50/floor':>11}{'p99/floor':>11}")
    for level, result in results.items():
        every = [ms for samples in result["by_type"].values() for ms in samples]
        rows = [(f"all, {level} build(s) at a time", every)]
        rows += [(f"  {kind}", samples) for kind, samples in sorted(result["by_type"].items())]
        for label, samples in rows:
            p50, p99 = summary(samples)
            print(
                f"{label:<34}{len(samples):>6}{p50:>9.2f}{p99:>9.2f}{max(samples):>9.2f}"
                f"{p50 / f50:>10.0f}x{p99 / f99:>10.0f}x"
            )
    print("\nwhere a build's wall time goes (ms, from the events' ts; not part of the latency above):")
    print(f"  {'stage':<44}" + "".join(f"{f'p50 @{level}':>10}{f'p90 @{level}':>10}" for level in results))
    for stage in next(iter(results.values()))["stages"]:
        cells = ""
        for result in results.values():
            samples = result["stages"].get(stage) or [float("nan")]
            cells += f"{statistics.median(samples):>10.0f}{harness.percentile(samples, 0.9):>10.0f}"
        print(f"  {stage:<44}{cells}")
    print(
        "\n  ms from the event's ts (the worker's clock, as it appends the event) to the message arriving on the"
        "\n  socket (this process's clock; same machine). ts has 1 ms resolution: samples are within ±0.5 ms."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running app (else one is started)")
    parser.add_argument("--builds", type=int, default=20, help="builds per concurrency level")
    parser.add_argument("--concurrent", default="1,5", help="builds at a time, comma-separated levels")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--qa-browser", choices=("off", "auto", "on"), default="off", help="the worker's browser QA")
    args = parser.parse_args()
    levels = [int(x) for x in args.concurrent.split(",") if x.strip()]

    print(f"AutoWebIQ build event latency; {os.cpu_count()} cores")
    print(f"  before: {harness.load_average()}")
    with harness.scratch_only() if args.url else harness.own_services():
        app = None
        if args.url:
            base = args.url
            print(f"  app: {base} (as it runs)")
        else:
            port = args.port or harness.free_port()
            print(f"  starting `autowebiq run --port {port} --workers 1` in {harness.COPY_DIR} ...", flush=True)
            app = harness.start_app(harness.service_env(QA_BROWSER=args.qa_browser), port=port, workers=1)
            base = app.url
            print(
                f"  up in {app.started_seconds:.0f} s; QA_BROWSER={args.qa_browser}; limits raised as in bench.api_load"
            )
        try:
            results = asyncio.run(run(base, args.builds, levels))
            floor = harness.xread_block_floor()
        finally:
            if app is not None:
                harness.stop(app.process)
    report(results, floor)
    print(f"\nafter: {harness.load_average()}")


if __name__ == "__main__":
    main()
