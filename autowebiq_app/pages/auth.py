"""/auth: sign in or create an account."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from components.firebase_sign_in import firebase_sign_in
from components.layout import error_callout
from state.auth import AuthState


def auth_form() -> rx.Component:
    signup = AuthState.mode == "signup"
    return rx.form(
        rx.vstack(
            rx.cond(
                signup,
                rx.vstack(
                    rx.text("Name", as_="label", html_for="display_name", size="2"),
                    rx.input(
                        id="display_name",
                        name="display_name",
                        placeholder="Ada Lovelace",
                        width="100%",
                        aria_label="Name",
                    ),
                    width="100%",
                    spacing="1",
                ),
            ),
            rx.text("Email", as_="label", html_for="email", size="2"),
            rx.input(id="email", name="email", type="email", required=True, width="100%", aria_label="Email"),
            rx.text("Password", as_="label", html_for="password", size="2"),
            rx.input(
                id="password", name="password", type="password", required=True, width="100%", aria_label="Password"
            ),
            rx.cond(signup, rx.text("At least 8 characters, with a digit or symbol.", size="1", color_scheme="gray")),
            error_callout(AuthState.error),
            rx.button(
                rx.cond(signup, "Create account", "Sign in"),
                type="submit",
                width="100%",
                size="3",
                id="auth-submit",
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=AuthState.submit,
        reset_on_submit=False,
        width="100%",
    )


@rx.page(route=routes.AUTH, title="Sign in | AutoWebIQ", on_load=AuthState.redirect_if_signed_in)
def auth_page() -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(
                rx.heading("AutoWebIQ", size="7"),
                rx.text("Describe a website. Watch it get built.", color_scheme="gray"),
                rx.segmented_control.root(
                    rx.segmented_control.item("Sign in", value="signin"),
                    rx.segmented_control.item("Create account", value="signup"),
                    value=AuthState.mode,
                    on_change=AuthState.set_mode,
                    width="100%",
                ),
                auth_form(),
                rx.cond(
                    AuthState.firebase_config.contains("projectId"),
                    rx.vstack(
                        rx.text("or", size="2", color_scheme="gray", align="center", width="100%"),
                        firebase_sign_in(
                            config=AuthState.firebase_config,
                            on_token=AuthState.firebase_signed_in,
                            on_error=AuthState.firebase_failed,
                        ),
                        width="100%",
                        spacing="2",
                    ),
                ),
                spacing="4",
                width="100%",
            ),
            width="min(420px, 92vw)",
            size="4",
        ),
        min_height="100vh",
    )
