"""What the operations monitor shows: live workers, queue depths, active builds, and recent
builds with their success rate and duration percentiles per kind and per agent."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import redis
from sqlmodel import Session, col, func, select

from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import BuildNotFound, Conflict
from autowebiq_app.models import Build, BuildKind, BuildStatus, User
from autowebiq_app.services import agent_timings, builds, queue_stats, roles, worker_heartbeats

logger = logging.getLogger(__name__)

WINDOW = timedelta(hours=24)
"""Rates and run-time percentiles are over builds that finished this recently."""


@dataclass(frozen=True)
class WorkerRow:
    worker: str
    up_seconds: float
    beat_seconds_ago: float
    processed: int
    doing: str
    """"idle", or what it is running and for how long."""


@dataclass(frozen=True)
class BuildRow:
    id: str
    kind: str
    status: str
    user: str
    created_at: datetime
    seconds: float | None
    """Queued to finished for a finished build, else since it was queued."""
    error: str


@dataclass(frozen=True)
class KindFigures:
    kind: str
    finished: int
    succeeded: int
    failed: int
    p50_seconds: float | None
    p95_seconds: float | None

    @property
    def success_rate(self) -> float | None:
        return self.succeeded / self.finished if self.finished else None


@dataclass(frozen=True)
class AgentFigures:
    agent: str
    builds: int
    """Succeeded builds in the window that recorded this agent's time."""
    p50_seconds: float | None
    p95_seconds: float | None


@dataclass(frozen=True)
class HourCount:
    hour: datetime
    """The start of the hour (UTC)."""
    succeeded: int
    failed: int


@dataclass
class Snapshot:
    workers: list[WorkerRow] = field(default_factory=list)
    queues: list[queue_stats.QueueDepth] = field(default_factory=list)
    broker_error: str = ""
    active: list[BuildRow] = field(default_factory=list)
    recent: list[BuildRow] = field(default_factory=list)
    figures: list[KindFigures] = field(default_factory=list)
    agents: list[AgentFigures] = field(default_factory=list)
    hours: list[HourCount] = field(default_factory=list)
    """Builds finished in each of the last 24 hours, oldest first."""


def snapshot(
    *, session: Session, status: str | None = None, kind: str | None = None, user: str = "", recent: int = 25
) -> Snapshot:
    """Everything the monitor shows, now. `status` (succeeded or failed), `kind` (build or
    edit) and `user` (part of an email) filter the recent builds; an unreachable broker
    leaves workers and queues empty and says so."""
    result = Snapshot()
    try:
        result.workers = [_worker_row(state) for state in worker_heartbeats.live_worker_states()]
        result.queues = queue_stats.queue_depths()
    except redis.RedisError as exc:
        logger.warning("monitor: the broker is unreachable: %r", exc)
        result.broker_error = "The broker's Redis is unreachable: workers and queues are unknown."
    now = utcnow()
    active = session.exec(
        select(Build, User.email)
        .join(User, col(User.id) == Build.user_id)
        .where(col(Build.status).in_([BuildStatus.QUEUED, BuildStatus.RUNNING]))
        .order_by(col(Build.created_at))
        .limit(100)
    ).all()
    result.active = [_build_row(build, email, now) for build, email in active]
    finished = [BuildStatus.SUCCEEDED, BuildStatus.FAILED]
    shown = [status] if status in finished else finished
    query = (
        select(Build, User.email)
        .join(User, col(User.id) == Build.user_id)
        .where(col(Build.status).in_(shown), col(Build.finished_at).is_not(None))
    )
    if kind in (BuildKind.BUILD, BuildKind.EDIT):
        query = query.where(Build.kind == kind)
    if user.strip():
        pattern = "%" + user.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(func.lower(User.email).like(pattern, escape="\\"))
    rows = session.exec(query.order_by(col(Build.finished_at).desc()).limit(recent)).all()
    result.recent = [_build_row(build, email, now) for build, email in rows]
    window = session.exec(
        select(Build.kind, Build.status, Build.created_at, Build.started_at, Build.finished_at).where(
            col(Build.status).in_(finished), col(Build.finished_at) >= now - WINDOW
        )
    ).all()
    result.figures = _figures(window)
    result.hours = _per_hour(window, now)
    timed = session.exec(
        select(Build.agent_ms).where(col(Build.status) == BuildStatus.SUCCEEDED, col(Build.finished_at) >= now - WINDOW)
    ).all()
    result.agents = _agent_figures([ms for ms in timed if ms])  # builds from before timings were kept have none
    return result


