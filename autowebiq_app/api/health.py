"""Health of every dependency, each probed with a bounded time so a hang cannot stall it.

`healthy`: all up. `degraded`: the app serves but something is missing (Redis, the MongoDB
catalog, or a live build worker). `unhealthy`: the database is down (HTTP 503). Every probe
gives up after PROBE_TIMEOUT_SECONDS, so the report arrives within 2 s even when a
dependency hangs.

The report has the original AutoWebIQ's shape (`databases` and `services` saying
"connected", `services.celery` counting the workers, `service`, `timestamp`) with our own
detail beside it: `checks` (healthy/unhealthy per dependency), `services.dramatiq` and
`services.dramatiq_workers`.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import text

from autowebiq_app.core.db import get_engine
from autowebiq_app.core.redis_client import get_redis
from autowebiq_app.services import worker_heartbeats

logger = logging.getLogger(__name__)
PROBE_TIMEOUT_SECONDS = 1.0
SERVICE_NAME = "autowebiq-backend"


def _database() -> None:
    with get_engine().connect() as conn:
        conn.execute(text("SELECT 1"))


def _redis() -> None:
    get_redis().ping()


def _mongodb() -> None:
    from autowebiq_app.core.mongo import get_mongo_db

    get_mongo_db().command("ping")


async def _probe(name: str, check):
    try:
        result = await asyncio.wait_for(run_in_threadpool(check), PROBE_TIMEOUT_SECONDS)
        return "healthy", result
    except Exception as exc:  # a failing dependency is a report, not a crash
        logger.warning("health probe %s failed: %r", name, exc)
        return "unhealthy", None


async def check_all() -> dict:
    (database, _), (redis_state, _), (mongo, _), (broker, workers) = await asyncio.gather(
        _probe("database", _database),
        _probe("redis", _redis),
        _probe("mongodb", _mongodb),
        _probe("dramatiq", worker_heartbeats.live_workers),
    )
    workers = workers or 0
    dramatiq = "healthy" if broker == "healthy" and workers else "unhealthy"
    if database != "healthy":
        status = "unhealthy"
    elif redis_state != "healthy" or mongo != "healthy" or dramatiq != "healthy":
        status = "degraded"
    else:
        status = "healthy"
    return {
        "status": status,
        "service": SERVICE_NAME,
        "timestamp": datetime.now(UTC).isoformat(),
        "databases": {"postgresql": _connected(database), "mongodb": _connected(mongo)},
        "services": {
            "redis": _connected(redis_state),
            "celery": _workers_active(workers) if broker == "healthy" else "error: the broker is unreachable",
            "dramatiq": dramatiq,
            "dramatiq_workers": workers,
        },
        "checks": {"postgresql": database, "mongodb": mongo, "redis": redis_state, "dramatiq": dramatiq},
    }


def _workers_active(workers: int) -> str:
    return f"{workers} worker active" if workers == 1 else f"{workers} workers active"


def _connected(state: str) -> str:
    return "connected" if state == "healthy" else "error: unreachable or not answering within 1 s"
