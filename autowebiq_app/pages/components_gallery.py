"""/components: every catalog component rendered with its sample content."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.api.site_files import SITE_SANDBOX
from autowebiq_app.catalog.service import get_catalog
from autowebiq_app.catalog.store import COMPONENTS
from components.category_select import category_select
from components.layout import page_shell
from state.blocking import in_thread
from state.credits import CreditsState


class ComponentItem(TypedDict):
    slug: str
    name: str
    category: str
    description: str
    a11y: str
    src: str


class ComponentsState(rx.State):
    items: list[ComponentItem] = []
    categories: list[str] = []
    category: str = "all"

    @rx.event
    async def load(self):
        self.categories = ["all"] + await in_thread(_categories)
        await self._refresh()

    async def _refresh(self) -> None:
        self.items = await in_thread(_component_items, None if self.category == "all" else self.category)

    @rx.event
    async def set_category(self, category: str | list[str]):
        self.category = category if isinstance(category, str) else "all"
        await self._refresh()


def _categories() -> list[str]:
    return [row["category"] for row in get_catalog().categories(COMPONENTS)]


def _component_items(category: str | None) -> list[ComponentItem]:
    """The gallery's cards (a catalog read: MongoDB behind a Redis cache)."""
    return [
        ComponentItem(
            slug=c["slug"],
            name=c["name"],
            category=c["category"],
            description=c["description"],
            a11y=c.get("a11y", ""),
            src=routes.component_preview(c["slug"]),
        )
        for c in get_catalog().component_list(category=category, full=True)
    ]


def component_card(item: ComponentItem) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.heading(item["name"], size="3"), rx.spacer(), rx.badge(item["category"]), width="100%"),
            rx.text(item["description"], size="2"),
            rx.el.iframe(
                src=item["src"],
                title=item["name"] + " preview",
                sandbox=SITE_SANDBOX,
                loading="lazy",
                style={
                    "width": "100%",
                    "height": "380px",
                    "border": "1px solid var(--gray-a5)",
                    "border_radius": "8px",
                    "background": "white",
                },
            ),
            rx.text(rx.text.strong("Accessibility: "), item["a11y"], size="1", color_scheme="gray"),
            spacing="2",
        ),
        class_name="component-card",
        data_slug=item["slug"],
    )


@rx.page(route=routes.COMPONENTS, title="Components | AutoWebIQ", on_load=[ComponentsState.load, CreditsState.refresh])
def components_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading("Components", size="7"),
            rx.text("The building blocks every generated site is composed from.", color_scheme="gray"),
            category_select(ComponentsState.categories, ComponentsState.category, ComponentsState.set_category),
            rx.grid(
                rx.foreach(ComponentsState.items, component_card),
                columns=rx.breakpoints(initial="1", lg="2"),
                spacing="4",
                width="100%",
            ),
            spacing="4",
            width="100%",
        )
    )