def cancel(*, session: Session, admin_id: str | None, build_id: str) -> Build:
    """An admin stops anyone's queued or running build; it is refunded to its owner as if they
    had cancelled it. Anyone else gets BuildNotFound; a finished build is a Conflict."""
    build = session.get(Build, build_id)
    if build is None or not roles.is_admin(session=session, user_id=admin_id):
        raise BuildNotFound()
    return builds.cancel_build(session=session, user_id=build.user_id, build_id=build.id)


RETRY_KEY = "retry:{build_id}"
"""The request key of a failed build's retry: one retry per failed build, whoever clicks."""


def retry(*, session: Session, admin_id: str | None, build_id: str, enqueue=None) -> Build:
    """An admin runs a failed build again, as its owner would by sending its prompt again: a
    new build of the same project, charged to the owner at today's price (the failed build
    was refunded, so the owner pays once for what they get). Retrying the same failed build
    twice (a double click) gives back the first retry.

    Raises BuildNotFound for anyone but an admin; Conflict when the build did not fail or a
    later build of its project has started since (its prompt would undo that build's work);
    and what `builds.start_or_replay` raises (the owner is out of credits, no worker is alive).
    """
    build = session.get(Build, build_id)
    if build is None or not roles.is_admin(session=session, user_id=admin_id):
        raise BuildNotFound()
    if build.status != BuildStatus.FAILED:
        raise Conflict("Only a failed build can be retried.")
    retry_key = RETRY_KEY.format(build_id=build.id)
    later = session.exec(
        select(Build.id).where(
            Build.project_id == build.project_id,
            col(Build.created_at) > build.created_at,
            col(Build.request_key).is_distinct_from(retry_key),
        )
    ).first()
    if later is not None:
        raise Conflict("Another build of this project has started since; only the project's latest build is retried.")
    again, _replayed = builds.start_or_replay(
        session=session,
        user_id=build.user_id,
        project_id=build.project_id,
        prompt=build.prompt,
        enqueue=enqueue,
        request_key=retry_key,
    )
    return again


def percentile(values: list[float], share: float) -> float | None:
    """The nearest-rank percentile (`share` in 0..1) of `values`; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil(n * share), at least the first
    return ordered[int(rank) - 1]


def _figures(rows) -> list[KindFigures]:
    by_kind: dict[str, list] = {}
    for kind, status, created_at, started_at, finished_at in rows:
        # Run time, as the limits count it; a build failed before it started counts from queued.
        by_kind.setdefault(kind, []).append((status, (finished_at - (started_at or created_at)).total_seconds()))
    figures = []
    for kind in sorted(by_kind):
        entries = by_kind[kind]
        durations = [seconds for _, seconds in entries]
        succeeded = sum(1 for status, _ in entries if status == BuildStatus.SUCCEEDED)
        figures.append(
            KindFigures(
                kind=kind,
                finished=len(entries),
                succeeded=succeeded,
                failed=len(entries) - succeeded,
                p50_seconds=percentile(durations, 0.5),
                p95_seconds=percentile(durations, 0.95),
            )
        )
    return figures


def _agent_figures(timings: list[dict]) -> list[AgentFigures]:
    """p50/p95 of each agent's time over the builds that recorded it, in the agents' order."""
    figures = []
    for agent in agent_timings.AGENTS:
        seconds = [ms[agent] / 1000 for ms in timings if agent in ms]
        if seconds:
            figures.append(
                AgentFigures(
                    agent=agent,
                    builds=len(seconds),
                    p50_seconds=percentile(seconds, 0.5),
                    p95_seconds=percentile(seconds, 0.95),
                )
            )
    return figures


def _per_hour(rows, now: datetime) -> list[HourCount]:
    current = now.replace(minute=0, second=0, microsecond=0)
    hours = int(WINDOW / timedelta(hours=1))
    counts = {current - timedelta(hours=n): [0, 0] for n in range(hours)}
    for _, status, _, _, finished_at in rows:
        bucket = counts.get(finished_at.replace(minute=0, second=0, microsecond=0))
        if bucket is not None:
            bucket[0 if status == BuildStatus.SUCCEEDED else 1] += 1
    return [HourCount(hour, *counts[hour]) for hour in sorted(counts)]


def _worker_row(state: worker_heartbeats.WorkerState) -> WorkerRow:
    now = time.time()
    doing = "; ".join(f"{task.actor} for {now - task.started:.0f} s" for task in state.active)
    return WorkerRow(
        worker=state.worker,
        up_seconds=now - state.started,
        beat_seconds_ago=max(0.0, now - state.last_beat),
        processed=state.processed,
        doing=doing or "idle",
    )


def _build_row(build: Build, email: str | None, now: datetime) -> BuildRow:
    end = build.finished_at or now
    return BuildRow(
        id=build.id,
        kind=build.kind,
        status=build.status,
        user=email or "",
        created_at=build.created_at,
        seconds=(end - build.created_at).total_seconds(),
        error=build.error or "",
    )
