"""Build actors: thin wrappers that take ids and call the build runner.

A build is a chain of three messages (`build_runner`'s steps): plan on `builds`, images on
`images`, pages and QA on `builds`; the sweeper runs on `default` (`workers.periodic`).
"""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.middleware.time_limit import TimeLimitExceeded

from autowebiq_app.core.config import get_settings
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


NOTE_SECONDS = 24 * 3600
"""How long the note of a build's latest step message is kept (a build queued longer than
this is only re-sent once, as if its job were lost)."""


def _step_note(build_id: str) -> str:
    return f"{broker.namespace}:build-step:{build_id}"


class NoteBuildSteps(dramatiq.Middleware):
    """Note each build step message as it is enqueued (a first send, a hand-on, a retry):
    the broker keys a message by a Redis id of its own, new at every enqueue, which the
    sweeper needs to ask whether the build's job is still in the broker."""

    def after_enqueue(self, broker, message, delay) -> None:
        if message.actor_name in STEP_NAMES:
            broker.client.set(_step_note(message.args[0]), message.options["redis_message_id"], ex=NOTE_SECONDS)


STEP_NAMES = frozenset(actor.actor_name for actor in STEP_ACTORS.values())
broker.add_middleware(NoteBuildSteps())


class DramatiqBuildQueue:
    """The build steps' queues in the Redis broker (`services.build_queue.BuildQueue`)."""

    STEP_QUEUES = sorted({actor.queue_name for actor in STEP_ACTORS.values()})

    def send(self, build_id: str) -> str:
        return enqueue_build(build_id)

    def holds(self, build_id: str) -> bool:
        """The build's latest step message is in the broker: waiting in its queue, delayed
        (for a retry), or taken by a worker and not yet done (a killed worker's messages are
        given back to the queue by the broker)."""
        message_id = broker.client.get(_step_note(build_id))
        if message_id is None:
            return False
        pipe = broker.client.pipeline(transaction=False)
        for queue in self.STEP_QUEUES:
            pipe.hexists(f"{broker.namespace}:{queue}.msgs", message_id)
            pipe.hexists(f"{broker.namespace}:{queue}.DQ.msgs", message_id)
        return any(pipe.execute())

    def ready(self) -> bool:
        return worker_heartbeats.any_alive()


build_queue = DramatiqBuildQueue()
services_build_queue.register(build_queue)
