"""How a signed-in page's handler does its work: for the user resolved once per event, in a
thread (`state.blocking`), never on the event loop that serves every connected person.

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
from autowebiq_app.errors import DomainError
from state.auth import AuthState
from state.blocking import in_session

T = TypeVar("T")


class SignedOut(Exception):
    """Nobody is signed in on this page (or their session was revoked)."""


async def signed_in_user_id(state: rx.State) -> str | None:
    """The signed-in user's id (checked against the database, off the event loop), or None."""
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
