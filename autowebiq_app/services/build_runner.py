"""Runs one build for a worker: claim it, run the engine, store the version or fail and refund.

Every step goes to the build's event stream. Safe to run twice for one build (Dramatiq
delivers at least once): a finished build is left alone.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from sqlmodel import col, select

from autowebiq_app import events, metrics
from autowebiq_app.catalog.service import engine_catalog
from autowebiq_app.config import get_settings
from autowebiq_app.db import session_scope
from autowebiq_app.db_types import utcnow
from autowebiq_app.engine import browser
from autowebiq_app.engine.pipeline import BuildOutput, EngineError, build_site, edit_site
from autowebiq_app.engine.plan import SitePlan
from autowebiq_app.engine.providers import planner_for
from autowebiq_app.models import Build, BuildKind, BuildStatus, Project
from autowebiq_app.services import builds, projects, usage, versions, worker_heartbeats

logger = logging.getLogger(__name__)

HEARTBEAT_EVERY_SECONDS = 2.0
INTERNAL_ERROR = "Something went wrong on our side while building."
RESUMED = "Its builder was lost; another one is continuing the build."


class BuildStopped(Exception):
    """The build was cancelled or swept while it ran; stop working on it."""


class StreamReporter:
    """Writes agent steps to the event stream and, at most every few seconds, the DB heartbeat.

    Progress never goes below `floor` (what an earlier attempt of a redelivered build reached),
    so readers never see it go backwards.
    """

    def __init__(self, build_id: str, *, floor: int = 0) -> None:
        self.build_id = build_id
        self.floor = floor
        self._last_beat = time.monotonic()

    def agent(self, agent: str, message: str, progress: int) -> None:
        progress = max(self.floor, progress)
        events.append(self.build_id, events.AGENT_MESSAGE, agent=agent, message=message, progress=progress)
        self._beat(progress)

    def file_written(self, path: str, size: int, progress: int) -> None:
        progress = max(self.floor, progress)
        events.append(
            self.build_id,
            events.FILE_WRITTEN,
            agent="frontend",
            message=f"Wrote {path}",
            progress=progress,
            data={"path": path, "size": size},
        )
        self._beat(progress)

    def plan_text(self, text: str, progress: int) -> None:
        progress = max(self.floor, progress)
        events.append(
            self.build_id,
            events.AGENT_MESSAGE,
            agent="planner",
            message=f"Model: {text[-160:]}",
            progress=progress,
            data={"plan_text": text},
        )
        self._beat(progress)

    def _beat(self, progress: int) -> None:
        now = time.monotonic()
        if now - self._last_beat >= HEARTBEAT_EVERY_SECONDS:
            self._last_beat = now
            with session_scope() as session:
                if not builds.record_progress(session=session, build_id=self.build_id, progress=progress):
                    raise BuildStopped(self.build_id)


def run_build(build_id: str) -> None:
    """Run the build `build_id` to completion or to a refunded failure."""
    with session_scope() as session:
        build = builds.mark_running(session=session, build_id=build_id)
    if build is None:
        logger.info("build %s already finished; nothing to do", build_id)
        return
    started = time.monotonic()
    floor = events.last_progress(build_id)
    if floor is None:
        floor = 0
        events.append(build_id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
    else:
        # A redelivery (its worker was lost): continue the stream, never restart it.
        events.append(build_id, events.AGENT_MESSAGE, agent="system", message=RESUMED, progress=floor)
    reporter = StreamReporter(build_id, floor=floor)
    planner = None
    try:
        try:
            planner = project_planner(build, reporter)
            output = run_engine(build, reporter, planner)
        finally:
            # Whatever happened next, the tokens the model used are recorded first.
            with session_scope() as session:
                used = usage.record(session=session, build_id=build_id, used=usage.of_planner(planner))
    except BuildStopped:
        logger.info("build %s stopped while running (cancelled or swept)", build_id)
        return
    except EngineError as exc:
        fail(build_id, str(exc))
        return
    except Exception:
        logger.exception("build %s crashed", build_id)
        fail(build_id, INTERNAL_ERROR)
        return
    with session_scope() as session:
        version = builds.complete_build(
            session=session,
            build_id=build_id,
            files=output.files,
            plan=output.plan.model_dump(mode="json"),
            qa_report=output.qa_report,
            summary=output.summary,
        )
    if version is None:
        logger.warning("build %s was failed while running; its result was discarded", build_id)
        return
    events.append(
        build_id,
        events.BUILD_COMPLETE,
        agent="system",
        message=output.summary,
        progress=100,
        data={
            "version": version.number,
            "qa_score": version.qa_score,
            "duration_ms": round((time.monotonic() - started) * 1000),
            "files": len(output.files),
            "usage": used,
        },
    )


def project_planner(build: Build, reporter: StreamReporter):
    """The planner on the build's project's model; a model no longer offered falls back to
    the default, and the feed says so."""
    settings = get_settings()
    with session_scope() as session:
        project = session.get(Project, build.project_id)
        model, dropped = projects.project_model(project)
    if dropped:
        instead = f"the default model, {model}" if model else "the built-in engine"
        reporter.agent("planner", f"The model {dropped} is no longer offered here; building with {instead}.", 2)
    return planner_for(settings, model)


def run_engine(build: Build, reporter: StreamReporter, planner) -> BuildOutput:
    """A new site from the prompt, or the chat edit applied to the version it was asked on."""
    catalog = engine_catalog()
    if build.kind == BuildKind.EDIT:
        with session_scope() as session:
            base = versions.require_version(session=session, project_id=build.project_id, number=build.base_version)
            plan, base_files = SitePlan.model_validate(base.plan), dict(base.files)
        return edit_site(
            plan,
            build.prompt,
            reporter=reporter,
            catalog=catalog,
            browser=browser_check(),
            planner=planner,
            base_files=base_files,
        )
    return build_site(build.prompt, reporter=reporter, catalog=catalog, planner=planner, browser=browser_check())


def browser_check():
    """The QA agent's browser (every feature's self-test in headless Chromium), as configured."""
    mode = get_settings().qa_browser
    if mode == "off" or (mode == "auto" and not browser.browser_available()):
        return None
    return browser.run_selftests


def record_duration(build_id: str, seconds: float) -> None:
    """Count a worker's run of a build in the metrics, by kind and how it ended."""
    try:
        with session_scope() as session:
            build = session.get(Build, build_id)
            kind, outcome = (build.kind, build.status) if build else ("unknown", "missing")
    except Exception:
        logger.exception("could not read build %s for its metrics", build_id)
        return
    metrics.BUILDS_FINISHED.labels(kind=kind, outcome=outcome).inc()
    metrics.BUILD_DURATION.labels(kind=kind, outcome=outcome).observe(seconds)


