"""The signed-in user's credit balance, shown in the navigation bar."""

from __future__ import annotations

import reflex as rx

from autowebiq_app.db import session_scope
from autowebiq_app.services import credits
from state.auth import signed_in_user_id


class CreditsState(rx.State):
    balance: int = 0

    @rx.event
    async def refresh(self):
        user_id = await signed_in_user_id(self)
        if user_id is None:
            return
        with session_scope() as session:
            self.balance = credits.balance(session=session, user_id=user_id)
