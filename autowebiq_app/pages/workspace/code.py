"""The workspace's Code and Spec tabs: the latest version's files (a file list and the chosen
file's highlighted source) and the plan it was rendered from."""

from __future__ import annotations

import json
import posixpath

import reflex as rx

from autowebiq_app.errors import DomainError
from autowebiq_app.services import versions
from state.signed_in import SignedOut, as_user

LANGUAGES = {".html": "html", ".css": "css", ".js": "javascript", ".svg": "xml", ".json": "json", ".txt": "text"}
SHOWN_CHARS = 200_000
"""A longer file is cut here in the view (the download has it whole)."""


class CodeState(rx.State):
    paths: list[str] = []
    path: str = ""
    source: str = ""
    plan_json: str = ""
    _files: dict[str, str] = {}

    @rx.var
    def language(self) -> str:
        return LANGUAGES.get(posixpath.splitext(self.path)[1], "text")

    @rx.event
    async def load(self):
        """The latest version's files and plan (on opening the Code or Spec tab)."""
        try:
            files, plan = await as_user(self, _latest_files, project_id=self.router.page.params.get("project_id", ""))
        except (DomainError, SignedOut):
            files, plan = {}, {}
        self._files = files
        self.paths = sorted(files, key=lambda p: (p != "index.html", "/" in p, p))
        self.plan_json = json.dumps(plan.get("app") or plan, indent=2, ensure_ascii=False) if plan else ""
        self.show(self.path if self.path in files else (self.paths[0] if self.paths else ""))

    @rx.event
    async def open_tab(self, tab: str):
        """The workspace's tabs changed: read the files afresh when Code or Spec opens."""
        if tab in ("code", "spec"):
            await self.load()

    @rx.event
    def show(self, path: str):
        self.path = path
        self.source = self._files.get(path, "")[:SHOWN_CHARS]


def _file_button(path: str) -> rx.Component:
    return rx.button(
        path,
        size="1",
        variant=rx.cond(CodeState.path == path, "solid", "ghost"),
        on_click=CodeState.show(path),
        justify="start",
        width="100%",
        class_name="code-file",
    )


def code_panel() -> rx.Component:
    return rx.cond(
        CodeState.paths.length() > 0,
        rx.grid(
            rx.scroll_area(
                rx.vstack(rx.foreach(CodeState.paths, _file_button), spacing="1", width="100%"),
                type="auto",
                scrollbars="vertical",
                max_height="420px",
                aria_label="Files",
            ),
            rx.box(
                rx.text(CodeState.path, size="1", color_scheme="gray", id="code-path"),
                rx.code_block(
                    CodeState.source,
                    language=CodeState.language,
                    show_line_numbers=True,
                    wrap_long_lines=True,
                    custom_style={"maxHeight": "420px", "fontSize": "0.75em"},
                    id="code-source",
                ),
                min_width="0",
            ),
            columns=rx.breakpoints(initial="1", sm="12em 1fr"),
            gap="3",
            width="100%",
        ),
        rx.text("The files appear here after the first build.", color_scheme="gray"),
    )


def spec_panel() -> rx.Component:
    return rx.cond(
        CodeState.plan_json != "",
        rx.vstack(
            rx.text(
                "What the site was rendered from: its pages, data and features (or its sections).",
                size="2",
                color_scheme="gray",
            ),
            rx.code_block(
                CodeState.plan_json,
                language="json",
                wrap_long_lines=True,
                custom_style={"maxHeight": "460px", "fontSize": "0.75em"},
                id="spec-source",
            ),
            width="100%",
        ),
        rx.text("The spec appears here after the first build.", color_scheme="gray"),
    )


def _latest_files(*, session, user_id: str, project_id: str) -> tuple[dict[str, str], dict]:
    """The files and plan of the user's project's latest version (empty before the first)."""
    version = versions.users_latest_version(session=session, user_id=user_id, project_id=project_id)
    return (dict(version.files), version.plan or {}) if version else ({}, {})
