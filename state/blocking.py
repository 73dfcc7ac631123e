"""Blocking work (the database, MongoDB) from a Reflex handler: run in a worker thread, so the
one event loop that serves every connected browser is never held up by it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import reflex as rx

from autowebiq_app.core.db import session_scope

T = TypeVar("T")


async def in_thread(work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """`work(*args, **kwargs)` in a worker thread: the event loop serves other people meanwhile."""
    return await rx.run_in_thread(functools.partial(work, *args, **kwargs))


async def in_session(work: Callable[..., T], /, **kwargs: Any) -> T:
    """`work(session=…, **kwargs)` in a worker thread, in a session of its own."""

    def run() -> T:
        with session_scope() as session:
            return work(session=session, **kwargs)

    return await rx.run_in_thread(run)
