"""Who is signed in: the session token in localStorage, resolved on the server each time."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.core.config import get_settings
from autowebiq_app.errors import DomainError
from autowebiq_app.models import UserRole
from autowebiq_app.services import accounts, sign_in
from state.blocking import in_session

FIREBASE_ERRORS = {
    "auth/invalid-credential": "Firebase did not recognise that email and password.",
    "auth/wrong-password": "Firebase did not recognise that email and password.",
    "auth/user-not-found": "Firebase did not recognise that email and password.",
    "auth/invalid-email": "Enter an email address like name@example.com.",
    "auth/user-disabled": "That Firebase account is disabled.",
    "auth/too-many-requests": "Too many attempts: Firebase asks you to wait a little.",
    "auth/popup-blocked": "The browser blocked Google's sign-in window: allow pop-ups for this site.",
    "auth/network-request-failed": "Google's sign-in could not be reached. Check the connection and try again.",
    "auth/internal-error": "Google's sign-in could not be reached (it needs Google's servers). Try again later.",
}
"""What a person reads for the Firebase SDK's error codes (others are shown with their code)."""


class AuthState(rx.State):
    """Sign in, sign up, sign out, and the guard for pages that need an account."""

    auth_token: str = rx.LocalStorage(name="autowebiq_token")
    pending_prompt: str = rx.LocalStorage(name="autowebiq_pending_prompt")
    """A prompt typed on the landing page before signing in: built once the visitor has an account."""
    user_email: str = ""
    user_name: str = ""
    is_admin: bool = False
    """Shows the Monitor link; /admin/monitor checks the role again itself."""
    error: str = ""
    mode: str = "signin"
    busy: bool = False
    firebase_config: dict[str, str] = {}
    """The Firebase button's settings when this server offers Firebase sign-in, else empty."""

    async def resolve_user(self) -> str | None:
        """The signed-in user's id, checked against the database off the event loop (tokens
        can be revoked); their name and role are kept for the header."""
        token = self.auth_token
        user = await in_session(accounts.user_for_token, token=token) if token else None
        if user is None:
            return None
        self.user_email, self.user_name = user.email or "", user.display_name
        self.is_admin = user.role == UserRole.ADMIN
        return user.id

    @rx.var
    def signed_in(self) -> bool:
        return bool(self.user_email or self.user_name)

    @rx.event
    async def require_login(self):
        """on_load guard: a signed-out visitor goes to the sign-in page."""
        if await self.resolve_user() is None:
            self.user_email = self.user_name = ""
            return rx.redirect(routes.AUTH)

    @rx.event
    async def redirect_if_signed_in(self):
        if self.auth_token and await self.resolve_user() is not None:
            return rx.redirect(routes.DASHBOARD)
        self.firebase_config = get_settings().firebase_web_config

    @rx.event
    async def firebase_signed_in(self, id_token: str):
        """The Firebase button's ID token: verified here, then signed in like a password."""
        self.error = ""
        try:
            user, token = await in_session(
                sign_in.with_firebase, id_token=id_token, client_ip=self.router.session.client_ip
            )
        except DomainError as exc:
            self.error = exc.message
            return
        return self._signed_in(user, token)

    @rx.event
    def firebase_failed(self, code: str):
        self.error = FIREBASE_ERRORS.get(code, f"Firebase sign-in did not work ({code[:80]}). Try again.")

    @rx.event
    def set_mode(self, mode: str | list[str]):
        self.mode = "signup" if mode == "signup" else "signin"
        self.error = ""

    @rx.event
    async def submit(self, form: dict):
        """Sign in or sign up with the form's email and password (the same limits as the API:
        sign-ups per IP, sign-ins per IP and per account)."""
        self.error = ""
        credentials = {
            "email": form.get("email", ""),
            "password": form.get("password", ""),
            "client_ip": self.router.session.client_ip,
        }
        try:
            if self.mode == "signup":
                user, token = await in_session(
                    sign_in.sign_up, display_name=form.get("display_name", ""), **credentials
                )
            else:
                user, token = await in_session(sign_in.sign_in, **credentials)
        except DomainError as exc:
            self.error = exc.message
            return
        return self._signed_in(user, token)

    def _signed_in(self, user, token: str):
        self.auth_token = token
        self.user_email, self.user_name = user.email or "", user.display_name
        return rx.redirect(routes.START if self.pending_prompt else routes.DASHBOARD)

    @rx.event
    async def sign_out(self):
        if self.auth_token:
            await in_session(accounts.sign_out, token=self.auth_token)
        self.reset()
        return rx.redirect(routes.AUTH)
