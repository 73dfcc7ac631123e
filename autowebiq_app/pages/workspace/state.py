"""State of /workspace/[project_id]: start builds and follow their event stream live."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

import reflex as rx

from autowebiq_app import events, routes
from autowebiq_app.core.config import get_settings
from autowebiq_app.errors import DomainError, EditNotUnderstood, ProjectNotFound
from autowebiq_app.models import Build, BuildStatus, Project, ProjectVersion
from autowebiq_app.pages.workspace.preview import PreviewState
from autowebiq_app.pages.workspace.versions import VersionsState
from autowebiq_app.services import builds, project_overview, projects, usage, versions
from autowebiq_app.services.build_feed import BuildFeed
from components.build_feed import FeedItem
from state.blocking import in_session
from state.credits import CreditsState
from state.signed_in import as_user, page_event

FOLLOW_BLOCK_MS = 5000
FOLLOW_MAX_SECONDS = 3600
STATUS_TEXT = {
    "idle": "Ready to build",
    BuildStatus.QUEUED: "Queued: waiting for a builder…",
    BuildStatus.RUNNING: "🚀 Starting…",
    BuildStatus.SUCCEEDED: "✅ Build complete!",
    BuildStatus.FAILED: "❌ Build failed",
}
STAGES = {"planner": "🧠 Planner", "image": "🖼️ Image", "frontend": "🎨 Frontend", "qa": "🔍 QA"}
"""The stage a running build is in, by the agent that spoke last."""


class ChatMessage(TypedDict):
    role: str
    """"user" or "assistant"."""
    content: str


class QaCheck(TypedDict):
    name: str
    result: str
    problems: str


MODEL_TEXT_SHOWN = 6000


class WorkspaceState(rx.State):
    project_id: str = ""
    project_name: str = ""
    not_found: bool = False
    feed: list[FeedItem] = []
    model_text: str = ""
    """What the model has written for the build so far (its tail), shown as it arrives."""
    stage: str = ""
    build_seconds: str = ""
    notice: str = ""
    messages: list[ChatMessage] = []
    progress: int = 0
    status: str = "idle"
    error: str = ""
    build_id: str = ""
    qa_score: str = ""
    qa_checks: list[QaCheck] = []
    qa_features: str = ""
    app_summary: list[str] = []
    reconnecting: bool = False
    usage_text: str = ""
    models: list[str] = []
    """The models a project may choose (the select shows when there are two or more)."""
    model: str = ""
    _last_event_id: str = "0"
    _generation: int = 0
    _user_id: str = ""
    """Whose workspace this is (resolved by `load`), for the background feed."""

    @rx.var
    def busy(self) -> bool:
        return self.status in (BuildStatus.QUEUED, BuildStatus.RUNNING)

    @rx.var
    def status_text(self) -> str:
        if self.reconnecting and self.status in (BuildStatus.QUEUED, BuildStatus.RUNNING):
            return "Reconnecting to the live feed…"
        if self.status == BuildStatus.RUNNING and self.stage:
            return f"{self.stage}…"
        if self.status == BuildStatus.SUCCEEDED and self.build_seconds:
            return f"{STATUS_TEXT[self.status]} {self.build_seconds} s"
        return STATUS_TEXT.get(self.status, self.status)

    async def _show_latest(self, latest: LatestVersion) -> None:
        (await self.get_state(PreviewState)).show(latest["version_id"])
        self.qa_score, self.qa_checks = latest["qa_score"], latest["qa_checks"]
        self.qa_features, self.app_summary = latest["qa_features"], latest["app_summary"]

    @rx.event
    @page_event
    async def load(self):
        """on_load: the project, its latest version and its latest build's history, then live."""
        project_id = self.router.page.params.get("project_id", "")
        self._generation += 1
        self.feed, self.error, self.progress, self.status, self.build_id = [], "", 0, "idle", ""
        self.model_text = self.stage = self.build_seconds = self.notice = ""
        self._last_event_id = "0"
        try:
            opened = await as_user(self, _open_project, project_id=project_id)
        except ProjectNotFound:
            self.not_found, self.project_id, self.project_name = True, "", ""
            return
        project, latest = opened.project, opened.latest_build
        self._user_id = project.user_id
        self.not_found, self.project_id, self.project_name = False, project.id, project.name
        self.messages = opened.messages
        self.models, self.model = get_settings().models(), projects.project_model(project)[0] or ""
        await self._show_latest(opened.latest_version)
        self.usage_text = opened.usage
        if latest is not None:
            self.build_id, self.status, self.progress = latest.id, latest.status, latest.progress
            return WorkspaceState.follow_build

    @rx.event
    @page_event
    async def choose_model(self, model: str):
        """The model this project's next builds use."""
        self.error = ""
        project = await as_user(self, projects.update_project, project_id=self.project_id, model=model)
        self.model = projects.project_model(project)[0] or ""

    @rx.event
    @page_event
    async def start_build(self, form: dict):
        """Send: reserve credits, queue the build, then follow it live."""
        self.error = ""
        try:
            build = await as_user(self, builds.start_build, project_id=self.project_id, prompt=form.get("prompt", ""))
        except EditNotUnderstood:
            build = None  # the engine's answer is in the chat, read below
        self.messages = await as_user(self, _messages, project_id=self.project_id)
        if build is None:
            return
        self._user_id = build.user_id
        self._generation += 1
        self.build_id, self.status, self.progress, self.feed = build.id, build.status, 0, []
        self.model_text = self.stage = self.build_seconds = self.notice = ""
        self._last_event_id, self.usage_text = "0", ""
        return [CreditsState.refresh, WorkspaceState.follow_build]

    @rx.event
    @page_event
    async def cancel_build(self):
        """Stop the running or queued build; its credits come back (the feed then ends it)."""
        build = await as_user(self, builds.cancel_build, build_id=self.build_id)
        self.notice = f"Cancelled: {build.cost} credits refunded."
        return CreditsState.refresh

    @rx.event
    @page_event
    async def duplicate(self):
        """Copy this project (from its latest version) and open the copy."""
        copy = await as_user(self, versions.duplicate_project, project_id=self.project_id)
        return rx.redirect(routes.workspace(copy.id))

    @rx.event(background=True)
    async def follow_build(self):
        """Follow the build from the last event seen (`services.build_feed`) until it ends; while
        Redis is unreachable say so, keep trying, and still end on the outcome."""
        async with self:
            generation, build_id, after = self._generation, self.build_id, self._last_event_id
            project_id, user_id = self.project_id, self._user_id
        if not build_id or not user_id:
            return
        try:
            feed = await BuildFeed.open(
                user_id=user_id,
                project_id=project_id,
                resume=f"{build_id}:{after}",
                block_ms=FOLLOW_BLOCK_MS,
                follow_next=False,
            )
        except DomainError:
            return
        ended = False
        try:
            async for update in feed.updates(max_seconds=FOLLOW_MAX_SECONDS):
                async with self:
                    if self._generation != generation:
                        return
                    self.reconnecting = update.reconnecting
                    for event in update.events:
                        self._apply(event)
                    ended = self.status in (BuildStatus.SUCCEEDED, BuildStatus.FAILED)
                if ended:
                    break
        finally:
            await feed.close()
        if not ended:
            return
        # What the build left, read without holding the state's lock.
        try:
            opened = await in_session(_open_project, user_id=user_id, project_id=project_id)
        except DomainError:
            return  # deleted meanwhile
        async with self:
            if self._generation != generation:
                return
            await self._show_latest(opened.latest_version)
            self.usage_text, self.messages = opened.usage, opened.messages
            credits_state = await self.get_state(CreditsState)
            await credits_state.refresh()
            versions_state = await self.get_state(VersionsState)
            await versions_state.load()

    def _apply(self, event: events.BuildEvent) -> None:
        self._last_event_id = event.id
        if event.progress is not None:
            self.progress = event.progress
        if event.type == events.BUILD_STARTED:
            self.status = BuildStatus.RUNNING
        elif event.type == events.BUILD_COMPLETE:
            self.status = BuildStatus.SUCCEEDED
            if isinstance(event.data.get("duration_ms"), int | float):
                self.build_seconds = f"{event.data['duration_ms'] / 1000:.1f}"
        elif event.type == events.BUILD_FAILED:
            self.status, self.error = BuildStatus.FAILED, event.message
        if event.agent in STAGES:
            self.stage = STAGES[event.agent]
        if "plan_text" in event.data:  # the model's reply, streamed: shown whole, not line by line
            self.model_text = (self.model_text + str(event.data["plan_text"]))[-MODEL_TEXT_SHOWN:]
        elif event.type != events.HEARTBEAT:
            self.feed.append(FeedItem(id=event.id, agent=event.agent or "system", message=event.message))


