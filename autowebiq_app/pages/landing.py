"""/: what AutoWebIQ does, a prompt box that carries the prompt through sign-up into a first
build, example prompts, and the prices in credits. /start continues a prompt after sign-in."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.core.config import get_settings
from autowebiq_app.services import prompt_projects
from components.layout import error_callout
from state.auth import AuthState
from state.blocking import in_session
from state.signed_in import signed_in_user_id

EXAMPLES = (
    "Build a luxury e-commerce website for a jewellery brand called Aurum",
    "A CRM for Harbour Roofing in Leeds where we add clients and log calls with them",
    "A to-do app with projects, due dates and priorities",
    "A booking site for a hair salon: pick a stylist, a date and a time",
    "A snake game with a high score",
    "A neighbourhood bakery called Crumb & Co in York, with opening hours and a map",
)
STEPS = (
    ("🧠", "Planner", "reads your brief and plans the pages, data and features"),
    ("🖼️", "Image", "draws every picture in the site's palette"),
    ("🎨", "Frontend", "writes the pages, styles and scripts"),
    ("✅", "QA", "tries every feature in a real browser before you see it"),
)
class LandingState(rx.State):
    draft: str = ""
    error: str = ""

    @rx.event
    def set_draft(self, text: str):
        self.draft = text

    @rx.event
    async def start(self, form: dict):
        """Build from the landing page: straight away when signed in, after sign-up otherwise."""
        prompt = str(form.get("prompt", "")).strip()
        if not prompt:
            self.error = "Describe the site or app you want first."
            return
        self.error = ""
        auth = await self.get_state(AuthState)
        auth.pending_prompt = prompt
        if await signed_in_user_id(self) is None:
            auth.mode = "signup"
            return rx.redirect(routes.AUTH)
        return rx.redirect(routes.START)

    @rx.event
    async def continue_pending(self):
        """/start: a project for the prompt carried through sign-up, its first build, then its workspace."""
        user_id = await signed_in_user_id(self)
        if user_id is None:
            return rx.redirect(routes.AUTH)
        auth = await self.get_state(AuthState)
        prompt, auth.pending_prompt = auth.pending_prompt, ""
        if not prompt:
            return rx.redirect(routes.DASHBOARD)
        project = await in_session(prompt_projects.start, user_id=user_id, prompt=prompt)
        return rx.redirect(routes.workspace(project.id))


def _example(text: str) -> rx.Component:
    return rx.button(
        text,
        variant="soft",
        size="1",
        type="button",
        on_click=LandingState.set_draft(text),
        class_name="example",
        white_space="normal",
        height="auto",
        padding_y="0.35em",
        text_align="left",
        max_width="100%",
    )


def prompt_box() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text("What should we build?", as_="label", html_for="landing-prompt", weight="medium"),
            rx.text_area(
                id="landing-prompt",
                name="prompt",
                value=LandingState.draft,
                on_change=LandingState.set_draft,
                placeholder="A booking site for a yoga studio in Bristol, with classes and a timetable",
                rows="3",
                width="100%",
            ),
            error_callout(LandingState.error),
            rx.button("Build it", type="submit", size="3", id="landing-build"),
            rx.flex(*[_example(text) for text in EXAMPLES], wrap="wrap", gap="2"),
            width="100%",
            spacing="3",
        ),
        on_submit=LandingState.start,
        width="100%",
    )


def _step(icon: str, name: str, text: str) -> rx.Component:
    return rx.card(rx.vstack(rx.heading(f"{icon} {name}", size="4", as_="h3"), rx.text(text, size="2"), spacing="1"))


@rx.page(route=routes.HOME, title="AutoWebIQ: describe a website, watch it get built")
def landing_page() -> rx.Component:
    settings = get_settings()
    return rx.box(
        rx.hstack(
            rx.text("AutoWebIQ", size="5", weight="bold"),
            rx.spacer(),
            rx.link("Templates", href=routes.TEMPLATES),
            rx.cond(
                AuthState.signed_in,
                rx.link("Your projects", href=routes.DASHBOARD),
                rx.link("Sign in", href=routes.AUTH, id="landing-sign-in"),
            ),
            as_="header",
            padding="1em 1.5em",
            align="center",
            spacing="4",
            width="100%",
        ),
        rx.vstack(
            rx.heading("Describe a website. Watch it get built.", size="8", as_="h1"),
            rx.text(
                "A team of agents plans, illustrates, writes and tests your site or app while you watch; refine it "
                "by chat, roll back any version, download it or publish it.",
                size="4",
                color_scheme="gray",
            ),
            prompt_box(),
            rx.grid(*[_step(*step) for step in STEPS], columns=rx.breakpoints(initial="1", sm="2", md="4"), gap="3"),
            rx.heading("Pricing in credits", size="5", as_="h2"),
            rx.text(
                f"You start with {settings.starting_credits} credits. A new site or app costs "
                f"{settings.build_cost}, a change by chat {settings.edit_cost}. A build that fails or that you "
                "cancel is refunded in full.",
                id="pricing",
            ),
            rx.link("Or start from one of the designed templates →", href=routes.TEMPLATES),
            as_="main",
            spacing="5",
            padding="1.5em",
            max_width="900px",
            margin="0 auto",
        ),
        min_height="100vh",
    )


@rx.page(route=routes.START, title="Starting your build | AutoWebIQ", on_load=LandingState.continue_pending)
def start_page() -> rx.Component:
    return rx.center(rx.vstack(rx.spinner(), rx.text("Starting your build…"), align="center"), min_height="100vh")
