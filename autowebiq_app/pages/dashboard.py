"""/dashboard: the user's projects, a form to create one, and the balance."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.services import preview_links, project_deletion, project_overview, projects
from components.layout import error_callout, page_shell
from components.project_card import project_card
from state.auth import AuthState
from state.credits import CreditsState
from state.signed_in import as_user, page_event

STATUS_LABELS = {
    project_overview.DRAFT: "No build yet",
    project_overview.BUILDING: "Building…",
    project_overview.COMPLETED: "Built",
    project_overview.FAILED: "Last build failed",
}


class ProjectRow(TypedDict):
    id: str
    name: str
    description: str
    updated: str
    href: str
    status: str
    status_label: str
    thumbnail: str
    """The latest version's preview, shown small ("" before the first version)."""


class DashboardState(rx.State):
    projects: list[ProjectRow] = []
    error: str = ""
    query: str = ""
    renaming_id: str = ""
    """The project whose rename dialog is open."""
    deleted_id: str = ""
    deleted_name: str = ""
    """The project just deleted, which the undo button brings back."""

    @rx.var
    def shown(self) -> list[ProjectRow]:
        """The projects whose name or description holds the search words."""
        words = self.query.lower().split()
        return [p for p in self.projects if all(w in f"{p['name']} {p['description']}".lower() for w in words)]

    @rx.event
    def set_query(self, query: str):
        self.query = query

    @rx.event
    @page_event
    async def load_projects(self):
        rows, states = await as_user(self, _projects_with_states)
        self.projects = [
            ProjectRow(
                id=p.id,
                name=p.name,
                description=p.description or "No description yet.",
                updated=p.updated_at.strftime("%d %b %Y, %H:%M"),
                href=routes.workspace(p.id),
                status=states[p.id].status,
                status_label=STATUS_LABELS.get(states[p.id].status, states[p.id].status),
                thumbnail=routes.preview(preview_links.sign(states[p.id].version_id))
                if states[p.id].version_id
                else "",
            )
            for p in rows
        ]

    @rx.event
    def start_rename(self, project_id: str):
        self.renaming_id = project_id

    @rx.event
    def rename_open(self, is_open: bool):
        if not is_open:
            self.renaming_id = ""

    @rx.event
    @page_event
    async def rename(self, form: dict):
        """Save the name typed in the open rename dialog (a form in a list cannot carry the
        list item's id to its handler, so the dialog's project is `renaming_id`)."""
        self.error = ""
        await as_user(self, projects.update_project, project_id=self.renaming_id, name=form.get("name", ""))
        self.renaming_id = ""
        await self.load_projects()

    @rx.event
    @page_event
    async def delete(self, project_id: str, name: str):
        self.error = ""
        await as_user(self, project_deletion.delete_project, project_id=project_id)
        self.deleted_id, self.deleted_name = project_id, name
        await self.load_projects()

    @rx.event
    @page_event
    async def undo_delete(self):
        if not self.deleted_id:
            return
        deleted_id, self.deleted_id, self.deleted_name = self.deleted_id, "", ""
        try:
            await as_user(self, project_deletion.undo_delete, project_id=deleted_id)
        finally:
            await self.load_projects()

    @rx.event
    @page_event
    async def create_project(self, form: dict):
        self.error = ""
        project = await as_user(
            self, projects.create_project, name=form.get("name", ""), description=form.get("description", "")
        )
        return rx.redirect(routes.workspace(project.id))


def _projects_with_states(*, session, user_id: str):
    rows = projects.list_projects(session=session, user_id=user_id)
    return rows, project_overview.overviews(session=session, projects=rows, with_code=False)


def new_project_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("New project", size="4"),
                rx.text("Name", as_="label", html_for="project-name", size="2"),
                rx.input(
                    id="project-name", name="name", placeholder="Aurum jewellery shop", required=True, width="100%"
                ),
                rx.text("Description (optional)", as_="label", html_for="project-description", size="2"),
                rx.text_area(
                    id="project-description", name="description", width="100%", aria_label="Description (optional)"
                ),
                error_callout(DashboardState.error),
                rx.button("Create project", type="submit", id="create-project"),
                spacing="2",
                width="100%",
            ),
            on_submit=DashboardState.create_project,
        ),
        width="100%",
    )


@rx.page(
    route=routes.DASHBOARD,
    title="Projects | AutoWebIQ",
    on_load=[AuthState.require_login, DashboardState.load_projects, CreditsState.refresh],
)
def dashboard_page() -> rx.Component:
    return page_shell(
        rx.grid(
            rx.vstack(
                rx.heading("Your projects", size="6"),
                error_callout(DashboardState.error),
                rx.cond(
                    DashboardState.deleted_id != "",
                    rx.callout(
                        rx.hstack(
                            rx.text("“", DashboardState.deleted_name, "” was deleted."),
                            rx.button(
                                "Undo", size="1", variant="soft", on_click=DashboardState.undo_delete, id="undo-delete"
                            ),
                            align="center",
                            wrap="wrap",
                        ),
                        icon="trash-2",
                        width="100%",
                        id="deleted-notice",
                    ),
                ),
                rx.cond(
                    DashboardState.projects.length() > 0,
                    rx.vstack(
                        rx.input(
                            placeholder="Search your projects",
                            value=DashboardState.query,
                            on_change=DashboardState.set_query,
                            aria_label="Search your projects",
                            id="project-search",
                            width="100%",
                        ),
                        rx.foreach(
                            DashboardState.shown,
                            lambda p: project_card(
                                p,
                                on_rename=DashboardState.rename,
                                on_delete=DashboardState.delete(p["id"], p["name"]),
                                renaming=DashboardState.renaming_id,
                                on_start_rename=DashboardState.start_rename(p["id"]),
                                on_rename_open=DashboardState.rename_open,
                            ),
                        ),
                        rx.cond(
                            DashboardState.shown.length() == 0,
                            rx.text("No project matches your search.", color_scheme="gray"),
                        ),
                        width="100%",
                        spacing="3",
                    ),
                    rx.text("No projects yet. Create your first one.", color_scheme="gray"),
                ),
                width="100%",
                spacing="3",
            ),
            new_project_form(),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="6",
            width="100%",
        )
    )
