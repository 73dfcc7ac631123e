"""Which build workers are alive, from heartbeats the worker processes write themselves.

Dramatiq's own heartbeat set is refreshed by every process that talks to the broker (the
web process too, on each enqueue) and keeps a dead worker for 60 s, so it cannot say
whether a build will run. Each worker process instead adds itself to one sorted set in the
broker's Redis every WORKER_HEARTBEAT_SECONDS; it counts as alive for three beats.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass, field
from functools import lru_cache

import redis

from autowebiq_app.core.config import get_settings
from autowebiq_app.core.redis_client import bounded_options

KEY = "autowebiq-workers:heartbeats"
STATE_KEY = "autowebiq-workers:state:{worker}"
MISSED_BEATS = 3


def client() -> redis.Redis:
    """The broker's Redis (decoded replies, bounded calls)."""
    return _client()


@lru_cache
def _client() -> redis.Redis:
    return redis.Redis.from_url(get_settings().effective_broker_url, decode_responses=True, **bounded_options())


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def alive_window_seconds() -> float:
    return get_settings().worker_heartbeat_seconds * MISSED_BEATS


def beat(worker: str) -> None:
    """Record that `worker` is alive now (and drop long-dead entries)."""
    now = time.time()
    pipe = _client().pipeline(transaction=False)
    pipe.zadd(KEY, {worker: now})
    pipe.zremrangebyscore(KEY, "-inf", now - 10 * alive_window_seconds())
    pipe.execute()


def forget(worker: str) -> None:
    """A worker shutting down cleanly leaves at once."""
    pipe = _client().pipeline(transaction=False)
    pipe.zrem(KEY, worker)
    pipe.delete(STATE_KEY.format(worker=worker))
    pipe.execute()


@dataclass
class Task:
    """A message a worker is processing now."""

    message_id: str
    actor: str
    queue: str
    args: list = field(default_factory=list)
    started: float = 0.0
    """Wall-clock start (epoch seconds)."""


@dataclass
class WorkerState:
    """What one worker process says about itself: when it started, how many messages it
    finished, and what it is doing now."""

    worker: str
    started: float
    processed: int = 0
    active: list[Task] = field(default_factory=list)
    last_beat: float = 0.0

    @property
    def pid(self) -> int:
        return int(self.worker.rsplit(":", 1)[1])


def describe(state: WorkerState) -> None:
    """Store what `state.worker` is doing; it ages out with the worker's heartbeat window."""
    payload = {
        "started": state.started,
        "processed": state.processed,
        "active": [task.__dict__ for task in state.active],
    }
    ttl = max(1, round(2 * alive_window_seconds()))
    _client().set(STATE_KEY.format(worker=state.worker), json.dumps(payload), ex=ttl)


def live_worker_states() -> list[WorkerState]:
    """Every live worker and what it is doing, oldest first; raises redis.RedisError if the
    broker is unreachable."""
    client = _client()
    beats = client.zrangebyscore(KEY, time.time() - alive_window_seconds(), "+inf", withscores=True)
    if not beats:
        return []
    raw = client.mget([STATE_KEY.format(worker=worker) for worker, _ in beats])
    states = []
    for (worker, beat_at), payload in zip(beats, raw):
        data = json.loads(payload) if payload else {}
        states.append(
            WorkerState(
                worker=worker,
                started=data.get("started", beat_at),
                processed=data.get("processed", 0),
                active=[Task(**task) for task in data.get("active", [])],
                last_beat=beat_at,
            )
        )
    return sorted(states, key=lambda s: s.started)


def live_workers() -> int:
    """Worker processes that beat within the window; raises redis.RedisError if the broker is unreachable."""
    return _client().zcount(KEY, time.time() - alive_window_seconds(), "+inf")


def any_alive() -> bool:
    """Whether a queued build would be picked up; False when the broker cannot be reached."""
    try:
        return live_workers() > 0
    except redis.RedisError:
        return False


def forget_client() -> None:
    """Drop the cached client (tests that point the broker elsewhere)."""
    _client.cache_clear()
