"""The Dramatiq Redis broker, configured once before any actor is imported."""

from __future__ import annotations

import dramatiq
import redis
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AgeLimit, Callbacks, Pipelines, Retries, ShutdownNotifications, TimeLimit

from autowebiq_app.core.config import BROKER_NAMESPACE, get_settings
from autowebiq_app.core.redis_client import bounded_options
from workers.guard import RequireExplicitServices
from workers.heartbeat import WorkerHeartbeat
from workers.limits import HardTimeLimit, MaxTasksPerChild

# Requeue messages of a killed worker far sooner than the default 0.1 % of commands.
MAINTENANCE_CHANCE = 50_000  # out of 1,000,000


class PromptRedisBroker(RedisBroker):
    """Dramatiq's Redis broker, whose idle consumers look for new messages at least every
    WORKER_POLL_MS (Dramatiq's own idle back-off grows to a second: each of a build's three
    steps would then wait up to a second for a worker to notice it)."""

    def consume(self, queue_name: str, prefetch: int = 1, timeout: int = 5000):
        return super().consume(queue_name, prefetch, min(timeout, get_settings().worker_poll_ms))


def make_broker() -> RedisBroker:
    # Bounded like every other Redis call: a hung broker fails an enqueue instead of hanging it.
    client = redis.Redis.from_url(get_settings().effective_broker_url, **bounded_options())
    broker = PromptRedisBroker(
        client=client,
        namespace=BROKER_NAMESPACE,
        maintenance_chance=MAINTENANCE_CHANCE,
        middleware=[
            AgeLimit(),
            TimeLimit(),
            ShutdownNotifications(),
            Callbacks(),
            Pipelines(),
            Retries(max_retries=3, min_backoff=1000, max_backoff=30_000),
            WorkerHeartbeat(),
            HardTimeLimit(),
            MaxTasksPerChild(),
            RequireExplicitServices(),
        ],
    )
    return broker


broker = make_broker()
dramatiq.set_broker(broker)
