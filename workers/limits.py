"""Dramatiq middleware for the limits Dramatiq lacks: a hard time limit and max tasks per child.

Dramatiq's own `TimeLimit` (the soft limit, BUILD_SOFT_LIMIT_SECONDS) raises inside the
actor's thread at its next bytecode, so the actor stops cleanly, but it cannot interrupt a
thread stuck in a blocking call. `HardTimeLimit` watches every message from a thread of its
own and kills its whole worker process (SIGKILL) once one has run BUILD_HARD_LIMIT_SECONDS:
the Dramatiq master then exits and the supervisor starts a fresh one; the sweeper fails and
refunds the build. `MaxTasksPerChild` asks the master (SIGHUP) to replace its worker
processes after WORKER_MAX_TASKS messages: they finish what they hold and new ones start.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

import dramatiq

from autowebiq_app.core.config import get_settings

logger = logging.getLogger(__name__)


class HardTimeLimit(dramatiq.Middleware):
    def __init__(self, *, check_every: float = 0.5) -> None:
        self.check_every = check_every
        self._started: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def after_worker_boot(self, broker, worker) -> None:
        threading.Thread(target=self._watch, name="hard-time-limit", daemon=True).start()

    def before_process_message(self, broker, message) -> None:
        with self._lock:
            self._started[message.message_id] = (time.monotonic(), f"{message.actor_name}{tuple(message.args)}")

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        with self._lock:
            self._started.pop(message.message_id, None)

    after_skip_message = after_process_message

    def _watch(self) -> None:
        limit = get_settings().build_hard_limit_seconds
        while True:
            time.sleep(self.check_every)
            now = time.monotonic()
            with self._lock:
                overdue = [what for started, what in self._started.values() if now - started > limit]
            if overdue:
                logger.critical("%s ran past the hard limit of %.0f s: killing this worker process", overdue, limit)
                logging.shutdown()
                os.kill(os.getpid(), signal.SIGKILL)


class MaxTasksPerChild(dramatiq.Middleware):
    def __init__(self) -> None:
        self._done = 0
        self._asked = False
        self._lock = threading.Lock()

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        limit = get_settings().worker_max_tasks
        with self._lock:
            self._done += 1
            if self._done < limit or self._asked:
                return
            self._asked = True
        logger.info("handled %d messages: asking the master for a fresh worker process", self._done)
        # The master (dramatiq's CLI) stops its worker processes gracefully on SIGHUP and
        # starts them again in place.
        os.kill(os.getppid(), signal.SIGHUP)

    after_skip_message = after_process_message
