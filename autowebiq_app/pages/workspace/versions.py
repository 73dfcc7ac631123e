"""The workspace's versions panel: view, compare, restore, download and publish versions."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.pages.workspace.preview import PreviewState
from autowebiq_app.services import preview_links, publishing, usage, versions
from components.preview_frame import site_miniature
from state.signed_in import as_user, page_event

COMPARE_SCALE = 0.22
"""Two versions side by side: each drawn at 22 % of desktop size, so both fit beside the preview."""


class VersionItem(TypedDict):
    number: str
    prompt: str
    score: str
    created: str
    download: str
    tokens: str


class FileChange(TypedDict):
    path: str
    status: str
    diff: str


class ComparedVersion(TypedDict):
    label: str
    url: str


class VersionsState(rx.State):
    items: list[VersionItem] = []
    viewing: str = ""
    published_url: str = ""
    published_version: str = ""
    compare_from: str = ""
    compare_to: str = ""
    changes: list[FileChange] = []
    compared: list[ComparedVersion] = []
    """The two versions compared, each with its preview, drawn side by side."""
    error: str = ""

    def _project_id(self) -> str:
        return self.router.page.params.get("project_id", "")

    async def _show(self, version) -> None:
        """Point the workspace's preview at `version`."""
        (await self.get_state(PreviewState)).show(version.id)

    @rx.event
    @page_event
    async def load(self):
        listing = await as_user(self, _versions_of, project_id=self._project_id())
        project, rows, tokens = listing
        self.items = [
            VersionItem(
                number=str(v.number),
                prompt=v.prompt[:140],
                score="–" if v.qa_score is None else f"{v.qa_score}/100",
                created=v.created_at.strftime("%d %b %H:%M"),
                download=routes.download(preview_links.sign(v.id)),
                tokens=usage.describe(tokens.get(v.build_id or "")),
            )
            for v in rows
        ]
        self.viewing = self.items[0]["number"] if self.items else ""
        self.published_version = str(project.published_version or "")
        self.published_url = publishing.site_url(project.published_slug) if project.published_slug else ""
        if len(self.items) >= 2:
            self.compare_from, self.compare_to = self.items[1]["number"], self.items[0]["number"]
        self.changes, self.compared, self.error = [], [], ""

    @rx.event
    @page_event
    async def view(self, number: str):
        _, version = await as_user(self, versions.users_version, project_id=self._project_id(), number=int(number))
        await self._show(version)
        self.viewing = number

    @rx.event
    @page_event
    async def restore(self, number: str):
        restored = await as_user(self, versions.restore_version, project_id=self._project_id(), number=int(number))
        await self.load()
        await self._show(restored)

    @rx.event
    @page_event
    async def publish(self, number: str):
        await as_user(self, publishing.publish, project_id=self._project_id(), version_number=int(number))
        await self.load()

    @rx.event
    @page_event
    async def unpublish(self):
        await as_user(self, publishing.unpublish, project_id=self._project_id())
        await self.load()

    @rx.event
    def set_compare_from(self, number: str):
        self.compare_from = number

    @rx.event
    def set_compare_to(self, number: str):
        self.compare_to = number

    @rx.event
    @page_event
    async def compare(self):
        if not (self.compare_from and self.compare_to):
            return
        older, newer, changes = await as_user(
            self,
            _compare,
            project_id=self._project_id(),
            older=int(self.compare_from),
            newer=int(self.compare_to),
        )
        self.compared = [
            ComparedVersion(label=f"v{v.number}", url=routes.preview(preview_links.sign(v.id))) for v in (older, newer)
        ]
        self.changes = [FileChange(path=c["path"], status=c["status"], diff=c["diff"][:20_000]) for c in changes] or [
            FileChange(path="", status="same", diff="These versions are identical.")
        ]

    @rx.var
    def numbers(self) -> list[str]:
        return [item["number"] for item in self.items]


def _versions_of(*, session, user_id: str, project_id: str):
    """The user's project, its latest 100 versions and the tokens their builds used."""
    project, rows, _ = versions.users_versions(session=session, user_id=user_id, project_id=project_id, limit=100)
    tokens = usage.of_builds(session=session, build_ids=[v.build_id for v in rows if v.build_id])
    return project, rows, tokens


