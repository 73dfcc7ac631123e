"""Build actors: thin wrappers that take ids and call the build runner."""

from __future__ import annotations

import logging
import time

import dramatiq
from dramatiq.middleware.time_limit import TimeLimitExceeded

from autowebiq_app.config import get_settings
from autowebiq_app.services import build_runner
from workers import periodic
from workers.broker import broker  # sets the broker before the actors below

logger = logging.getLogger(__name__)
BUILD_TIME_LIMIT_MS = round(get_settings().build_soft_limit_seconds * 1000)


@dramatiq.actor(actor_name="builds.build_site", queue_name="builds", max_retries=3, time_limit=BUILD_TIME_LIMIT_MS)
def build_site(build_id: str) -> None:
    """Run one build; safe to repeat for the same id."""
    started = time.monotonic()
    try:
        build_runner.run_build(build_id)
    except TimeLimitExceeded:
        # Retrying would hit the same limit: fail and refund now instead.
        build_runner.fail(build_id, build_runner.overtime_reason(get_settings().build_soft_limit_seconds))
    finally:
        build_runner.record_duration(build_id, time.monotonic() - started)


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
    """The `builds` queue in the Redis broker (see `services.builds.BuildQueue`)."""

    def send(self, build_id: str) -> str:
        return enqueue_build(build_id)

    def holds(self, task_id: str) -> bool:
        """The job is in the queue's message hash while waiting, delayed (retry) or unacked."""
        prefix = f"{broker.namespace}:{build_site.queue_name}"
        pipe = broker.client.pipeline(transaction=False)
        pipe.hexists(f"{prefix}.msgs", task_id)
        pipe.hexists(f"{prefix}.DQ.msgs", task_id)
        return any(pipe.execute())


build_queue = DramatiqBuildQueue()
