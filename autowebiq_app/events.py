"""Build event streams: every step of a build is an entry in `build:{build_id}:events`.

Writers XADD (capped, with a TTL); readers tail with XREAD BLOCK from the last id they saw,
so a reader that reconnects resumes with nothing lost or repeated and a late reader
replays from "0".
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import redis
import redis.asyncio as aioredis

from autowebiq_app.core.config import get_settings
from autowebiq_app.core.redis_client import MAX_BLOCK_MS, get_blocking_redis, get_redis

BUILD_STARTED = "build_started"
AGENT_MESSAGE = "agent_message"
FILE_WRITTEN = "file_written"
BUILD_COMPLETE = "build_complete"
BUILD_FAILED = "build_failed"
HEARTBEAT = "heartbeat"
TERMINAL_TYPES = frozenset({BUILD_COMPLETE, BUILD_FAILED})


@dataclass(frozen=True)
class BuildEvent:
    """One entry of a build's stream; `id` is the Redis stream id ("1700000000000-0")."""

    id: str
    type: str
    agent: str = ""
    message: str = ""
    progress: int | None = None
    ts: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def terminal(self) -> bool:
        return self.type in TERMINAL_TYPES


def stream_key(build_id: str) -> str:
    return f"build:{build_id}:events"


def append(
    build_id: str,
    type: str,
    *,
    agent: str = "",
    message: str = "",
    progress: int | None = None,
    data: dict[str, Any] | None = None,
    client: redis.Redis | None = None,
) -> str:
    """Append one event and refresh the stream's TTL; returns the event id."""
    settings = get_settings()
    client = client or get_redis()
    fields = {"type": type, "agent": agent, "message": message, "ts": f"{time.time():.3f}"}
    if progress is not None:
        fields["progress"] = str(max(0, min(100, int(progress))))
    if data:
        fields["data"] = json.dumps(data, separators=(",", ":"))
    key = stream_key(build_id)
    pipe = client.pipeline(transaction=True)
    pipe.xadd(key, fields, maxlen=settings.event_stream_maxlen, approximate=True)
    pipe.expire(key, settings.event_stream_ttl_seconds)
    event_id, _ = pipe.execute()
    return event_id


def builds_key(project_id: str) -> str:
    return f"project:{project_id}:builds"


def announce_build(project_id: str, build_id: str, *, client: redis.Redis | None = None) -> None:
    """Tell the project's readers a build started, so they follow it without polling the database."""
    client = client or get_redis()
    key = builds_key(project_id)
    pipe = client.pipeline(transaction=True)
    pipe.xadd(key, {"build_id": build_id}, maxlen=100, approximate=True)
    pipe.expire(key, get_settings().event_stream_ttl_seconds)
    pipe.execute()


async def latest_announcement(client: aioredis.Redis, project_id: str) -> str:
    """The id of the project's last build announcement ("0-0" if none): read it before the
    database, then `next_builds` from it misses nothing started afterwards."""
    last = await client.xrevrange(builds_key(project_id), count=1)
    return last[0][0] if last else "0-0"


async def next_builds(client: aioredis.Redis, project_id: str, *, after: str, block_ms: int) -> tuple[list[str], str]:
    """Ids of builds announced after `after` (waiting up to `block_ms`), and the new position."""
    reply = await client.xread({builds_key(project_id): after}, block=block_ms)
    if not reply:
        return [], after
    entries = reply[0][1]
    return [fields["build_id"] for _, fields in entries], entries[-1][0]


def last_progress(build_id: str, *, client: redis.Redis | None = None) -> int | None:
    """The highest progress the build's stream reached, or None if it has no events yet."""
    entries = (client or get_redis()).xrevrange(stream_key(build_id), count=50)
    if not entries:
        return None
    return max((int(fields["progress"]) for _, fields in entries if "progress" in fields), default=0)


def stream_exists(build_id: str, *, client: redis.Redis | None = None) -> bool:
    return bool((client or get_redis()).exists(stream_key(build_id)))


def read(
    build_id: str,
    *,
    after: str = "0",
    block_ms: int | None = None,
    count: int = 500,
    client: redis.Redis | None = None,
) -> list[BuildEvent]:
    """Events after `after`, waiting up to `block_ms` (at most MAX_BLOCK_MS) for the first one if given."""
    if block_ms is not None:
        block_ms = min(block_ms, MAX_BLOCK_MS)
    client = client or (get_blocking_redis() if block_ms else get_redis())
    reply = client.xread({stream_key(build_id): after}, count=count, block=block_ms)
    return _decode_reply(reply)


async def aread(
    client: aioredis.Redis,
    build_id: str,
    *,
    after: str = "0",
    block_ms: int | None = None,
    count: int = 500,
) -> list[BuildEvent]:
    """The asyncio twin of `read`, for the workspace and the WebSocket; `client` must come
    from `new_async_redis(block_ms=...)` with at least this block time."""
    reply = await client.xread({stream_key(build_id): after}, count=count, block=block_ms)
    return _decode_reply(reply)


def _decode_reply(reply) -> list[BuildEvent]:
    if not reply:
        return []
    _key, entries = reply[0]
    return [decode(entry_id, fields) for entry_id, fields in entries]


def decode(entry_id: str, fields: dict[str, str]) -> BuildEvent:
    progress = fields.get("progress")
    return BuildEvent(
        id=entry_id,
        type=fields.get("type", ""),
        agent=fields.get("agent", ""),
        message=fields.get("message", ""),
        progress=int(progress) if progress is not None else None,
        ts=float(fields.get("ts", 0) or 0),
        data=json.loads(fields["data"]) if fields.get("data") else {},
    )
