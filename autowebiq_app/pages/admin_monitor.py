"""/admin/monitor: live workers, queue depths, active and recent builds with success rates
and run-time percentiles, builds per hour; admins only (everyone else sees the 404 page)."""

from __future__ import annotations

import asyncio
from typing import NamedTuple, TypedDict

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.core.db import session_scope
from autowebiq_app.db_types import utcnow
from autowebiq_app.errors import DomainError
from autowebiq_app.pages.not_found import not_found_page
from autowebiq_app.services import monitor, roles
from components.layout import page_shell
from state.blocking import in_session, in_thread
from state.signed_in import signed_in_user_id

REFRESH_SECONDS = 2.0
WATCH_ROUNDS = 900
"""A page left open stops refreshing itself after half an hour (Refresh starts it again)."""


class WorkerItem(TypedDict):
    worker: str
    up: str
    beat: str
    processed: int
    doing: str


class QueueItem(TypedDict):
    queue: str
    waiting: int
    delayed: int
    dead: int


class BuildItem(TypedDict):
    id: str
    kind: str
    status: str
    user: str
    when: str
    seconds: str
    error: str


class FigureItem(TypedDict):
    kind: str
    finished: int
    succeeded: int
    failed: int
    success_rate: str
    p50: str
    p95: str


class AgentItem(TypedDict):
    agent: str
    builds: int
    p50: str
    p95: str


class HourItem(TypedDict):
    hour: str
    succeeded: int
    failed: int


class MonitorState(rx.State):
    checked: bool = False
    allowed: bool = False
    show: str = "all"
    kind: str = "all"
    user: str = ""
    updated: str = ""
    broker_error: str = ""
    notice: str = ""
    workers: list[WorkerItem] = []
    queues: list[QueueItem] = []
    active: list[BuildItem] = []
    recent: list[BuildItem] = []
    figures: list[FigureItem] = []
    agents: list[AgentItem] = []
    hours: list[HourItem] = []
    _watching: bool = False

    @rx.event
    async def open(self):
        """on_load and Refresh: only an admin gets the figures; the page then refreshes itself."""
        user_id = await signed_in_user_id(self)
        self.allowed = await in_session(roles.is_admin, user_id=user_id)
        self.checked = True
        if not self.allowed:
            return
        self._apply(await in_thread(_load, self._filters()))
        if not self._watching:
            self._watching = True
            return MonitorState.watch

    @rx.event
    async def filter(self, show: str | list[str]):
        self.show = show if show in ("succeeded", "failed") else "all"
        await self._reload()

    @rx.event
    async def filter_kind(self, kind: str | list[str]):
        self.kind = kind if kind in ("build", "edit") else "all"
        await self._reload()

    @rx.event
    async def filter_user(self, user: str):
        self.user = user[:120]
        await self._reload()

    def _filters(self) -> Filters:
        return Filters(show=self.show, kind=self.kind, user=self.user)

    async def _reload(self) -> None:
        if self.allowed:
            self._apply(await in_thread(_load, self._filters()))

    @rx.event
    async def cancel(self, build_id: str):
        """Stop a queued or running build (refunded to its owner)."""
        await self._act(monitor.cancel, build_id, "Build cancelled and refunded.")

    @rx.event
    async def retry(self, build_id: str):
        """Run a failed build again for its owner (charged like a new build)."""
        await self._act(monitor.retry, build_id, "Build sent again; its owner was charged for the new build.")

    async def _act(self, action, build_id: str, done: str) -> None:
        user_id = await signed_in_user_id(self)
        try:
            await in_session(action, admin_id=user_id, build_id=build_id)
        except DomainError as exc:
            self.notice = exc.message
        else:
            self.notice = done
        self._apply(await in_thread(_load, self._filters()))

    @rx.event(background=True)
    async def watch(self):
        try:
            for _ in range(WATCH_ROUNDS):
                await asyncio.sleep(REFRESH_SECONDS)
                async with self:
                    if not self.allowed:
                        return
                    filters = self._filters()
                fields = await in_thread(_load, filters)
                async with self:
                    self._apply(fields)
        finally:
            async with self:
                self._watching = False

    def _apply(self, fields: dict) -> None:
        for name, value in fields.items():
            setattr(self, name, value)


