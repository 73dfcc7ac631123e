"""The app's own 404 page: what happened and the ways back."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes


@rx.page(route="404", title="Page not found | AutoWebIQ")
def not_found_page() -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(
                rx.text("404", size="9", weight="bold", color_scheme="gray"),
                rx.heading("This page does not exist", size="6", as_="h1"),
                rx.text("The address may be mistyped, or the page was moved or deleted.", color_scheme="gray"),
                rx.hstack(
                    rx.link(rx.button("Go to the start"), href=routes.HOME),
                    rx.link(rx.button("Your projects", variant="soft"), href=routes.DASHBOARD),
                    spacing="3",
                    wrap="wrap",
                ),
                spacing="3",
                align="center",
            ),
            size="4",
            width="min(480px, 92vw)",
        ),
        min_height="100vh",
        padding="1em",
        as_="main",
    )
