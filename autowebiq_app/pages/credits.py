"""/credits: the balance, what a build and an edit cost, credits used per day, tokens, and the ledger."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.core.config import get_settings
from autowebiq_app.services import credit_report
from components.layout import page_shell
from state.auth import AuthState
from state.blocking import in_session
from state.credits import CreditsState
from state.signed_in import signed_in_user_id

PAGE_SIZE = 20


class LedgerRow(TypedDict):
    when: str
    what: str
    amount: str
    balance: str
    href: str
    """The project whose build it was ("" when none)."""


class DayUsed(TypedDict):
    day: str
    used: int


class CreditsPageState(rx.State):
    show: str = "all"
    offset: int = 0
    total: int = 0
    rows: list[LedgerRow] = []
    per_day: list[DayUsed] = []
    build_cost: int = 0
    edit_cost: int = 0
    starting_credits: int = 0

    @rx.var
    def showing(self) -> str:
        if not self.total:
            return "No entries."
        return f"{self.offset + 1}–{min(self.offset + PAGE_SIZE, self.total)} of {self.total}"

    @rx.var
    def has_older(self) -> bool:
        return self.offset + PAGE_SIZE < self.total

    @rx.event
    async def load(self):
        user_id = await signed_in_user_id(self)
        if user_id is None:
            return
        settings = get_settings()
        self.build_cost, self.edit_cost, self.starting_credits = (
            settings.build_cost,
            settings.edit_cost,
            settings.starting_credits,
        )
        page, days = await in_session(_ledger_and_days, user_id=user_id, show=self.show, offset=self.offset)
        self.total = page.total
        self.rows = [
            LedgerRow(
                when=row.created_at.strftime("%d %b %Y, %H:%M"),
                what=credit_report.kind_name(row),
                amount=f"{row.amount:+d}",
                balance=str(row.balance_after),
                href=routes.workspace(project_id) if project_id else "",
            )
            for row, project_id in page.rows
        ]
        self.per_day = [DayUsed(day=day.strftime("%d %b"), used=used) for day, used in days]

    @rx.event
    async def filter(self, show: str | list[str]):
        self.show, self.offset = (show if isinstance(show, str) else "all"), 0
        await self.load()

    @rx.event
    async def older(self):
        self.offset += PAGE_SIZE
        await self.load()

    @rx.event
    async def newer(self):
        self.offset = max(0, self.offset - PAGE_SIZE)
        await self.load()


def _ledger_and_days(*, session, user_id: str, show: str, offset: int):
    page = credit_report.ledger_page(session=session, user_id=user_id, show=show, limit=PAGE_SIZE, offset=offset)
    return page, credit_report.used_per_day(session=session, user_id=user_id)


def _stat(label: str, value, stat_id: str) -> rx.Component:
    return rx.card(
        rx.vstack(rx.text(label, size="2", color_scheme="gray"), rx.heading(value, size="6", id=stat_id), spacing="1")
    )


def _row(row: LedgerRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["when"]),
        rx.table.cell(row["what"]),
        rx.table.cell(row["amount"], class_name="ledger-amount"),
        rx.table.cell(row["balance"]),
        rx.table.cell(rx.cond(row["href"] != "", rx.link("Open project", href=row["href"]), "")),
        class_name="ledger-row",
    )


@rx.page(
    route=routes.CREDITS,
    title="Credits | AutoWebIQ",
    on_load=[AuthState.require_login, CreditsState.refresh, CreditsPageState.load],
)
def credits_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading("Credits", size="7"),
            rx.grid(
                _stat("Balance", CreditsState.balance, "credits-balance-stat"),
                _stat("A new site costs", CreditsPageState.build_cost, "build-cost"),
                _stat("A chat edit costs", CreditsPageState.edit_cost, "edit-cost"),
                _stat(
                    "Tokens used by models",
                    rx.cond(CreditsState.tokens_used != "", CreditsState.tokens_used, "None"),
                    "tokens-stat",
                ),
                columns=rx.breakpoints(initial="2", md="4"),
                spacing="3",
                width="100%",
            ),
            rx.text(
                "New accounts start with ",
                CreditsPageState.starting_credits,
                " credits. A failed or cancelled build is refunded in full; tokens are shown, never charged.",
                size="2",
                color_scheme="gray",
            ),
            rx.heading("Credits used per day (last 30 days)", size="4"),
            rx.box(
                rx.recharts.bar_chart(
                    rx.recharts.bar(data_key="used", fill="var(--accent-9)", name="Credits used"),
                    rx.recharts.x_axis(data_key="day"),
                    rx.recharts.y_axis(allow_decimals=False),
                    rx.recharts.graphing_tooltip(),
                    data=CreditsPageState.per_day,
                    height=220,
                ),
                width="100%",
                id="usage-chart",
            ),
            rx.hstack(
                rx.heading("Ledger", size="4"),
                rx.spacer(),
                rx.select.root(
                    rx.select.trigger(aria_label="Show", id="ledger-filter"),
                    rx.select.content(
                        rx.select.item("Everything", value="all"),
                        rx.select.item("Spent", value="spent"),
                        rx.select.item("Refunds", value="refunds"),
                        rx.select.item("Added", value="added"),
                    ),
                    value=CreditsPageState.show,
                    on_change=CreditsPageState.filter,
                ),
                width="100%",
                align="center",
            ),
            rx.box(
                rx.table.root(
                    rx.table.header(
                        rx.table.row(
                            rx.table.column_header_cell("When"),
                            rx.table.column_header_cell("What"),
                            rx.table.column_header_cell("Credits"),
                            rx.table.column_header_cell("Balance"),
                            rx.table.column_header_cell("Build"),
                        )
                    ),
                    rx.table.body(rx.foreach(CreditsPageState.rows, _row)),
                    width="100%",
                    id="ledger",
                ),
                width="100%",
                overflow_x="auto",
            ),
            rx.hstack(
                rx.button(
                    "Newer", on_click=CreditsPageState.newer, disabled=CreditsPageState.offset == 0, variant="soft"
                ),
                rx.text(CreditsPageState.showing, size="2", id="ledger-showing"),
                rx.button(
                    "Older", on_click=CreditsPageState.older, disabled=~CreditsPageState.has_older, variant="soft"
                ),
                align="center",
                spacing="3",
            ),
            spacing="4",
            width="100%",
        )
    )