def _messages(*, session, user_id: str, project_id: str) -> list[ChatMessage]:
    return [
        ChatMessage(role=m.role, content=m.content)
        for m in projects.list_messages(session=session, user_id=user_id, project_id=project_id)
    ]


@dataclass(frozen=True)
class OpenedProject:
    project: Project
    latest_build: Build | None
    messages: list[ChatMessage]
    latest_version: LatestVersion
    usage: str
    """The latest build's tokens ("1,234 tokens (gpt-4o-mini)") if it used a model, else ""."""


def _open_project(*, session, user_id: str, project_id: str) -> OpenedProject:
    """What the workspace shows of a project of this user's (ProjectNotFound otherwise)."""
    found = project_overview.detail(session=session, user_id=user_id, project_id=project_id)
    latest = found.latest_build
    return OpenedProject(
        project=found.project,
        latest_build=latest,
        messages=_messages(session=session, user_id=user_id, project_id=project_id),
        latest_version=_latest_version(found.latest_version),
        usage=usage.describe(usage.of_build(latest)) if latest is not None else "",
    )


class LatestVersion(TypedDict):
    version_id: str
    qa_score: str
    qa_checks: list[QaCheck]
    qa_features: str
    app_summary: list[str]


def _latest_version(version: ProjectVersion | None) -> LatestVersion:
    """The latest version's preview link, QA score and checks (failed first), features
    verified in a browser, and what its app spec holds; blanks if none."""
    if version is None:
        return LatestVersion(version_id="", qa_score="", qa_checks=[], qa_features="", app_summary=[])
    version_id = version.id
    report = version.qa_report or {}
    app = (version.plan or {}).get("app")
    checks = sorted(report.get("checks", []), key=lambda c: (c.get("passed", True), c.get("name", "")))
    rows = [
        QaCheck(
            name=str(c.get("name", "")),
            result="Passed" if c.get("passed") else "Failed",
            problems="; ".join(str(p) for p in c.get("problems", []))[:300],
        )
        for c in checks
    ]
    features = (
        f"Features verified in a browser: {report['features_verified']} of {report['features_total']}"
        if "features_total" in report
        else ""
    )
    return LatestVersion(
        version_id=version_id,
        qa_score=f"{report['score']}/100" if "score" in report else "",
        qa_checks=rows,
        qa_features=features,
        app_summary=_spec_lines(app) if app else [],
    )


def _spec_lines(app: dict) -> list[str]:
    """The app spec in a few lines: each page with its features, each entity with its fields."""
    lines = []
    for page in app.get("pages", []):
        kinds = sorted({use["feature"] for use in page.get("features", [])})
        lines.append(f"Page {page['title']}" + (f": {', '.join(kinds)}" if kinds else ""))
    for entity in app.get("entities", []):
        fields = ", ".join(f["label"] for f in entity.get("fields", []))
        lines.append(f"{entity['plural']}: {fields} ({len(entity.get('records', []))} samples)")
    return lines
