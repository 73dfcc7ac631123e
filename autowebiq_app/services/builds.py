"""Build lifecycle: start (reserve + row + enqueue), run state, complete, fail, sweep."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from autowebiq_app import events
from autowebiq_app.catalog.service import engine_catalog
from autowebiq_app.core import redis_client
from autowebiq_app.core.config import get_settings
from autowebiq_app.db_types import utcnow
from autowebiq_app.engine import edits
from autowebiq_app.errors import (
    BuildInProgress,
    BuildNotFound,
    Conflict,
    EditNotUnderstood,
    NoBuildWorkers,
    ProjectNotFound,
    PromptTooLong,
    QueueUnavailable,
    RateLimited,
    ValidationFailed,
)
from autowebiq_app.models import ACTIVE_STATUSES, Build, BuildKind, BuildStatus, Project, ProjectVersion
from autowebiq_app.services import build_drafts, build_queue, credits, projects, versions
from autowebiq_app.text_input import reject_control_characters

logger = logging.getLogger(__name__)

Enqueue = Callable[[str], str]
"""Sends the build's job to the workers and returns the task id."""
QueueReady = Callable[[], bool]
"""Whether a live worker would pick the job up."""


def clean_prompt(prompt: str) -> str:
    """The prompt trimmed, or a clear error if it is empty or too long."""
    prompt = reject_control_characters(prompt or "", field="prompt", multiline=True).strip()
    if not prompt:
        raise ValidationFailed("Describe the website you want to build.")
    limit = get_settings().max_prompt_chars
    if len(prompt) > limit:
        raise PromptTooLong(f"Keep the prompt under {limit} characters (it has {len(prompt)}).")
    return prompt


def start_build(
    *,
    session: Session,
    user_id: str,
    project_id: str,
    prompt: str,
    enqueue: Enqueue | None = None,
    queue_ready: QueueReady | None = None,
    request_key: str | None = None,
) -> Build:
    """Reserve credits and queue a build; returns at once with the queued build (see `start_or_replay`)."""
    build, _replayed = start_or_replay(
        session=session,
        user_id=user_id,
        project_id=project_id,
        prompt=prompt,
        enqueue=enqueue,
        queue_ready=queue_ready,
        request_key=request_key,
    )
    return build


def start_or_replay(
    *,
    session: Session,
    user_id: str,
    project_id: str,
    prompt: str,
    enqueue: Enqueue | None = None,
    queue_ready: QueueReady | None = None,
    request_key: str | None = None,
) -> tuple[Build, bool]:
    """Reserve credits and queue a build; returns at once with the queued build and False.

    Reservation, build row, ledger entry and chat message commit in one transaction;
    the job is sent only after that commit. A user's build starts are serialised by a
    lock on their row, so the in-flight count and the insert are one step, and of
    concurrent requests with one `request_key` the first starts the build and the others
    get it back (with True) once it is committed.

    The job goes to the registered build queue (`build_queue`), which also says whether a
    worker is alive, unless `enqueue` (and `queue_ready`) are given.

    Raises:
        NoBuildWorkers: `queue_ready` says no worker is alive; nothing was written.
        QueueUnavailable: sending failed; the build was failed and refunded.
    """
    prompt = clean_prompt(prompt)
    if enqueue is None:
        queue = build_queue.registered()
        enqueue, queue_ready = queue.send, queue_ready or queue.ready
    target = _target(session=session, user_id=user_id, project_id=project_id)
    if target.building and not request_key:  # (a replay's own build may be the one running)
        raise BuildInProgress("A build is already running for this project. Wait for it to finish.")
    kind, base_version = request_kind(session=session, project_id=project_id, message=prompt, latest=target.latest)
    settings = get_settings()
    build = Build(
        project_id=project_id,
        user_id=user_id,
        prompt=prompt,
        kind=kind,
        base_version=base_version,
        cost=settings.edit_cost if kind == BuildKind.EDIT else settings.build_cost,
        request_key=request_key,
    )
    # The task id clients poll is the build's own id, known before the commit: no second
    # transaction to record the job's id once it is sent.
    build.task_id = build.id
    try:
        # The debit comes first and locks the user's row: this user's build starts are one at a
        # time from here, and what is read below is read after the lock (a concurrent start or
        # a deletion of the project, which takes the lock too, is seen). Every refusal below
        # rolls the debit back.
        balance_after = credits.take(session=session, user_id=user_id, cost=build.cost)
        if request_key:
            earlier = session.exec(
                select(Build).where(Build.user_id == user_id, Build.request_key == request_key)
            ).first()
            if earlier is not None:
                session.rollback()
                return earlier, True
        if queue_ready is not None and not queue_ready():
            raise NoBuildWorkers()
        in_project, in_flight, live = _locked_counts(session=session, user_id=user_id, project_id=project_id)
        if not live:
            raise ProjectNotFound()
        if in_project:
            raise BuildInProgress("A build is already running for this project. Wait for it to finish.")
        limit = settings.max_builds_in_flight
        if in_flight >= limit:
            raise RateLimited(f"You already have {limit} builds in progress. Wait for one to finish.")
        if balance_after is None:
            raise credits.insufficient(session=session, user_id=user_id, cost=build.cost)
        session.add(build)
        credits.record_reservation(
            session=session, user_id=user_id, build_id=build.id, cost=build.cost, balance_after=balance_after
        )
        projects.add_message(session=session, project_id=project_id, role="user", content=prompt, build_id=build.id)
        projects.touch(session=session, project_id=project_id)
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise BuildInProgress("A build is already running for this project. Wait for it to finish.") from exc
    except BaseException:
        session.rollback()
        raise
    redis_client.optional(lambda: events.announce_build(project_id, build.id), default=None, what="build announcements")
    try:
        enqueue(build.id)
    except Exception as exc:
        logger.exception("could not enqueue build %s", build.id)
        unavailable = QueueUnavailable()
        fail_build(session=session, build_id=build.id, reason=unavailable.message)
        raise unavailable from exc
    return build, False


