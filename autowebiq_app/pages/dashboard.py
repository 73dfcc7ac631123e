"""/dashboard: the user's projects, a form to create one, and the balance."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.db import session_scope
from autowebiq_app.errors import DomainError
from autowebiq_app.services import projects
from components.layout import error_callout, page_shell
from components.project_card import project_card
from state.auth import AuthState, signed_in_user_id
from state.credits import CreditsState


class DashboardState(rx.State):
    projects: list[dict[str, str]] = []
    error: str = ""

    @rx.event
    async def load_projects(self):
        user_id = await signed_in_user_id(self)
        if user_id is None:
            return
        with session_scope() as session:
            rows = projects.list_projects(session=session, user_id=user_id)
        self.projects = [
            {
                "id": p.id,
                "name": p.name,
                "description": p.description or "No description yet.",
                "updated": p.updated_at.strftime("%d %b %Y, %H:%M"),
                "href": routes.workspace(p.id),
            }
            for p in rows
        ]

    @rx.event
    async def create_project(self, form: dict):
        self.error = ""
        user_id = await signed_in_user_id(self)
        if user_id is None:
            return rx.redirect(routes.AUTH)
        try:
            with session_scope() as session:
                project = projects.create_project(
                    session=session,
                    user_id=user_id,
                    name=form.get("name", ""),
                    description=form.get("description", ""),
                )
        except DomainError as exc:
            self.error = exc.message
            return
        return rx.redirect(routes.workspace(project.id))


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
                rx.text_area(id="project-description", name="description", width="100%"),
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
                rx.cond(
                    DashboardState.projects.length() > 0,
                    rx.vstack(rx.foreach(DashboardState.projects, project_card), width="100%", spacing="3"),
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
