"""A project in the dashboard list: its name, description, last build, and rename and delete."""

from __future__ import annotations

import reflex as rx

from components.preview_frame import SITE_HEIGHT, SITE_WIDTH, site_miniature

STATUS_COLOURS = {"draft": "gray", "building": "blue", "completed": "green", "failed": "red"}


def _rename(project, on_rename, *, renaming, on_start, on_open_change) -> rx.Component:
    """A dialog open while `renaming` is this project's id (so it closes once the name is saved)."""
    return rx.dialog.root(
        rx.button("Rename", size="1", variant="soft", class_name="rename-project", on_click=on_start),
        rx.dialog.content(
            rx.dialog.title("Rename project"),
            rx.form(
                rx.vstack(
                    rx.input(
                        name="name", default_value=project["name"], aria_label="Name", required=True, width="100%"
                    ),
                    rx.flex(
                        rx.dialog.close(rx.button("Cancel", type="button", variant="soft", color_scheme="gray")),
                        rx.button("Save", type="submit"),
                        spacing="3",
                        justify="end",
                    ),
                    spacing="3",
                ),
                on_submit=on_rename,
            ),
            max_width="min(420px, 92vw)",
        ),
        open=renaming == project["id"],
        on_open_change=on_open_change,
    )


def _delete(project, on_delete) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.trigger(
            rx.button("Delete", size="1", variant="soft", color_scheme="red", class_name="delete-project")
        ),
        rx.alert_dialog.content(
            rx.alert_dialog.title("Delete “", project["name"], "”?"),
            rx.alert_dialog.description(
                "It leaves your list and its published site goes offline. You can undo this right after."
            ),
            rx.flex(
                rx.alert_dialog.cancel(rx.button("Keep it", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button("Delete", color_scheme="red", on_click=on_delete)),
                spacing="3",
                justify="end",
                margin_top="1em",
            ),
            max_width="min(440px, 92vw)",
        ),
    )


THUMB_SCALE = 0.25
"""The thumbnail is the site at 1280 x 800, drawn at a quarter of its size."""


def _thumbnail(project) -> rx.Component:
    """The latest version's home page, small and not clickable inside (a link around it opens the project)."""
    return rx.link(
        rx.cond(
            project["thumbnail"] != "",
            site_miniature(project["thumbnail"], scale=THUMB_SCALE, class_name="project-thumb"),
            rx.center(
                rx.text("No site yet", size="1", color_scheme="gray"),
                width=f"min({SITE_WIDTH * THUMB_SCALE:.0f}px, 100%)",
                height=f"{SITE_HEIGHT * THUMB_SCALE:.0f}px",
                border="1px dashed var(--gray-a6)",
                border_radius="6px",
                class_name="project-thumb-empty",
            ),
        ),
        href=project["href"],
        aria_label="Open " + project["name"],
        flex_shrink="0",
    )


def project_card(project, *, on_rename, on_delete, renaming, on_start_rename, on_rename_open) -> rx.Component:
    return rx.card(
        rx.flex(
            _thumbnail(project),
            rx.vstack(
                rx.link(rx.heading(project["name"], size="4"), href=project["href"], underline="none"),
                rx.text(project["description"], size="2", color_scheme="gray"),
                rx.hstack(
                    rx.badge(
                        project["status_label"],
                        color_scheme=rx.match(project["status"], *STATUS_COLOURS.items(), "gray"),
                        class_name="project-status",
                    ),
                    rx.text("Updated ", project["updated"], size="1", color_scheme="gray"),
                    rx.spacer(),
                    _rename(
                        project, on_rename, renaming=renaming, on_start=on_start_rename, on_open_change=on_rename_open
                    ),
                    _delete(project, on_delete),
                    align="center",
                    wrap="wrap",
                    width="100%",
                ),
                spacing="2",
                width="100%",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            gap="3",
            width="100%",
        ),
        width="100%",
        class_name="project-card",
    )
