"""The page shell: navigation bar with balance and sign-out, then the page's content."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.core.banner import connection_errors_count, has_connection_errors

from autowebiq_app import routes
from state.auth import AuthState
from state.credits import CreditsState

LINKS = (
    ("Projects", routes.DASHBOARD),
    ("Credits", routes.CREDITS),
    ("Templates", routes.TEMPLATES),
    ("Components", routes.COMPONENTS),
)
WIDE = rx.breakpoints(initial="none", md="flex")
OFFLINE_AFTER = 5
"""Failed reconnection attempts after which the app says it is offline rather than reconnecting."""
"""Shown from tablet width up; below it the navigation folds into the menu."""


def nav_menu() -> rx.Component:
    """The navigation and sign-out, folded into one button on a phone."""
    return rx.box(
        rx.menu.root(
            rx.menu.trigger(rx.icon_button(rx.icon("menu"), variant="soft", aria_label="Menu", id="nav-menu")),
            rx.menu.content(
                *[rx.menu.item(name, on_click=rx.redirect(href)) for name, href in LINKS],
                rx.cond(AuthState.is_admin, rx.menu.item("Monitor", on_click=rx.redirect(routes.ADMIN_MONITOR))),
                rx.cond(
                    AuthState.signed_in,
                    rx.fragment(rx.menu.separator(), rx.menu.item("Sign out", on_click=AuthState.sign_out)),
                ),
            ),
        ),
        display=rx.breakpoints(initial="block", md="none"),
    )


def connection_status() -> rx.Component:
    """Whether the live connection to the server is up: connected, reconnecting (which attempt), or offline."""
    attempts = connection_errors_count.to(int)
    return rx.box(
        rx.cond(
            has_connection_errors,
            rx.cond(
                attempts >= OFFLINE_AFTER,
                rx.badge("Offline", color_scheme="red", variant="soft", high_contrast=True),
                rx.badge(
                    "Reconnecting… attempt ",
                    attempts.to_string(),
                    color_scheme="amber",
                    variant="soft",
                    high_contrast=True,
                ),
            ),
            rx.badge(
                "●",
                rx.text(" Connected", as_="span", display=rx.breakpoints(initial="none", sm="inline")),
                color_scheme="green",
                variant="soft",
                high_contrast=True,
                aria_label="Connected",
            ),
        ),
        id="connection-status",
        role="status",
        aria_live="polite",
    )


def navbar() -> rx.Component:
    return rx.hstack(
        rx.link(rx.heading("AutoWebIQ", size="5", as_="p"), href=routes.DASHBOARD, underline="none"),
        rx.hstack(
            *[rx.link(name, href=href) for name, href in LINKS],
            rx.cond(AuthState.is_admin, rx.link("Monitor", href=routes.ADMIN_MONITOR, id="monitor-link")),
            spacing="4",
            as_="nav",
            aria_label="Main",
            display=WIDE,
        ),
        rx.spacer(),
        connection_status(),
        rx.cond(
            AuthState.signed_in,
            rx.hstack(
                rx.link(
                    rx.badge(
                        rx.text(CreditsState.balance, id="credit-balance"),
                        " credits",
                        size="2",
                        color_scheme="amber",
                        variant="soft",
                        high_contrast=True,
                    ),
                    href=routes.CREDITS,
                    underline="none",
                ),
                rx.cond(
                    CreditsState.tokens_used != "",
                    rx.box(
                        rx.tooltip(
                            rx.badge(
                                CreditsState.tokens_used,
                                id="tokens-used",
                                size="2",
                                color_scheme="gray",
                                variant="soft",
                            ),
                            content="Tokens your builds asked of models (credits stay the fixed build costs): "
                            + CreditsState.tokens_by_model,
                        ),
                        display=WIDE,
                    ),
                ),
                rx.text(
                    AuthState.user_email,
                    size="2",
                    color_scheme="gray",
                    display=rx.breakpoints(initial="none", lg="block"),
                ),
                rx.button("Sign out", on_click=AuthState.sign_out, variant="soft", size="2", display=WIDE),
                align="center",
                spacing="3",
            ),
        ),
        nav_menu(),
        as_="header",
        padding_x=rx.breakpoints(initial="1em", md="1.5em"),
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
