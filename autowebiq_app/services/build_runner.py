"""Runs a build for the workers, in three steps: plan (claims the build), images, then pages
and QA (stores the version), or fails and refunds it.

Each step is its own message (`workers.builds`: plan and render on the `builds` queue, images
on `images`) and hands the next its work through the database (`build_drafts`), so no
thread waits for another. Every step goes to the build's event stream. Safe to run twice
(Dramatiq delivers at least once): a finished build, or a step already done, is left alone.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from sqlmodel import col, select

from autowebiq_app import events, metrics
from autowebiq_app.catalog.service import engine_catalog
from autowebiq_app.core import redis_client
from autowebiq_app.core.config import get_settings
from autowebiq_app.core.db import session_scope
from autowebiq_app.db_types import utcnow
from autowebiq_app.engine import browser
from autowebiq_app.engine.pipeline import EngineError, PlannedSite, finish, illustrate, plan_edit, plan_site
from autowebiq_app.engine.plan import SitePlan
from autowebiq_app.engine.providers import planner_for
from autowebiq_app.models import Build, BuildKind, BuildStatus, Project
from autowebiq_app.services import agent_timings, build_drafts, builds, projects, usage, versions, worker_heartbeats
from autowebiq_app.services.build_queue import BuildQueue

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


# A build's steps, in order; each names the step that runs next (None: the build ended).
PLAN, IMAGES, RENDER = "plan", "images", "render"


def run_build(build_id: str) -> None:
    """Run every step of the build `build_id` here, in turn, to completion or to a refunded
    failure (the workers run each step as its own message: `workers.builds`)."""
    step: str | None = PLAN
    while step is not None:
        step = run_step(step, build_id)


def run_step(step: str, build_id: str) -> str | None:
    """Run one step of the build; returns the step that runs next, None when the build ended
    (succeeded, failed and refunded, or stopped by a cancel or the sweeper)."""
    try:
        return STEPS[step](build_id)
    except BuildStopped:
        logger.info("build %s stopped while running (cancelled or swept)", build_id)
    except EngineError as exc:
        fail(build_id, str(exc))
    except Exception:
        logger.exception("build %s crashed in its %s step", build_id, step)
        fail(build_id, INTERNAL_ERROR)
    return None


def plan_step(build_id: str) -> str | None:
    """Claim the build and plan it (the planner agent, and a model's custom features)."""
    with session_scope() as session:
        build = builds.mark_running(session=session, build_id=build_id)
        draft = build_drafts.load(session=session, build_id=build_id) if build else None
    if build is None:
        logger.info("build %s already finished; nothing to do", build_id)
        return None
    if draft is not None:
        return draft.stage  # a redelivered message: the plan was made; go on from there
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
        planner = project_planner(build, reporter)
        planned = plan_build(build, reporter, planner)
    finally:
        # Whatever happened next, the tokens the model used are recorded first.
        with session_scope() as session:
            usage.record(session=session, build_id=build_id, used=usage.of_planner(planner))
    return _hand_on(build_id, IMAGES, planned=planned.to_json())


def images_step(build_id: str) -> str | None:
    """Draw the plan's images (the image agent)."""
    draft = _draft_for(IMAGES, build_id)
    if draft is None or draft.stage != IMAGES:
        return draft.stage if draft else None
    planned = PlannedSite.from_json(draft.planned)
    drawn = illustrate(planned.plan, _reporter(build_id))
    return _hand_on(build_id, RENDER, planned=draft.planned, drawn=drawn)


def render_step(build_id: str) -> str | None:
    """Write the pages and check them (the frontend and QA agents), then store the version."""
    draft = _draft_for(RENDER, build_id)
    if draft is None or draft.stage != RENDER:
        return draft.stage if draft else None
    with session_scope() as session:
        build = session.get(Build, build_id)
        base_files = _base_files(session, build)
    output = finish(
        PlannedSite.from_json(draft.planned),
        dict(draft.drawn or {}),
        catalog=engine_catalog(),
        reporter=_reporter(build_id),
        browser=browser_check(),
        base_files=base_files,
    )
    if base_files is not None and output.files == base_files:
        return _unchanged(build_id, output.summary)
    timings = redis_client.optional(
        lambda: agent_timings.spans(events.read(build_id, count=get_settings().event_stream_maxlen), end=time.time()),
        default=None,
        what="the build's agent timings",
    )
    with session_scope() as session:
        version = builds.complete_build(
            session=session,
            build_id=build_id,
            files=output.files,
            plan=output.plan.model_dump(mode="json"),
            qa_report=output.qa_report,
            summary=output.summary,
            agent_ms=timings,
        )
        build = session.get(Build, build_id, populate_existing=True)
    if version is None:
        return _discarded(build_id)
    data = {"version": version.number, "qa_score": version.qa_score, "files": len(output.files)}
    return _announce_complete(build, output.summary, {**data, "usage": usage.of_build(build)})


def _unchanged(build_id: str, summary: str) -> None:
    """An edit that changed no file ends on the version it was asked on, refunded."""
    with session_scope() as session:
        number = builds.complete_unchanged(session=session, build_id=build_id, summary=summary)
        build = session.get(Build, build_id, populate_existing=True)
    if number is None:
        return _discarded(build_id)
    return _announce_complete(build, f"{summary} {builds.UNCHANGED}", {"version": number, "unchanged": True})


def _discarded(build_id: str) -> None:
    logger.warning("build %s was failed while running; its result was discarded", build_id)


def _announce_complete(build: Build, message: str, data: dict) -> None:
    """The build's `build_complete` event; every ending carries the build's time."""
    events.append(
        build.id,
        events.BUILD_COMPLETE,
        agent="system",
        message=message,
        progress=100,
        data={**data, "duration_ms": _run_time_ms(build)},
    )


STEPS = {PLAN: plan_step, IMAGES: images_step, RENDER: render_step}


def _draft_for(step: str, build_id: str):
    """The draft the step works on, None if the build is no longer running (nothing to do)."""
    with session_scope() as session:
        build = session.get(Build, build_id)
        if build is None or build.status != BuildStatus.RUNNING:
            logger.info("build %s is not running; its %s step has nothing to do", build_id, step)
            return None
        return build_drafts.load(session=session, build_id=build_id)


def _hand_on(build_id: str, stage: str, *, planned: dict, drawn: dict | None = None) -> str | None:
    """Save the draft for the next step; None if the build stopped meanwhile."""
    with session_scope() as session:
        if not build_drafts.save(session=session, build_id=build_id, stage=stage, planned=planned, drawn=drawn):
            raise BuildStopped(build_id)
    return stage


def _reporter(build_id: str) -> StreamReporter:
    return StreamReporter(build_id, floor=events.last_progress(build_id) or 0)


def _base_files(session, build: Build) -> dict[str, str] | None:
    """For an edit, the files of the version it changes (its summary names what changed)."""
    if build.kind != BuildKind.EDIT:
        return None
    base = versions.require_version(session=session, project_id=build.project_id, number=build.base_version)
    return dict(base.files)


def soft_time_left_ms(build_id: str) -> int:
    """What is left of BUILD_SOFT_LIMIT_SECONDS since the build's first step started (ms)."""
    with session_scope() as session:
        build = session.get(Build, build_id)
    spent = _run_time_ms(build) if build else None
    return round(get_settings().build_soft_limit_seconds * 1000) - (spent or 0)


def _run_time_ms(build: Build) -> int | None:
    started = build.started_at
    return round((utcnow() - started).total_seconds() * 1000) if started else None


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


def plan_build(build: Build, reporter: StreamReporter, planner) -> PlannedSite:
    """A new site's plan from the prompt, or the chat edit applied to the plan of the version
    it was asked on."""
    catalog = engine_catalog()
    if build.kind == BuildKind.EDIT:
        with session_scope() as session:
            base = versions.require_version(session=session, project_id=build.project_id, number=build.base_version)
            plan = SitePlan.model_validate(base.plan)
        return plan_edit(
            plan, build.prompt, reporter=reporter, catalog=catalog, browser=browser_check(), planner=planner
        )
    return plan_site(build.prompt, reporter=reporter, catalog=catalog, planner=planner, browser=browser_check())


def browser_check():
    """The QA agent's browser (every feature's self-test in headless Chromium), as configured."""
    mode = get_settings().qa_browser
    if mode == "off" or (mode == "auto" and not browser.browser_available()):
        return None
    return browser.run_selftests


def record_duration(build_id: str) -> None:
    """Count a build whose last step ran in the metrics: by kind and how it ended, with its
    time from the start of its first step."""
    try:
        with session_scope() as session:
            build = session.get(Build, build_id)
            kind, outcome = (build.kind, build.status) if build else ("unknown", "missing")
            started = build.started_at if build else None
            seconds = ((build.finished_at or utcnow()) - started).total_seconds() if started else 0.0
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


def sweep_stale_builds(queue: BuildQueue | None = None) -> list[str]:
    """Fail and refund every build whose worker went silent; returns their ids.

    A build is stale when its heartbeat is older than BUILD_STALE_SECONDS. A build that old
    is only waiting its turn while a live worker consumes the queues and `queue` still
    holds its latest step: a queued build's first step, a running build's next step (its
    images or its pages, behind a backlog), or a step whose killed worker's message the
    broker gives back. A queued build's job that was lost (Redis lost its data) is sent
    once more, and only a build whose job is lost again is failed.
    Without `queue` every stale build is failed.
    """
    hard_limit = get_settings().build_hard_limit_seconds
    overdue = [build.id for build in overdue_builds() if fail(build.id, overtime_reason(hard_limit))]
    with session_scope() as session:
        stale = builds.stale_builds(session=session)
    if queue is not None and stale and worker_heartbeats.any_alive():
        stale = [build for build in stale if not _still_coming(build, queue)]
    return overdue + [build.id for build in stale if fail(build.id, STALE_REASON)]


def _still_coming(build: Build, queue: BuildQueue) -> bool:
    """The build's latest step is in the broker; or, for a queued build, was lost and is now sent again."""
    return queue.holds(build.id) or (build.status == BuildStatus.QUEUED and _send_again(build.id, queue))


def _send_again(build_id: str, queue: BuildQueue) -> bool:
    """Send a lost job once more; False if it was sent once already (or cannot be sent)."""
    with session_scope() as session:
        if not builds.claim_requeue(session=session, build_id=build_id):
            return False
        try:
            queue.send(build_id)
        except Exception:
            logger.exception("could not send build %s again", build_id)
            return False
    logger.warning("build %s: its job was lost from the queue; sent it again", build_id)
    return True
