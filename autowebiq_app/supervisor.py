"""Keep background processes running: each one that exits is started again, with back-off.

Dramatiq's master process exits when one of its worker processes dies (a SIGKILL, the OOM
killer), taking the whole pool with it. `autowebiq run` supervises each worker (one Dramatiq
process group each, so a crash takes only itself) with this class.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 30.0
STABLE_SECONDS = 60.0
"""A child that ran this long before exiting is restarted after the first delay again."""


@dataclass
class Child:
    name: str
    command: list[str]
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    crashes: int = 0
    restart_at: float = 0.0
    starts: int = 0


class Supervisor:
    """Start commands in their own process groups and restart any that exit."""

    def __init__(self, *, cwd: Path, env: dict[str, str]) -> None:
        self.cwd = cwd
        self.env = env
        self.children: list[Child] = []

    def add(self, name: str, command: list[str]) -> None:
        self.children.append(Child(name, command))

    def start(self) -> None:
        for child in self.children:
            self._spawn(child)

    def check(self) -> None:
        """Notice exited children and start those whose back-off has passed; call it often."""
        now = time.monotonic()
        for child in self.children:
            if child.proc is not None and child.proc.poll() is not None:
                self._schedule_restart(child, now)
            if child.proc is None and now >= child.restart_at:
                self._spawn(child)

    def stop(self, timeout: float = 15) -> None:
        running = [c for c in self.children if c.proc is not None]
        for child in running:
            _signal_group(child.proc, signal.SIGTERM)
        for child in running:
            try:
                child.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _signal_group(child.proc, signal.SIGKILL)
                child.proc.wait()
            child.proc = None

    def _spawn(self, child: Child) -> None:
        child.proc = subprocess.Popen(child.command, cwd=self.cwd, env=self.env, start_new_session=True)
        child.started_at = time.monotonic()
        child.starts += 1
        if child.starts > 1:
            logger.warning("restarted %s (pid %d, start %d)", child.name, child.proc.pid, child.starts)

    def _schedule_restart(self, child: Child, now: float) -> None:
        code = child.proc.returncode
        # The rest of its group (a dead master's worker processes) goes with it.
        _signal_group(child.proc, signal.SIGKILL)
        ran = now - child.started_at
        child.crashes = 1 if ran >= STABLE_SECONDS else child.crashes + 1
        delay = min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (child.crashes - 1))
        logger.warning("%s exited (code %s) after %.0f s; restarting in %.0f s", child.name, code, ran, delay)
        child.proc, child.restart_at = None, now + delay


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