class Filters(NamedTuple):
    """What the recent builds are filtered by: outcome, kind ("all" for any) and part of an email."""

    show: str
    kind: str
    user: str


def _load(filters: Filters) -> dict:
    """The monitor's fields, read now (the recent builds filtered)."""
    with session_scope() as session:
        snap = monitor.snapshot(
            session=session,
            status=None if filters.show == "all" else filters.show,
            kind=None if filters.kind == "all" else filters.kind,
            user=filters.user,
        )
    return {
        "broker_error": snap.broker_error,
        "workers": [
            WorkerItem(
                worker=row.worker,
                up=_duration(row.up_seconds),
                beat=f"{row.beat_seconds_ago:.0f} s ago",
                processed=row.processed,
                doing=row.doing,
            )
            for row in snap.workers
        ],
        "queues": [QueueItem(queue=q.queue, waiting=q.waiting, delayed=q.delayed, dead=q.dead) for q in snap.queues],
        "active": [_build_item(row) for row in snap.active],
        "recent": [_build_item(row) for row in snap.recent],
        "figures": [
            FigureItem(
                kind=f.kind,
                finished=f.finished,
                succeeded=f.succeeded,
                failed=f.failed,
                success_rate="–" if f.success_rate is None else f"{f.success_rate:.0%}",
                p50=_seconds(f.p50_seconds),
                p95=_seconds(f.p95_seconds),
            )
            for f in snap.figures
        ],
        "agents": [
            AgentItem(agent=a.agent, builds=a.builds, p50=_seconds(a.p50_seconds), p95=_seconds(a.p95_seconds))
            for a in snap.agents
        ],
        "hours": [HourItem(hour=h.hour.strftime("%H:00"), succeeded=h.succeeded, failed=h.failed) for h in snap.hours],
        "updated": utcnow().strftime("%H:%M:%S UTC"),
    }


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _build_item(row: monitor.BuildRow) -> BuildItem:
    return BuildItem(
        id=row.id,
        kind=row.kind,
        status=row.status,
        user=row.user,
        when=row.created_at.strftime("%d %b %H:%M:%S"),
        seconds=_seconds(row.seconds),
        error=row.error,
    )


def _table(headers: list[str], rows, render, table_id: str) -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(rx.foreach(rows, render)),
        id=table_id,
        width="100%",
    )


def _worker_row(row: WorkerItem) -> rx.Component:
    return rx.table.row(
        *[rx.table.cell(row[key]) for key in ("worker", "up", "beat", "processed", "doing")], class_name="worker-row"
    )


def _queue_row(row: QueueItem) -> rx.Component:
    return rx.table.row(
        *[rx.table.cell(row[key]) for key in ("queue", "waiting", "delayed", "dead")], class_name="queue-row"
    )


def _build_row(class_name: str, *, action: str = ""):
    """A build's row; "cancel" adds a Cancel button, "retry" a Retry button on failed builds."""

    def render(row: BuildItem) -> rx.Component:
        cells = [rx.table.cell(row[key]) for key in ("when", "kind", "status", "user", "seconds", "error")]
        if action == "cancel":
            cells.append(rx.table.cell(_row_button("Cancel", MonitorState.cancel(row["id"]), "red")))
        elif action == "retry":
            retry = _row_button("Retry", MonitorState.retry(row["id"]), "blue")
            cells.append(rx.table.cell(rx.cond(row["status"] == "failed", retry)))
        return rx.table.row(*cells, class_name=class_name)

    return render


def _row_button(label: str, on_click, colour: str) -> rx.Component:
    return rx.button(label, size="1", color_scheme=colour, variant="soft", on_click=on_click)


def _figure_row(row: FigureItem) -> rx.Component:
    return rx.table.row(
        *[rx.table.cell(row[key]) for key in ("kind", "finished", "succeeded", "failed", "success_rate", "p50", "p95")],
        class_name="figure-row",
    )


def _agent_row(row: AgentItem) -> rx.Component:
    return rx.table.row(*[rx.table.cell(row[key]) for key in ("agent", "builds", "p50", "p95")], class_name="agent-row")


