"""Dramatiq middleware: every worker process announces itself while it runs."""

from __future__ import annotations

import logging
import threading

import dramatiq
import redis

from autowebiq_app.config import get_settings
from autowebiq_app.services import worker_heartbeats

logger = logging.getLogger(__name__)


class WorkerHeartbeat(dramatiq.Middleware):
    """A thread per worker process that writes its heartbeat (see `worker_heartbeats`)."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._worker = ""

    def after_worker_boot(self, broker, worker) -> None:
        self._worker = worker_heartbeats.worker_id()
        threading.Thread(target=self._beat_until_stopped, name="worker-heartbeat", daemon=True).start()

    def before_worker_shutdown(self, broker, worker) -> None:
        self._stop.set()
        try:
            worker_heartbeats.forget(self._worker)
        except redis.RedisError:
            pass  # it ages out of the window instead

    def _beat_until_stopped(self) -> None:
        interval = get_settings().worker_heartbeat_seconds
        while not self._stop.is_set():
            try:
                worker_heartbeats.beat(self._worker)
            except redis.RedisError as exc:
                logger.warning("could not write the worker heartbeat: %r", exc)
            self._stop.wait(interval)