@dataclass(frozen=True)
class _Target:
    """What a build request reads of its project before anything is locked."""

    building: bool
    """A build of the project is queued or running."""
    latest: tuple[int, str | None] | None
    """The latest version's number and its plan's format (None before the first version)."""


def _target(*, session: Session, user_id: str, project_id: str) -> _Target:
    """The user's live project's active builds and latest version, in one query; ProjectNotFound
    for anyone else's."""
    row = session.execute(_TARGET, {"user_id": user_id, "project_id": project_id}).first()
    if row is None:
        raise ProjectNotFound()
    return _Target(building=row[0] > 0, latest=(row[1], row[2]) if row[1] is not None else None)


def _locked_counts(*, session: Session, user_id: str, project_id: str) -> tuple[int, int, bool]:
    """(the project's queued or running builds, the user's, whether the project is still
    there), in one query: read after the user's row lock, so no concurrent start is missed."""
    row = session.execute(_LOCKED_COUNTS, {"user_id": user_id, "project_id": project_id}).one()
    return row[0], row[1], bool(row[2])


def _is_active():
    """Queued or running, the values written into the SQL: as a bound parameter they would keep
    PostgreSQL from the partial indexes of active builds once the statement is prepared."""
    statuses = bindparam("active", [status.value for status in ACTIVE_STATUSES], expanding=True, literal_execute=True)
    return col(Build.status).in_(statuses)


def _target_query():
    active = select(func.count()).select_from(Build).where(Build.project_id == Project.id, _is_active())
    active = active.scalar_subquery()
    newest = select(ProjectVersion).where(ProjectVersion.project_id == Project.id).order_by(
        col(ProjectVersion.number).desc()
    )
    number = newest.with_only_columns(ProjectVersion.number).limit(1).scalar_subquery()
    plan_format = newest.with_only_columns(ProjectVersion.plan["format"].as_string()).limit(1).scalar_subquery()
    return select(active, number, plan_format).where(
        Project.id == bindparam("project_id"),
        Project.user_id == bindparam("user_id"),
        col(Project.archived_at).is_(None),
    )


def _locked_counts_query():
    in_project = func.count().filter(Build.project_id == bindparam("project_id"))
    counts = (
        select(in_project, func.count())
        .where(Build.user_id == bindparam("user_id"), _is_active())  # ix_builds_user_active
        .subquery()
    )
    live = select(Project.id).where(Project.id == bindparam("project_id"), col(Project.archived_at).is_(None))
    return select(counts, live.exists())


# Built once: every build request runs them, and building one costs about as much as running it.
_TARGET = _target_query()
_LOCKED_COUNTS = _locked_counts_query()


