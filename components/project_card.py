"""A project in the dashboard list."""

from __future__ import annotations

import reflex as rx


def project_card(project: dict) -> rx.Component:
    return rx.link(
        rx.card(
            rx.vstack(
                rx.heading(project["name"], size="4"),
                rx.text(project["description"], size="2", color_scheme="gray"),
                rx.text("Updated ", project["updated"], size="1", color_scheme="gray"),
                spacing="1",
            ),
            width="100%",
        ),
        href=project["href"],
        underline="none",
        class_name="project-card",
        width="100%",
    )
