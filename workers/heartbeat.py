"""Dramatiq middleware: every worker process announces itself and what it is doing while it runs."""

from __future__ import annotations

import logging
import threading
import time

import dramatiq
import redis

from autowebiq_app.core.config import get_settings
from autowebiq_app.services import worker_heartbeats
from autowebiq_app.services.worker_heartbeats import Task, WorkerState

logger = logging.getLogger(__name__)


class WorkerHeartbeat(dramatiq.Middleware):
    """A thread per worker process that writes its heartbeat (see `worker_heartbeats`), and
    the messages it is processing, written again whenever one starts or ends."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._state = WorkerState(worker="", started=0.0)

    def after_worker_boot(self, broker, worker) -> None:
        self._state = WorkerState(worker=worker_heartbeats.worker_id(), started=time.time())
        threading.Thread(target=self._beat_until_stopped, name="worker-heartbeat", daemon=True).start()

    def before_worker_shutdown(self, broker, worker) -> None:
        self._stop.set()
        try:
            worker_heartbeats.forget(self._state.worker)
        except redis.RedisError:
            pass  # it ages out of the window instead

    def before_process_message(self, broker, message) -> None:
        task = Task(
            message_id=message.message_id,
            actor=message.actor_name,
            queue=message.queue_name,
            args=list(message.args),
            started=time.time(),
        )
        with self._lock:
            self._state.active.append(task)
        self._describe()

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        with self._lock:
            self._state.active = [t for t in self._state.active if t.message_id != message.message_id]
            self._state.processed += 1
        self._describe()

    after_skip_message = after_process_message

    def _describe(self) -> None:
        if not self._state.worker:
            return
        with self._lock:
            snapshot = WorkerState(
                worker=self._state.worker,
                started=self._state.started,
                processed=self._state.processed,
                active=list(self._state.active),
            )
        try:
            worker_heartbeats.describe(snapshot)
        except redis.RedisError as exc:
            logger.warning("could not write what the worker is doing: %r", exc)

    def _beat_until_stopped(self) -> None:
        interval = get_settings().worker_heartbeat_seconds
        while not self._stop.is_set():
            try:
                worker_heartbeats.beat(self._state.worker)
            except redis.RedisError as exc:
                logger.warning("could not write the worker heartbeat: %r", exc)
            self._describe()
            self._stop.wait(interval)