def request_kind(
    *, session: Session, project_id: str, message: str, latest: tuple[int, str | None] | None
) -> tuple[BuildKind, int | None]:
    """Whether `message` builds a new site or edits the latest version (`latest`: its number
    and its plan's format), and which.

    A project with a version takes chat edits; a message that is neither an edit the
    rules understand nor a new site goes to the model when one is configured, and is
    otherwise answered in the chat, free, with what it can do.
    Commits that answer before raising `EditNotUnderstood`.
    """
    if latest is None or str(latest[1]) != "2" or edits.is_new_site(message):
        return BuildKind.BUILD, None
    if edits.read_edit(message, list(engine_catalog().templates.values())) or get_settings().llm_provider != "offline":
        # What the rules do not understand, a configured model edits as a patch of the plan.
        return BuildKind.EDIT, latest[0]
    projects.add_message(session=session, project_id=project_id, role="user", content=message)
    projects.add_message(session=session, project_id=project_id, role="assistant", content=edits.HELP)
    session.commit()
    raise EditNotUnderstood(edits.HELP)


def get_build(*, session: Session, user_id: str, build_id: str) -> Build:
    build = session.exec(select(Build).where(Build.id == build_id, Build.user_id == user_id)).first()
    if build is None:
        raise BuildNotFound()
    return build


def project_build(*, session: Session, user_id: str, project_id: str, build_id: str) -> Build:
    """A build of this user's project; any other build (another project's, another user's) is not found."""
    build = session.exec(
        select(Build).where(Build.id == build_id, Build.project_id == project_id, Build.user_id == user_id)
    ).first()
    if build is None:
        raise BuildNotFound()
    return build


def for_task(*, session: Session, user_id: str, project_id: str, task_id: str) -> Build:
    """The user's build of this project with this task id (or build id: the original's
    clients name builds by either); BuildNotFound for anything else."""
    build = session.exec(
        select(Build).where(
            Build.user_id == user_id,
            Build.project_id == project_id,
            (col(Build.task_id) == task_id) | (col(Build.id) == task_id),
        )
    ).first()
    if build is None:
        raise BuildNotFound()
    return build


def task_result(
    *, session: Session, user_id: str, project_id: str, task_id: str
) -> tuple[Build, ProjectVersion | None]:
    """The user's build named by task id (as `for_task`) and the version it made, if any."""
    build = for_task(session=session, user_id=user_id, project_id=project_id, task_id=task_id)
    if build.version_number is None:
        return build, None
    return build, versions.get_version(session=session, project_id=build.project_id, number=build.version_number)


def active_build(*, session: Session, project_id: str) -> Build | None:
    active = col(Build.status).in_(ACTIVE_STATUSES)
    return session.exec(select(Build).where(Build.project_id == project_id, active)).first()


def active_builds_count(*, session: Session, user_id: str) -> int:
    return session.exec(
        select(func.count()).select_from(Build).where(Build.user_id == user_id, col(Build.status).in_(ACTIVE_STATUSES))
    ).one()


def latest_build(*, session: Session, user_id: str, project_id: str) -> Build | None:
    """The newest build of the user's project (None before the first, or for anyone else's)."""
    return session.exec(
        select(Build)
        .where(Build.project_id == project_id, Build.user_id == user_id)
        .order_by(col(Build.created_at).desc(), col(Build.id).desc())
    ).first()


def mark_running(*, session: Session, build_id: str) -> Build | None:
    """Claim a build for a worker; None if it already finished (a redelivered job). Commits."""
    now = utcnow()
    result = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.status).in_(ACTIVE_STATUSES))
        .values(
            status=BuildStatus.RUNNING,
            started_at=func.coalesce(Build.started_at, now),
            heartbeat_at=now,
            attempts=Build.attempts + 1,
        )
    )
    session.commit()
    if result.rowcount != 1:
        return None
    return session.get(Build, build_id, populate_existing=True)


def record_progress(*, session: Session, build_id: str, progress: int) -> bool:
    """Store progress and prove the worker is alive; False if the build is no longer running. Commits."""
    result = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.status) == BuildStatus.RUNNING)
        .values(progress=max(0, min(100, progress)), heartbeat_at=utcnow())
    )
    session.commit()
    return result.rowcount == 1


