"""The page shell: navigation bar with balance and sign-out, then the page's content."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from state.auth import AuthState
from state.credits import CreditsState


def navbar() -> rx.Component:
    return rx.hstack(
        rx.link(rx.heading("AutoWebIQ", size="5"), href=routes.DASHBOARD, underline="none"),
        rx.hstack(
            rx.link("Projects", href=routes.DASHBOARD),
            rx.link("Credits", href=routes.CREDITS),
            rx.link("Templates", href=routes.TEMPLATES),
            rx.link("Components", href=routes.COMPONENTS),
            spacing="4",
            as_="nav",
            aria_label="Main",
        ),
        rx.spacer(),
        rx.cond(
            AuthState.signed_in,
            rx.hstack(
                rx.badge(
                    rx.text(CreditsState.balance, id="credit-balance"),
                    " credits",
                    size="2",
                    color_scheme="amber",
                    variant="soft",
                ),
                rx.cond(
                    CreditsState.tokens_used != "",
                    rx.tooltip(
                        rx.badge(
                            CreditsState.tokens_used, id="tokens-used", size="2", color_scheme="gray", variant="soft"
                        ),
                        content="Tokens your builds asked of models (credits stay the fixed build costs): "
                        + CreditsState.tokens_by_model,
                    ),
                ),
                rx.text(AuthState.user_email, size="2", color_scheme="gray"),
                rx.button("Sign out", on_click=AuthState.sign_out, variant="soft", size="2"),
                align="center",
                spacing="3",
            ),
        ),
        as_="header",
        padding_x="1.5em",
        padding_y="0.75em",
        border_bottom="1px solid var(--gray-a5)",
        width="100%",
        align="center",
    )


def page_shell(*children: rx.Component, **props) -> rx.Component:
    return rx.box(
        navbar(),
        rx.box(*children, as_="main", padding="1.5em", max_width="1400px", margin="0 auto", **props),
        min_height="100vh",
    )


def error_callout(message) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(message, icon="triangle_alert", color_scheme="red", role="alert", width="100%"),
    )