def _section(title: str, *children) -> rx.Component:
    return rx.vstack(rx.heading(title, size="4", as_="h2"), *children, spacing="2", width="100%")


def monitor_body() -> rx.Component:
    build_headers = ["queued", "kind", "status", "user", "time", "error"]
    return page_shell(
        rx.vstack(
            rx.hstack(
                rx.heading("Operations monitor", size="6", as_="h1"),
                rx.spacer(),
                rx.text("updated ", MonitorState.updated, size="2", color_scheme="gray", id="monitor-updated"),
                rx.button("Refresh", on_click=MonitorState.open, variant="soft", id="monitor-refresh"),
                width="100%",
                align="center",
                wrap="wrap",
            ),
            rx.cond(MonitorState.broker_error != "", rx.callout(MonitorState.broker_error, color_scheme="red")),
            rx.cond(MonitorState.notice != "", rx.callout(MonitorState.notice, id="monitor-notice")),
            _section(
                "Workers",
                _table(
                    ["worker", "up", "last heartbeat", "done", "doing"], MonitorState.workers, _worker_row, "workers"
                ),
            ),
            _section(
                "Queues", _table(["queue", "waiting", "delayed", "dead"], MonitorState.queues, _queue_row, "queues")
            ),
            _section(
                "Active builds",
                _table(
                    [*build_headers, ""],
                    MonitorState.active,
                    _build_row("active-row", action="cancel"),
                    "active-builds",
                ),
            ),
            _section(
                "Last 24 hours",
                _table(
                    ["kind", "finished", "succeeded", "failed", "success", "run time p50", "p95"],
                    MonitorState.figures,
                    _figure_row,
                    "figures",
                ),
                _table(["agent", "builds", "time p50", "p95"], MonitorState.agents, _agent_row, "agent-figures"),
                rx.box(
                    rx.recharts.bar_chart(
                        rx.recharts.bar(
                            data_key="succeeded", stack_id="builds", fill="var(--grass-9)", name="succeeded"
                        ),
                        rx.recharts.bar(data_key="failed", stack_id="builds", fill="var(--red-9)", name="failed"),
                        rx.recharts.x_axis(data_key="hour"),
                        rx.recharts.y_axis(allow_decimals=False),
                        rx.recharts.graphing_tooltip(),
                        rx.recharts.legend(),
                        data=MonitorState.hours,
                        height=200,
                    ),
                    width="100%",
                    id="builds-chart",
                ),
            ),
            _section(
                "Recent builds",
                rx.hstack(
                    rx.segmented_control.root(
                        rx.segmented_control.item("All", value="all"),
                        rx.segmented_control.item("Succeeded", value="succeeded"),
                        rx.segmented_control.item("Failed", value="failed"),
                        value=MonitorState.show,
                        on_change=MonitorState.filter,
                        id="recent-filter",
                    ),
                    rx.segmented_control.root(
                        rx.segmented_control.item("Any kind", value="all"),
                        rx.segmented_control.item("Builds", value="build"),
                        rx.segmented_control.item("Edits", value="edit"),
                        value=MonitorState.kind,
                        on_change=MonitorState.filter_kind,
                        id="recent-kind",
                    ),
                    rx.input(
                        placeholder="User's email contains…",
                        value=MonitorState.user,
                        on_change=MonitorState.filter_user.debounce(300),
                        aria_label="Filter by user's email",
                        id="recent-user",
                        size="1",
                    ),
                    wrap="wrap",
                    spacing="2",
                ),
                _table(
                    [*build_headers, ""], MonitorState.recent, _build_row("recent-row", action="retry"), "recent-builds"
                ),
            ),
            spacing="5",
            width="100%",
            overflow_x="auto",
        )
    )


@rx.page(route=routes.ADMIN_MONITOR, title="Monitor | AutoWebIQ", on_load=MonitorState.open)
def admin_monitor_page() -> rx.Component:
    return rx.cond(
        MonitorState.allowed,
        monitor_body(),
        rx.cond(MonitorState.checked, not_found_page(), rx.center(rx.spinner(), min_height="50vh")),
    )
