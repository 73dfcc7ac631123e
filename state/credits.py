"""The signed-in user's credit balance and the tokens their builds used, shown in the navigation bar."""

from __future__ import annotations

import reflex as rx

from autowebiq_app.services import credit_cache, usage
from state.blocking import in_session
from state.signed_in import signed_in_user_id


class CreditsState(rx.State):
    balance: int = 0
    tokens_used: str = ""
    """The tokens used ("12,345 tokens"), or "" when no build has used a model."""
    tokens_by_model: str = ""
    """Each model's share, for the badge's tooltip."""

    @rx.event
    async def refresh(self):
        user_id = await signed_in_user_id(self)
        if user_id is None:
            return
        self.balance, totals = await in_session(_balance_and_usage, user_id=user_id)
        self.tokens_used = f"{totals['total_tokens']:,} tokens" if totals["builds"] else ""
        self.tokens_by_model = "; ".join(
            f"{m['model'] or 'unknown model'}: {m['total_tokens']:,} tokens in {m['builds']} "
            + ("build" if m["builds"] == 1 else "builds")
            for m in totals["by_model"]
        )


def _balance_and_usage(*, session, user_id: str) -> tuple[int, dict]:
    return credit_cache.balance(session=session, user_id=user_id), usage.totals(session=session, user_id=user_id)
