"""/templates: every template with its thumbnail, filters, a live preview, and "Start from this"."""

from __future__ import annotations

from typing import TypedDict

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.api.site_files import SITE_SANDBOX
from autowebiq_app.catalog.service import get_catalog
from autowebiq_app.catalog.store import TEMPLATES
from autowebiq_app.services.project_templates import start_from_template
from components.category_select import category_select
from components.layout import error_callout, page_shell
from state.blocking import in_thread
from state.credits import CreditsState
from state.signed_in import as_user, page_event

DEVICE_WIDTHS = {"phone": "375px", "tablet": "768px", "desktop": "100%"}


class TemplateItem(TypedDict):
    slug: str
    name: str
    category: str
    description: str
    thumbnail: str
    tags: str


class TemplatesState(rx.State):
    items: list[TemplateItem] = []
    categories: list[str] = []
    category: str = "all"
    query: str = ""
    preview_slug: str = ""
    preview_name: str = ""
    variant: str = "light"
    device: str = "desktop"
    error: str = ""

    @rx.var
    def preview_src(self) -> str:
        return routes.template_preview(self.preview_slug, self.variant) if self.preview_slug else ""

    @rx.var
    def preview_width(self) -> str:
        return DEVICE_WIDTHS.get(self.device, "100%")

    @rx.event
    async def load(self):
        self.categories = ["all"] + await in_thread(_categories)
        await self._refresh()

    async def _refresh(self) -> None:
        category = None if self.category == "all" else self.category
        self.items = await in_thread(_template_items, category, self.query)

    @rx.event
    async def set_category(self, category: str | list[str]):
        self.category = category if isinstance(category, str) else "all"
        await self._refresh()

    @rx.event
    async def set_query(self, query: str):
        self.query = query[:100]
        await self._refresh()

    @rx.event
    def open_preview(self, slug: str, name: str):
        self.preview_slug, self.preview_name = slug, name

    @rx.event
    def close_preview(self, _open: bool = False):
        self.preview_slug = ""

    @rx.event
    def set_device(self, device: str | list[str]):
        self.device = device if isinstance(device, str) and device in DEVICE_WIDTHS else "desktop"

    @rx.event
    def set_variant(self, variant: str | list[str]):
        self.variant = "dark" if variant == "dark" else "light"

    @rx.event
    @page_event
    async def start_from(self, slug: str):
        """Create a project seeded with the template and open its workspace."""
        self.error = ""
        project = await as_user(self, start_from_template, template_slug=slug, variant=self.variant)
        self.preview_slug = ""
        return rx.redirect(routes.workspace(project.id))


def _categories() -> list[str]:
    return [row["category"] for row in get_catalog().categories(TEMPLATES)]


def _template_items(category: str | None, words: str) -> list[TemplateItem]:
    """The gallery's cards (a catalog read: MongoDB behind a Redis cache)."""
    return [
        TemplateItem(
            slug=t["slug"],
            name=t["name"],
            category=t["category"],
            description=t["description"],
            thumbnail=t.get("thumbnail", ""),
            tags=", ".join(t.get("tags", [])[:4]),
        )
        for t in get_catalog().templates(category=category, words=words)
    ]


def template_card(item: TemplateItem) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.image(
                src=item["thumbnail"],
                alt=item["name"] + " template thumbnail",
                width="100%",
                height="180px",
                object_fit="cover",
                object_position="top",
                border_radius="8px",
                loading="lazy",
            ),
            rx.hstack(rx.heading(item["name"], size="3"), rx.spacer(), rx.badge(item["category"]), width="100%"),
            rx.text(item["description"], size="2", color_scheme="gray"),
            rx.hstack(
                rx.button("Preview", variant="soft", on_click=TemplatesState.open_preview(item["slug"], item["name"])),
                rx.button("Start from this template", on_click=TemplatesState.start_from(item["slug"])),
                spacing="2",
                wrap="wrap",
            ),
            spacing="2",
        ),
        class_name="template-card",
        data_slug=item["slug"],
    )


def preview_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.vstack(
                rx.hstack(
                    rx.dialog.title(TemplatesState.preview_name, margin="0"),
                    rx.spacer(),
                    rx.segmented_control.root(
                        rx.segmented_control.item("Phone", value="phone"),
                        rx.segmented_control.item("Tablet", value="tablet"),
                        rx.segmented_control.item("Desktop", value="desktop"),
                        value=TemplatesState.device,
                        on_change=TemplatesState.set_device,
                    ),
                    rx.segmented_control.root(
                        rx.segmented_control.item("Light", value="light"),
                        rx.segmented_control.item("Dark", value="dark"),
                        value=TemplatesState.variant,
                        on_change=TemplatesState.set_variant,
                    ),
                    rx.button(
                        "Start from this template", on_click=TemplatesState.start_from(TemplatesState.preview_slug)
                    ),
                    rx.dialog.close(rx.button("Close", variant="soft")),
                    width="100%",
                    wrap="wrap",
                    spacing="3",
                ),
                rx.dialog.description("A live preview of the template with its sample content.", size="2"),
                rx.center(
                    rx.el.iframe(
                        src=TemplatesState.preview_src,
                        title="Template preview",
                        sandbox=SITE_SANDBOX,
                        id="template-preview",
                        style={
                            "width": TemplatesState.preview_width,
                            "height": "72vh",
                            "border": "1px solid var(--gray-a6)",
                            "border_radius": "10px",
                            "background": "white",
                            "max_width": "100%",
                        },
                    ),
                    width="100%",
                ),
                spacing="3",
            ),
            # Radix centres the dialog with a margin on each side: the rest of the screen, no more.
            max_width="min(1400px, calc(100vw - 2rem))",
            width="100%",
        ),
        open=TemplatesState.preview_slug != "",
        on_open_change=TemplatesState.close_preview,
    )


@rx.page(route=routes.TEMPLATES, title="Templates | AutoWebIQ", on_load=[TemplatesState.load, CreditsState.refresh])
def templates_page() -> rx.Component:
    return page_shell(
        rx.vstack(
            rx.heading("Templates", size="7"),
            rx.text("Start from a designed site and make it yours by chat.", color_scheme="gray"),
            rx.hstack(
                category_select(TemplatesState.categories, TemplatesState.category, TemplatesState.set_category),
                rx.input(
                    placeholder="Search templates",
                    value=TemplatesState.query,
                    on_change=TemplatesState.set_query.debounce(250),
                    id="template-search",
                    aria_label="Search templates",
                ),
                rx.text(
                    TemplatesState.items.length(), " templates", size="2", color_scheme="gray", id="template-count"
                ),
                spacing="3",
                align="center",
                wrap="wrap",
            ),
            error_callout(TemplatesState.error),
            rx.grid(
                rx.foreach(TemplatesState.items, template_card),
                columns=rx.breakpoints(initial="1", sm="2", lg="3"),
                spacing="4",
                width="100%",
            ),
            preview_dialog(),
            spacing="4",
            width="100%",
        )
    )
