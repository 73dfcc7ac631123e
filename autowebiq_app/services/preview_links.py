"""Signed, expiring preview URLs: the sandboxed iframe cannot carry the user's session."""

from __future__ import annotations

import hashlib
import hmac
import time

from autowebiq_app.core.config import get_settings

PREVIEW_TTL_SECONDS = 12 * 3600


def sign(version_id: str, *, ttl_seconds: int = PREVIEW_TTL_SECONDS, now: float | None = None) -> str:
    """A token that grants read access to one version's files until it expires."""
    expires = int((now or time.time()) + ttl_seconds)
    payload = f"{version_id}.{expires}"
    return f"{payload}.{_mac(payload)}"


def verify(token: str, *, now: float | None = None) -> str | None:
    """The version id the token grants, or None if it is forged, malformed or expired."""
    try:
        version_id, expires, mac = token.split(".")
        expires_at = int(expires)
    except ValueError:
        return None
    if not hmac.compare_digest(mac, _mac(f"{version_id}.{expires}")):
        return None
    if expires_at < (now or time.time()):
        return None
    return version_id


def _mac(payload: str) -> str:
    key = get_settings().secret_key.encode()
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()[:40]