def fail(build_id: str, reason: str) -> bool:
    """Fail and refund the build, then tell its readers; False if it had already finished."""
    with session_scope() as session:
        failed = builds.fail_build(session=session, build_id=build_id, reason=reason)
    if failed:
        events.append(build_id, events.BUILD_FAILED, agent="system", message=reason, data={"reason": reason})
    return failed


STALE_REASON = "The build stopped responding (its worker was lost). Your credits were refunded."


def overtime_reason(seconds: float) -> str:
    span = f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"
    return f"The build took longer than {span} and was stopped. Your credits were refunded."


def overdue_builds() -> list[Build]:
    """Running builds first started longer ago than the hard limit: their worker process was
    killed (or is about to be)."""
    cutoff = utcnow() - timedelta(seconds=get_settings().build_hard_limit_seconds)
    with session_scope() as session:
        return list(
            session.exec(select(Build).where(Build.status == BuildStatus.RUNNING, col(Build.started_at) < cutoff))
        )


def sweep_stale_builds(queue: builds.BuildQueue | None = None) -> list[str]:
    """Fail and refund every build whose worker went silent; returns their ids.

    A running build is stale when its heartbeat is older than BUILD_STALE_SECONDS. A queued
    build that old is only waiting its turn while a live worker consumes the queue and
    `queue` still holds its job; a job that was lost (Redis lost its data) is sent once
    more, and only a build whose job is lost again is failed. Without `queue` every stale
    build is failed.
    """
    hard_limit = get_settings().build_hard_limit_seconds
    overdue = [build.id for build in overdue_builds() if fail(build.id, overtime_reason(hard_limit))]
    with session_scope() as session:
        stale = builds.stale_builds(session=session)
    if queue is not None and any(b.status == BuildStatus.QUEUED for b in stale) and worker_heartbeats.any_alive():
        stale = [b for b in stale if b.status != BuildStatus.QUEUED or not _still_coming(b, queue)]
    return overdue + [build.id for build in stale if fail(build.id, STALE_REASON)]


def _still_coming(build: Build, queue: builds.BuildQueue) -> bool:
    """A queued build's job is waiting in the queue, or was lost and is now sent again."""
    return bool(build.task_id and queue.holds(build.task_id)) or _send_again(build.id, queue)


def _send_again(build_id: str, queue: builds.BuildQueue) -> bool:
    """Send a lost job once more; False if it was sent once already (or cannot be sent)."""
    with session_scope() as session:
        if not builds.claim_requeue(session=session, build_id=build_id):
            return False
        try:
            task_id = queue.send(build_id)
        except Exception:
            logger.exception("could not send build %s again", build_id)
            return False
        builds.set_task(session=session, build_id=build_id, task_id=task_id)
    logger.warning("build %s: its job was lost from the queue; sent it again", build_id)
    return True
