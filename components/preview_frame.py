"""The generated site, shown in a sandboxed iframe served from its own route."""

from __future__ import annotations

import reflex as rx


def preview_frame(src) -> rx.Component:
    return rx.cond(
        src != "",
        rx.el.iframe(
            src=src,
            title="Site preview",
            sandbox="allow-scripts",
            id="site-preview",
            style={
                "width": "100%",
                "height": "70vh",
                "border": "1px solid var(--gray-a6)",
                "border_radius": "10px",
                "background": "white",
            },
        ),
        rx.center(
            rx.text("Your site will appear here after the first build.", color_scheme="gray"),
            height="70vh",
            border="1px dashed var(--gray-a6)",
            border_radius="10px",
        ),
    )
