"""Prometheus metrics of every process (web and workers), exposed together at `/metrics`.

With PROMETHEUS_MULTIPROC_DIR set (by `autowebiq run` and `autowebiq supervise`, before any
process starts), each process writes its samples to files there and `/metrics` reads them
all; without it, `/metrics` shows this process only. Figures that are state rather than
events (builds by status, queue depths) are read when scraped.
"""

from __future__ import annotations

import logging
import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import multiprocess as prom_multiprocess
from prometheus_client.core import REGISTRY, GaugeMetricFamily

logger = logging.getLogger(__name__)

LEDGER_OPERATIONS = Counter(
    "autowebiq_ledger_operations_total", "Committed credit ledger rows, by kind.", ["kind"]
)
CACHE_REQUESTS = Counter(
    "autowebiq_cache_requests_total", "Cached reads, by cache and result (hit or miss).", ["cache", "result"]
)
BUILDS_FINISHED = Counter(
    "autowebiq_builds_finished_total", "Builds a worker finished, by kind and outcome.", ["kind", "outcome"]
)
BUILD_DURATION = Histogram(
    "autowebiq_build_duration_seconds",
    "Time a worker spent on a build, by kind and outcome.",
    ["kind", "outcome"],
    buckets=(1, 2.5, 5, 10, 20, 30, 60, 120, 240, 300, 600),
)
HTTP_LATENCY = Histogram(
    "autowebiq_http_request_duration_seconds",
    "HTTP requests to the API, by method, route template and status.",
    ["method", "route", "status"],
)


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class StateCollector:
    """Builds by status (PostgreSQL) and queue depths and live workers (the broker), read at
    scrape time; a source that does not answer is left out and logged."""

    def collect(self):
        from sqlalchemy import func
        from sqlmodel import select

        from autowebiq_app.core.db import session_scope
        from autowebiq_app.models import Build, BuildStatus
        from autowebiq_app.services import queue_stats, worker_heartbeats

        try:
            with session_scope() as session:
                counts = dict(session.exec(select(Build.status, func.count()).group_by(Build.status)).all())
            builds = GaugeMetricFamily("autowebiq_builds", "Builds by status.", labels=["status"])
            for status in BuildStatus:
                builds.add_metric([status.value], counts.get(status.value, 0))
            yield builds
        except Exception as exc:
            logger.warning("metrics: could not count builds: %r", exc)
        try:
            depths = queue_stats.queue_depths()
            live = worker_heartbeats.live_workers()
        except Exception as exc:
            logger.warning("metrics: could not read the broker: %r", exc)
            return
        for name, doc, field in (
            ("autowebiq_queue_waiting", "Messages waiting in each queue.", "waiting"),
            ("autowebiq_queue_delayed", "Delayed messages (retries) of each queue.", "delayed"),
            ("autowebiq_queue_dead", "Dead-lettered messages of each queue.", "dead"),
        ):
            family = GaugeMetricFamily(name, doc, labels=["queue"])
            for depth in depths:
                family.add_metric([depth.queue], getattr(depth, field))
            yield family
        yield GaugeMetricFamily("autowebiq_live_workers", "Worker processes with a recent heartbeat.", value=live)


def exposition() -> bytes:
    """Every process's metrics (or this process's, outside multiprocess mode) and the state
    figures, in the Prometheus text format."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        prom_multiprocess.MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Default())
    registry.register(StateCollector())
    return generate_latest(registry)


class _Default:
    """The process-wide registry, wrapped so it can sit in a registry of its own."""

    def collect(self):
        return REGISTRY.collect()
