"""Reading worker heartbeats and running a build through the API, for reliability tests."""

from __future__ import annotations

import time

import redis

from autowebiq_app.core.config import get_settings
from autowebiq_app.services import worker_heartbeats


def _broker() -> redis.Redis:
    return redis.Redis.from_url(get_settings().effective_broker_url, decode_responses=True)


def forget_heartbeats() -> None:
    _broker().delete(worker_heartbeats.KEY)
    worker_heartbeats.forget_client()


def live_worker_pids() -> list[int]:
    """Pids of worker processes whose own heartbeat is recent."""
    since = time.time() - worker_heartbeats.alive_window_seconds()
    return [int(member.rsplit(":", 1)[1]) for member in _broker().zrangebyscore(worker_heartbeats.KEY, since, "+inf")]


def build_and_wait(api, headers: dict[str, str], *, prompt: str, timeout: float = 90) -> dict:
    project = api.post("/api/v2/projects", json={"name": "Reliable"}, headers=headers).json()
    accepted = api.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": prompt}, headers=headers)
    assert accepted.status_code == 200, accepted.text
    url = f"/api/v2/projects/{project['id']}/build/status/{accepted.json()['task_id']}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = api.get(url, headers=headers).json()
        if status["state"] in ("succeeded", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"build did not finish in {timeout} s: {status}")
