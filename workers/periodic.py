"""Periodic jobs as Dramatiq messages: the schedule lives in the broker, not in a process.

Each periodic job is a chain of delayed `periodic.tick` messages on the `default` queue. A
tick sends the job's actor a message and sends the next tick `interval` seconds later, so
the work itself runs as an ordinary actor (retries, dead letters, the monitor) on whichever
worker is free. A lease in Redis names the chain that owns the schedule: a tick whose token
is no longer the lease's drops out, so there is never more than one chain running.

Every worker process checks the leases (at boot, then every interval): when a lease has
expired (its chain was lost with a killed worker or a flushed Redis), the first worker to
notice starts a new chain. No scheduler process to supervise, and no second mechanism: a
sweep only ever happens as a message.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import dramatiq
import redis

from autowebiq_app.core.config import BROKER_NAMESPACE
from workers.broker import broker

logger = logging.getLogger(__name__)

# Set the value only while it is still the caller's token (renewing a lease it owns).
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    actor: dramatiq.Actor
    interval: Callable[[], float]  # seconds, read when used (settings may change in tests)

    @property
    def lease_key(self) -> str:
        return f"{BROKER_NAMESPACE}:periodic:{self.name}"

    def lease_ms(self) -> int:
        """A chain whose tick is this late has been lost: three intervals, at least 30 s."""
        return round(max(3 * self.interval(), 30.0) * 1000)


JOBS: dict[str, PeriodicJob] = {}


def every(interval: Callable[[], float], actor: dramatiq.Actor) -> PeriodicJob:
    """Send `actor` a message (no arguments) every `interval()` seconds, from any live worker."""
    job = PeriodicJob(name=actor.actor_name, actor=actor, interval=interval)
    JOBS[job.name] = job
    return job


def ensure_scheduled(job: PeriodicJob, client: redis.Redis | None = None) -> bool:
    """Start the job's chain unless one holds the lease; True if this call started it."""
    client = client or broker.client
    token = uuid.uuid4().hex
    if not client.set(job.lease_key, token, nx=True, px=job.lease_ms()):
        return False
    tick.send_with_options(args=(job.name, token), delay=round(job.interval() * 1000))
    logger.info("periodic job %s: started its schedule (every %gs)", job.name, job.interval())
    return True


def renew(job: PeriodicJob, token: str, client: redis.Redis | None = None) -> bool:
    client = client or broker.client
    return bool(client.eval(_RENEW, 1, job.lease_key, token, job.lease_ms()))


@dramatiq.actor(actor_name="periodic.tick", queue_name="default", max_retries=0)
def tick(name: str, token: str) -> None:
    """One beat of a job's schedule: send the job, then the next beat."""
    job = JOBS.get(name)
    if job is None:
        logger.warning("periodic job %s is not known here; its schedule stops", name)
        return
    if not renew(job, token):
        return  # a newer chain owns the schedule
    job.actor.send()
    tick.send_with_options(args=(name, token), delay=round(job.interval() * 1000))


class PeriodicSchedule(dramatiq.Middleware):
    """In each worker process, a thread that restarts any job whose chain was lost."""

    def __init__(self) -> None:
        self._stop = threading.Event()

    def after_worker_boot(self, broker, worker) -> None:
        threading.Thread(target=self._keep_scheduled, name="periodic-schedule", daemon=True).start()

    def before_worker_shutdown(self, broker, worker) -> None:
        self._stop.set()

    def _keep_scheduled(self) -> None:
        while not self._stop.is_set():
            for job in list(JOBS.values()):
                try:
                    ensure_scheduled(job)
                except (redis.RedisError, dramatiq.errors.DramatiqError) as exc:
                    logger.warning("could not check the schedule of %s: %r", job.name, exc)
            self._stop.wait(min((job.interval() for job in JOBS.values()), default=30.0))


broker.add_middleware(PeriodicSchedule())
