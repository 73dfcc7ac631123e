"""`WS /api/v2/ws/build/{project_id}`: a project's build events, live, resumable.

The socket streams the project's running build (or its latest), then follows each next
build started on the project (`services.build_feed`, which the workspace reads too). Every
message carries `event_id` = "{build_id}:{stream_id}"; reconnecting with `?last_event_id=`
resumes after it with nothing lost or repeated.

The original AutoWebIQ's clients find what they read beside our fields: a `connection`
message first, `pong` for the text `ping`, `project_id` and an ISO `timestamp` on every
message, `agent_type` and `status` on agent messages, `result` on `build_complete`, and a
`build_error` just before each `build_failed`.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from datetime import UTC, datetime
from functools import partial

import redis
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from fastapi.concurrency import run_in_threadpool

from autowebiq_app import events
from autowebiq_app.api.auth import resolve_user
from autowebiq_app.core.config import get_settings
from autowebiq_app.errors import BuildNotFound, ProjectNotFound, RateLimited
from autowebiq_app.models import canonical_id
from autowebiq_app.services import throttle
from autowebiq_app.services.build_feed import BuildFeed

logger = logging.getLogger(__name__)
router = APIRouter()
HEARTBEAT_SECONDS = 15.0
BLOCK_MS = 1000
POLICY_VIOLATION = 1008
TRY_AGAIN_LATER = 1013


def _origin_allowed(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    return origin is None or origin.rstrip("/") in get_settings().cors_origins


def iso(ts: float | None = None) -> str:
    return datetime.fromtimestamp(time.time() if ts is None else ts, UTC).isoformat()


def message(build_id: str, event: events.BuildEvent, *, project_id: str | None = None) -> dict:
    payload = {
        "type": event.type,
        "event_id": f"{build_id}:{event.id}",
        "build_id": build_id,
        "project_id": project_id,
        "agent": event.agent,
        "message": event.message,
        "progress": event.progress,
        "ts": event.ts,
        "timestamp": iso(event.ts or None),
    }
    if event.type == events.FILE_WRITTEN:
        payload.update(path=event.data.get("path"), size=event.data.get("size"))
    elif event.type == events.BUILD_COMPLETE:
        duration_ms = event.data.get("duration_ms")
        payload.update(
            duration_ms=duration_ms,
            version=event.data.get("version"),
            qa_score=event.data.get("qa_score"),
            usage=event.data.get("usage"),
            result={
                "status": "completed",
                "build_time": duration_ms / 1000 if duration_ms is not None else None,
                "version": event.data.get("version"),
                "qa_score": event.data.get("qa_score"),
            },
        )
    elif event.type == events.BUILD_FAILED:
        payload.update(reason=event.data.get("reason") or event.message)
    elif event.type == events.AGENT_MESSAGE:
        payload.update(agent_type=event.agent, status="working")
        if "plan_text" in event.data:
            payload.update(plan_text=event.data["plan_text"])
    return payload


def build_error(failed: dict) -> dict:
    """The original AutoWebIQ's name for a failure, sent just before `build_failed` (same event id)."""
    return {**failed, "type": "build_error", "error": failed["reason"]}


class _Sender:
    """Sends JSON on the socket, one message at a time (the stream and the pong replies share it)."""

    def __init__(self, websocket: WebSocket, project_id: str) -> None:
        self.websocket = websocket
        self.project_id = project_id
        self._lock = asyncio.Lock()

    async def send(self, payload: dict) -> None:
        async with self._lock:
            await self.websocket.send_json(payload)

    async def note(self, type: str, **fields) -> None:
        """A message that is not a build event (connection, pong, heartbeat)."""
        await self.send({"type": type, "project_id": self.project_id, "timestamp": iso(), **fields})


@router.websocket("/api/v2/ws/build/{project_id}")
async def build_socket(websocket: WebSocket, project_id: str):
    sent_id, project_id = project_id, canonical_id(project_id) or project_id
    if not _origin_allowed(websocket):
        await websocket.close(code=POLICY_VIOLATION, reason="origin not allowed")
        return
    user = await run_in_threadpool(resolve_user, websocket.query_params.get("token"))
    if user is None:
        await websocket.close(code=POLICY_VIOLATION, reason="sign in first: ?token=")
        return
    socket_id = uuid.uuid4().hex
    resume = websocket.query_params.get("last_event_id")
    try:
        feed = await BuildFeed.open(user_id=user.id, project_id=project_id, resume=resume, block_ms=BLOCK_MS)
    except (ProjectNotFound, BuildNotFound, redis.RedisError) as exc:
        await websocket.close(code=POLICY_VIOLATION, reason=_refusal(exc))
        return
    try:
        await run_in_threadpool(partial(throttle.open_socket, user_id=user.id, socket_id=socket_id))
    except (RateLimited, redis.RedisError) as exc:
        await feed.close()
        await websocket.close(code=POLICY_VIOLATION, reason=_refusal(exc))
        return
    await websocket.accept()
    sender = _Sender(websocket, sent_id)
    last_beat = time.monotonic()
    closed = asyncio.Event()
    watcher = asyncio.create_task(_watch_for_close(websocket, closed, sender))
    try:
        await sender.note("connection", status="connected", message="WebSocket connected successfully")
        async for update in feed.updates():
            if closed.is_set():
                break
            if update.reconnecting:
                # The client reconnects with its last event id and loses nothing.
                await websocket.close(code=TRY_AGAIN_LATER, reason="build events unavailable; reconnect")
                break
            for event in update.events:
                payload = message(update.build_id, event, project_id=sent_id)
                if event.type == events.BUILD_FAILED:
                    await sender.send(build_error(payload))
                await sender.send(payload)
            if time.monotonic() - last_beat >= HEARTBEAT_SECONDS:
                last_beat = time.monotonic()
                await sender.note(events.HEARTBEAT, ts=time.time())
                await run_in_threadpool(partial(throttle.renew_socket, user_id=user.id, socket_id=socket_id))
    except (WebSocketDisconnect, RuntimeError):
        pass
    except redis.RedisError:
        await websocket.close(code=TRY_AGAIN_LATER, reason="build events unavailable; reconnect")
    finally:
        watcher.cancel()
        # Before any await: a cancelled handler must still give its slot back (one bounded call).
        throttle.close_socket(user_id=user.id, socket_id=socket_id)
        await feed.close()


def _refusal(exc: Exception) -> str:
    if isinstance(exc, ProjectNotFound):
        return "project not found"
    if isinstance(exc, BuildNotFound):
        return "last_event_id is not from this project"
    if isinstance(exc, RateLimited):
        return "too many open sockets for this account"
    return "build events unavailable; try again"


async def _watch_for_close(websocket: WebSocket, closed: asyncio.Event, sender: _Sender) -> None:
    """Read what the client sends, so its close frame is noticed at once; answer the text
    `ping` with a `pong` (the original AutoWebIQ's keep-alive) and ignore anything else."""
    try:
        while (received := await websocket.receive())["type"] != "websocket.disconnect":
            if received.get("text") == "ping":
                await sender.note("pong")
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        closed.set()