def _compare(*, session, user_id: str, project_id: str, older: int, newer: int):
    _, first = versions.users_version(session=session, user_id=user_id, project_id=project_id, number=older)
    _, second = versions.users_version(session=session, user_id=user_id, project_id=project_id, number=newer)
    return first, second, versions.diff_versions(first, second)


def _version_row(item: VersionItem) -> rx.Component:
    number = item["number"]
    return rx.hstack(
        rx.vstack(
            rx.hstack(
                rx.text("v", number, weight="bold"),
                rx.badge("QA ", item["score"], variant="soft"),
                rx.cond(VersionsState.published_version == number, rx.badge("live", color_scheme="green")),
                rx.cond(VersionsState.viewing == number, rx.badge("viewing", color_scheme="blue")),
                rx.text(item["created"], size="1", color_scheme="gray"),
                rx.cond(
                    item["tokens"] != "",
                    rx.text(item["tokens"], size="1", color_scheme="gray", class_name="version-tokens"),
                ),
                spacing="2",
                align="center",
            ),
            rx.text(item["prompt"], size="1", color_scheme="gray"),
            spacing="1",
            align="start",
            width="100%",
        ),
        rx.hstack(
            rx.button("View", size="1", variant="soft", on_click=VersionsState.view(number)),
            restore_button(number),
            rx.button("Publish", size="1", variant="soft", on_click=VersionsState.publish(number)),
            rx.button("Zip", size="1", variant="soft", on_click=rx.download(url=item["download"])),
            spacing="1",
        ),
        width="100%",
        justify="between",
        class_name="version-row",
        data_number=number,
    )


def restore_button(number) -> rx.Component:
    """Restore, after asking: the version's files become a new version on top of the others."""
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(rx.button("Restore", size="1", variant="soft")),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Restore version ", number, "?"),
            rx.alert_dialog.description(
                "Its files become a new version on top of the others; nothing is deleted and no credits are used."
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Keep the current version", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(
                    rx.button("Restore", on_click=VersionsState.restore(number), id="confirm-restore")
                ),
                spacing="3",
                justify="end",
                wrap="wrap",
                margin_top="1em",
            ),
            max_width="min(440px, 92vw)",
        ),
    )


def versions_panel() -> rx.Component:
    return rx.vstack(
        rx.cond(
            VersionsState.published_url != "",
            rx.callout(
                rx.hstack(
                    rx.text("Published at "),
                    rx.link(
                        VersionsState.published_url,
                        href=VersionsState.published_url,
                        is_external=True,
                        id="published-link",
                    ),
                    rx.button("Unpublish", size="1", variant="soft", on_click=VersionsState.unpublish),
                    align="center",
                    wrap="wrap",
                ),
                icon="globe",
                color_scheme="green",
                width="100%",
            ),
        ),
        rx.cond(
            VersionsState.error != "", rx.callout(VersionsState.error, color_scheme="red", role="alert", width="100%")
        ),
        rx.foreach(VersionsState.items, _version_row),
        rx.cond(
            VersionsState.items.length() > 1,
            rx.vstack(
                rx.hstack(
                    rx.text("Compare", size="2"),
                    rx.select(
                        VersionsState.numbers,
                        value=VersionsState.compare_from,
                        on_change=VersionsState.set_compare_from,
                        aria_label="Older version",
                    ),
                    rx.text("with", size="2"),
                    rx.select(
                        VersionsState.numbers,
                        value=VersionsState.compare_to,
                        on_change=VersionsState.set_compare_to,
                        aria_label="Newer version",
                    ),
                    rx.button("Show changes", size="1", on_click=VersionsState.compare, id="compare-versions"),
                    align="center",
                    wrap="wrap",
                ),
                rx.flex(
                    rx.foreach(
                        VersionsState.compared,
                        lambda side: rx.vstack(
                            rx.text(side["label"], size="1", weight="bold"),
                            site_miniature(side["url"], scale=COMPARE_SCALE, class_name="compare-site"),
                            spacing="1",
                        ),
                    ),
                    gap="3",
                    wrap="wrap",
                    id="visual-diff",
                ),
                rx.foreach(
                    VersionsState.changes,
                    lambda change: rx.vstack(
                        rx.hstack(rx.badge(change["status"]), rx.code(change["path"]), spacing="2"),
                        rx.code_block(change["diff"], language="diff", width="100%", class_name="version-diff"),
                        width="100%",
                    ),
                ),
                width="100%",
            ),
        ),
        width="100%",
        spacing="2",
        id="versions-panel",
    )
