"""Firebase sign-in: a local React component (`firebase_sign_in.jsx`) that bundles the Firebase
JS SDK from npm (no CDN), offers Google (popup) and a Firebase account's email and password,
and hands the signed-in user's ID token to a handler."""

from __future__ import annotations

import reflex as rx
from reflex_base.event import EventHandler, passthrough_event_spec

FIREBASE_JS_SDK = "firebase@13.2.0"


class FirebaseSignIn(rx.Component):
    library = rx.asset("firebase_sign_in.jsx", shared=True).importable_path
    lib_dependencies: list[str] = [FIREBASE_JS_SDK]
    tag = "FirebaseSignIn"

    config: rx.Var[dict]
    """{apiKey, authDomain, projectId, emulatorUrl}; renders nothing without a projectId."""

    on_token: EventHandler[passthrough_event_spec(str)]
    """The Firebase ID token of the user who signed in."""
    on_error: EventHandler[passthrough_event_spec(str)]
    """A Firebase error code (a closed popup is not an error)."""


firebase_sign_in = FirebaseSignIn.create