def complete_build(
    *,
    session: Session,
    build_id: str,
    files: dict[str, str],
    plan: dict,
    qa_report: dict,
    summary: str,
    agent_ms: dict | None = None,
) -> ProjectVersion | None:
    """Store the build's result as the project's next version and settle the charge.

    Safe to repeat: a build that already succeeded returns its version. A build that was
    failed meanwhile (swept, refunded) stores nothing and returns None. Commits.
    """
    build = session.exec(select(Build).where(Build.id == build_id).with_for_update()).one()
    if build.status == BuildStatus.SUCCEEDED:
        return session.exec(select(ProjectVersion).where(ProjectVersion.build_id == build_id)).one()
    if build.status == BuildStatus.FAILED:
        session.rollback()
        return None
    version = versions.create_version(
        session=session,
        project_id=build.project_id,
        build_id=build.id,
        files=files,
        plan=plan,
        prompt=build.prompt,
        qa_report=qa_report,
    )
    build.status = BuildStatus.SUCCEEDED
    build.progress = 100
    build.version_number = version.number
    build.finished_at = utcnow()
    build.agent_ms = agent_ms
    session.add(build)
    build_drafts.discard(session=session, build_id=build.id)
    session.flush()
    credits.settle_build(session=session, build_id=build.id)
    projects.add_message(
        session=session, project_id=build.project_id, role="assistant", content=summary, build_id=build.id
    )
    projects.touch(session=session, project_id=build.project_id)
    session.commit()
    return version


UNCHANGED = "The change left every file as it was, so there is no new version; nothing was charged."


def complete_unchanged(*, session: Session, build_id: str, summary: str) -> int | None:
    """An edit that changed no file: the build succeeds on the version it was asked on, its
    credits come back and the chat says so; returns that version's number. A build failed
    meanwhile gets None; one already completed, its version. Commits."""
    build = session.exec(select(Build).where(Build.id == build_id).with_for_update()).one()
    if build.status == BuildStatus.SUCCEEDED:
        return build.version_number
    if build.status == BuildStatus.FAILED:
        session.rollback()
        return None
    build.status, build.progress, build.finished_at = BuildStatus.SUCCEEDED, 100, utcnow()
    build.version_number = build.base_version
    session.add(build)
    build_drafts.discard(session=session, build_id=build.id)
    session.flush()
    credits.refund_build(session=session, build_id=build.id, reason="the change left every file as it was")
    projects.add_message(
        session=session,
        project_id=build.project_id,
        role="assistant",
        content=f"{summary} {UNCHANGED}",
        build_id=build.id,
    )
    projects.touch(session=session, project_id=build.project_id)
    session.commit()
    return build.version_number


def fail_build(*, session: Session, build_id: str, reason: str) -> bool:
    """Fail an unfinished build and refund it (exactly once). Commits.

    Returns:
        True if this call failed the build; False if it had already finished.
    """
    result = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.status).in_(ACTIVE_STATUSES))
        .values(status=BuildStatus.FAILED, error=reason, finished_at=utcnow())
        .returning(Build.project_id)
    ).first()
    if result is None:
        session.rollback()
        return False
    credits.refund_build(session=session, build_id=build_id, reason=reason)
    build_drafts.discard(session=session, build_id=build_id)
    projects.add_message(
        session=session,
        project_id=result[0],
        role="assistant",
        content=f"The build failed: {reason} Your credits were refunded.",
        build_id=build_id,
    )
    session.commit()
    return True


CANCELLED = "Cancelled before it finished."


def cancel_build(*, session: Session, user_id: str, build_id: str) -> Build:
    """Stop a queued or running build and refund it, and tell its readers; a finished build
    is a Conflict. Commits."""
    build = get_build(session=session, user_id=user_id, build_id=build_id)
    if not fail_build(session=session, build_id=build.id, reason=CANCELLED):
        raise Conflict("This build has already finished.")
    redis_client.optional(
        lambda: events.append(
            build.id, events.BUILD_FAILED, agent="system", message=CANCELLED, data={"reason": CANCELLED}
        ),
        default=None,
        what="the build's cancellation",
    )
    session.refresh(build)
    return build


def stale_builds(*, session: Session, now: datetime | None = None) -> list[Build]:
    """Queued/running builds silent for longer than BUILD_STALE_SECONDS (a queued build's
    heartbeat is its creation, or its last re-send)."""
    cutoff = (now or utcnow()) - timedelta(seconds=get_settings().build_stale_seconds)
    return list(session.exec(select(Build).where(col(Build.status).in_(ACTIVE_STATUSES), Build.heartbeat_at < cutoff)))


def claim_requeue(*, session: Session, build_id: str) -> bool:
    """Mark a queued build as sent once more (at most once per build). Commits."""
    now = utcnow()
    result = session.execute(
        update(Build)
        .where(col(Build.id) == build_id, col(Build.status) == BuildStatus.QUEUED, col(Build.requeued_at).is_(None))
        .values(requeued_at=now, heartbeat_at=now)
    )
    session.commit()
    return result.rowcount == 1
