"""Build actors: thin wrappers that take ids and call the build runner.

A build is a chain of three messages (`build_runner`'s steps): plan on `builds`, images on
`images`, pages and QA on `builds`; the sweeper runs on `default` (`workers.periodic`).
"""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.middleware.time_limit import TimeLimitExceeded

from autowebiq_app.config import get_settings
from autowebiq_app.services import build_queue as services_build_queue
from autowebiq_app.services import build_runner, worker_heartbeats
from workers import periodic
from workers.broker import broker  # sets the broker before the actors below

logger = logging.getLogger(__name__)
BUILD_TIME_LIMIT_MS = round(get_settings().build_soft_limit_seconds * 1000)


@dramatiq.actor(actor_name="builds.build_site", queue_name="builds", max_retries=3, time_limit=BUILD_TIME_LIMIT_MS)
def build_site(build_id: str) -> None:
    """A build's first step: claim and plan it, then send its images step; safe to repeat."""
    run_and_hand_on(build_runner.PLAN, build_id)


@dramatiq.actor(actor_name="images.draw_images", queue_name="images", max_retries=3, time_limit=BUILD_TIME_LIMIT_MS)
def draw_images(build_id: str) -> None:
    """A build's images step, on its own queue so image workers scale apart; then its render step."""
    run_and_hand_on(build_runner.IMAGES, build_id)


@dramatiq.actor(actor_name="builds.render_site", queue_name="builds", max_retries=3, time_limit=BUILD_TIME_LIMIT_MS)
def render_site(build_id: str) -> None:
    """A build's last step: the pages and QA, then its version."""
    run_and_hand_on(build_runner.RENDER, build_id)


STEP_ACTORS = {build_runner.PLAN: build_site, build_runner.IMAGES: draw_images, build_runner.RENDER: render_site}


def run_and_hand_on(step: str, build_id: str) -> None:
    """Run one step and send the next, each step within what is left of the soft time limit.

    A failure to send the next step raises, so Dramatiq retries this message: the step sees
    its work done (`build_drafts`) and only sends the next one again.
    """
    overtime = build_runner.overtime_reason(get_settings().build_soft_limit_seconds)
    try:
        following = build_runner.run_step(step, build_id)
    except TimeLimitExceeded:
        # Retrying would hit the same limit: fail and refund now instead.
        build_runner.fail(build_id, overtime)
        following = None
    if following is not None:
        left_ms = build_runner.soft_time_left_ms(build_id)
        if left_ms > 0:
            STEP_ACTORS[following].send_with_options(args=(build_id,), time_limit=left_ms)
            return
        build_runner.fail(build_id, overtime)
    build_runner.record_duration(build_id)


@dramatiq.actor(actor_name="builds.sweep_stale_builds", queue_name="default", max_retries=0)
def sweep_stale_builds() -> None:
    """Fail and refund builds whose worker went silent (re-sending lost jobs once); sent every
    SWEEP_INTERVAL_SECONDS by the periodic schedule."""
    swept = build_runner.sweep_stale_builds(build_queue)
    if swept:
        logger.warning("refunded %d stale builds: %s", len(swept), ", ".join(swept))


periodic.every(lambda: get_settings().sweep_interval_seconds, sweep_stale_builds)


def enqueue_build(build_id: str) -> str:
    """Send the build's job to the workers; returns the task (message) id."""
    return build_site.send(build_id).message_id


class DramatiqBuildQueue:
    """The `builds` queue in the Redis broker (`services.build_queue.BuildQueue`)."""

    def send(self, build_id: str) -> str:
        return enqueue_build(build_id)

    def holds(self, task_id: str) -> bool:
        """The job is in the queue's message hash while waiting, delayed (retry) or unacked."""
        prefix = f"{broker.namespace}:{build_site.queue_name}"
        pipe = broker.client.pipeline(transaction=False)
        pipe.hexists(f"{prefix}.msgs", task_id)
        pipe.hexists(f"{prefix}.DQ.msgs", task_id)
        return any(pipe.execute())

    def ready(self) -> bool:
        return worker_heartbeats.any_alive()


build_queue = DramatiqBuildQueue()
services_build_queue.register(build_queue)
