"""Health of every dependency, each probed with a bounded time so a hang cannot stall it."""

from __future__ import annotations

import asyncio
import logging

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import text

from autowebiq_app.db import get_engine
from autowebiq_app.redis_client import get_redis

logger = logging.getLogger(__name__)
PROBE_TIMEOUT_SECONDS = 2.0


def _postgres() -> None:
    with get_engine().connect() as conn:
        conn.execute(text("SELECT 1"))


def _redis() -> None:
    get_redis().ping()


async def _probe(name: str, check) -> str:
    try:
        await asyncio.wait_for(run_in_threadpool(check), PROBE_TIMEOUT_SECONDS)
        return "healthy"
    except Exception as exc:  # a failing dependency is a report, not a crash
        logger.warning("health probe %s failed: %r", name, exc)
        return "unhealthy"


async def check_all() -> dict:
    database, redis_state = await asyncio.gather(_probe("database", _postgres), _probe("redis", _redis))
    states = [database, redis_state]
    status = "healthy" if all(s == "healthy" for s in states) else "unhealthy" if database != "healthy" else "degraded"
    return {"status": status, "databases": {"postgresql": database}, "services": {"redis": redis_state}}
