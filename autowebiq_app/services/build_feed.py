"""A project's build events for one user, in order: the one reader behind the workspace page
and the build WebSocket, which only turn its updates into state or messages.

`BuildFeed.open` checks that the project is the user's and that a resume point
("{build_id}:{stream_id}") names a build of that project, and notes where the project's
build announcements stand. `updates()` then yields the events after the resume point (else
those of the running or latest build) and, with `follow_next`, those of each build started
on the project afterwards, as it is announced (no polling of the database).

A build ends for its reader on its terminal event. A finished build whose stream expired
(or whose terminal event never came: its worker died between storing the result and
saying so) ends with its outcome read from the database. While Redis cannot be reached,
updates say `reconnecting` (with that outcome once the build has ended) and reading
resumes after the last event seen, with back-off.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta

import redis
from sqlmodel import col, select

from autowebiq_app import events
from autowebiq_app.core.db import session_scope
from autowebiq_app.core.redis_client import new_async_redis
from autowebiq_app.db_types import utcnow
from autowebiq_app.models import Build, BuildStatus
from autowebiq_app.services import builds, projects

FINAL_GRACE = timedelta(seconds=3)
"""A build finished this long ago whose terminal event has not come will not send it."""


@dataclass(frozen=True)
class FeedUpdate:
    build_id: str | None
    """The build the events are of; None while waiting for the project's next build."""
    events: list[events.BuildEvent] = field(default_factory=list)
    reconnecting: bool = False


def parse_resume(last_event_id: str | None) -> tuple[str | None, str]:
    """("build id", "stream id") of a resume point; (None, "0") when there is none."""
    if not last_event_id or ":" not in last_event_id:
        return None, "0"
    build_id, stream_id = last_event_id.split(":", 1)
    return build_id, stream_id or "0"


class BuildFeed:
    def __init__(
        self, *, project_id: str, queue: list[str], after: str, announced: str, client, block_ms: int, follow_next: bool
    ) -> None:
        self.project_id = project_id
        self.follow_next = follow_next
        self._queue = queue
        self._seen = set(queue)
        self._after = after
        self._announced = announced
        self._block_ms = block_ms
        self._client = client

    @classmethod
    async def open(
        cls, *, user_id: str, project_id: str, resume: str | None = None, block_ms: int = 1000, follow_next: bool = True
    ) -> BuildFeed:
        """The feed of `project_id` for `user_id`. Raises ProjectNotFound (not theirs),
        BuildNotFound (a resume point not of this project) or, with `follow_next`, a RedisError
        (without it, opening reads only the database: Redis may be down and come back)."""
        resume_build, after = parse_resume(resume)
        client = new_async_redis(block_ms=block_ms)
        try:
            # Builds announced after this mark are followed; earlier ones come from the database.
            announced = await events.latest_announcement(client, project_id) if follow_next else ""
            queue = await asyncio.to_thread(builds_to_stream, user_id, project_id, resume_build)
        except BaseException:
            await client.aclose()
            raise
        return cls(
            project_id=project_id,
            queue=queue,
            after=after,
            announced=announced,
            client=client,
            block_ms=block_ms,
            follow_next=follow_next,
        )

    async def close(self) -> None:
        await self._client.aclose()

    async def updates(
        self, *, max_seconds: float | None = None, backoff: tuple[float, float] = (0.5, 5.0)
    ) -> AsyncIterator[FeedUpdate]:
        """Updates until the last build ends (with `follow_next`, for as long as the reader
        reads), at least one every block, at most `max_seconds`."""
        follow_next = self.follow_next
        first_delay, max_delay = backoff
        delay = first_delay
        deadline = None if max_seconds is None else time.monotonic() + max_seconds
        current: str | None = None
        while deadline is None or time.monotonic() < deadline:
            if current is None and self._queue:
                current = self._queue.pop(0)
            if current is None and not follow_next:
                return
            try:
                if current is None:
                    await self._wait_for_next_build()
                    yield FeedUpdate(None)
                    continue
                batch = await events.aread(self._client, current, after=self._after, block_ms=self._block_ms)
                reconnecting = False
            except redis.RedisError:
                await self._client.aclose()
                self._client = new_async_redis(block_ms=self._block_ms)
                batch = await asyncio.to_thread(final_from_database, current, stream_readable=False) if current else []
                reconnecting = True
            if not batch and not reconnecting:
                batch = await asyncio.to_thread(final_from_database, current)
            batch = _through_terminal(batch)
            if batch and not reconnecting:
                self._after = batch[-1].id
            yield FeedUpdate(current, batch, reconnecting=reconnecting)
            if batch and batch[-1].terminal:
                current, self._after = None, "0"
            if reconnecting:
                await asyncio.sleep(delay)
                delay = min(max_delay, delay * 2)
            else:
                delay = first_delay

    async def _wait_for_next_build(self) -> None:
        started, self._announced = await events.next_builds(
            self._client, self.project_id, after=self._announced, block_ms=self._block_ms
        )
        self._queue.extend(b for b in started if b not in self._seen)
        self._seen.update(started)


def _through_terminal(batch: list[events.BuildEvent]) -> list[events.BuildEvent]:
    for index, event in enumerate(batch):
        if event.terminal:
            return batch[: index + 1]
    return batch


def builds_to_stream(user_id: str, project_id: str, resume_build: str | None) -> list[str]:
    """The resumed build and those started after it, else the project's running (or latest)
    build; raises ProjectNotFound/BuildNotFound for what is not the user's."""
    with session_scope() as session:
        projects.get_project(session=session, user_id=user_id, project_id=project_id)
        if resume_build is not None:
            builds.project_build(session=session, user_id=user_id, project_id=project_id, build_id=resume_build)
        query = select(Build).where(Build.project_id == project_id).order_by(col(Build.created_at), col(Build.id))
        rows = list(session.exec(query))
    if resume_build is None:
        running = [b for b in rows if b.status in (BuildStatus.QUEUED, BuildStatus.RUNNING)]
        return [b.id for b in running[:1] or rows[-1:]]
    ids = [b.id for b in rows]
    return ids[ids.index(resume_build) :]


def _stream_exists(build_id: str) -> bool:
    try:
        return events.stream_exists(build_id)
    except redis.RedisError:
        return False


def final_from_database(build_id: str, *, stream_readable: bool = True) -> list[events.BuildEvent]:
    """A finished build's outcome as its terminal event, when its stream will not give it:
    the stream expired, cannot be read now, or the build finished a while ago without it."""
    with session_scope() as session:
        build = session.get(Build, build_id)
    if build is None or not BuildStatus(build.status).finished:
        return []
    if stream_readable and _stream_exists(build_id):
        finished_at = build.finished_at or utcnow()
        if utcnow() - finished_at < FINAL_GRACE:
            return []
    if build.status == BuildStatus.SUCCEEDED:
        return [
            events.BuildEvent(
                id="final",
                type=events.BUILD_COMPLETE,
                agent="system",
                message="Build complete",
                progress=100,
                data={"version": build.version_number},
            )
        ]
    return [
        events.BuildEvent(
            id="final",
            type=events.BUILD_FAILED,
            agent="system",
            message=build.error or "",
            data={"reason": build.error},
        )
    ]
