"""How a page's handler does its work: blocking work (the database, MongoDB) runs in a
thread, never on the event loop that serves every connected person, and a signed-in page's
work runs for the user resolved once per event.

    @page_event
    async def cancel_build(self):
        build = await as_user(self, builds.cancel_build, build_id=self.build_id)
        self.notice = f"Cancelled: {build.cost} credits refunded."

`page_event` sends a signed-out person to the sign-in page and shows a domain error's message
in the state's `error`; `as_user` calls a service as `work(session=…, user_id=…, **kwargs)`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.db import session_scope
from autowebiq_app.errors import DomainError

T = TypeVar("T")


class SignedOut(Exception):
    """Nobody is signed in on this page (or their session was revoked)."""


async def in_thread(work: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """`work(*args, **kwargs)` in a worker thread: the event loop serves other people meanwhile."""
    return await rx.run_in_thread(functools.partial(work, *args, **kwargs))


async def in_session(work: Callable[..., T], /, **kwargs: Any) -> T:
    """`work(session=…, **kwargs)` in a worker thread, in a session of its own."""

    def run() -> T:
        with session_scope() as session:
            return work(session=session, **kwargs)

    return await rx.run_in_thread(run)


async def signed_in_user_id(state: rx.State) -> str | None:
    """The signed-in user's id (checked against the database, off the event loop), or None."""
    from state.auth import AuthState  # AuthState's own handlers use this module

    auth = await state.get_state(AuthState)
    return await auth.resolve_user()


async def as_user(state: rx.State, work: Callable[..., T], /, **kwargs: Any) -> T:
    """`work(session=…, user_id=…, **kwargs)` in a thread for the signed-in user.

    Raises:
        SignedOut: nobody is signed in.
        DomainError: as `work` raises it.
    """
    user_id = await signed_in_user_id(state)
    if user_id is None:
        raise SignedOut()
    return await in_session(work, user_id=user_id, **kwargs)


def page_event(handler: Callable[..., Any]) -> Callable[..., Any]:
    """For an async handler of a signed-in page: SignedOut redirects to the sign-in page, and a
    DomainError's message goes to the state's `error` (the handler's changes so far stay)."""

    @functools.wraps(handler)
    async def run(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await handler(self, *args, **kwargs)
        except SignedOut:
            return rx.redirect(routes.AUTH)
        except DomainError as exc:
            self.error = exc.message
            return None

    return run
