"""What the original AutoWebIQ's clients send and read: its React app's `apiV2.js` and
`useBuildWebSocket.js`, and its backend test scripts."""

from __future__ import annotations

import json
import time
import uuid
from datetime import datetime

import httpx

PASSWORD = "original-pass-1"


def register(http: httpx.Client, *, username: str = "Ada") -> dict:
    """`POST /api/auth/register` with the original's body; returns the response body."""
    email = f"orig-{uuid.uuid4().hex[:10]}@example.com"
    response = http.post("/api/auth/register", json={"username": username, "email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def signed_in(http: httpx.Client, **kwargs) -> tuple[dict, dict[str, str]]:
    """A fresh account: its register body and the headers the original's clients send."""
    body = register(http, **kwargs)
    return body, bearer(body["access_token"])


def socket_url(app_url: str, project_id: str, token: str) -> str:
    return f"{app_url.replace('http://', 'ws://')}/api/v2/ws/build/{project_id}?token={token}"


def until_finished(socket, *, timeout: float = 90) -> list[dict]:
    """Every message up to the build's end (`build_complete`, or `build_failed` after `build_error`)."""
    received = []
    deadline = time.monotonic() + timeout
    while True:
        message = json.loads(socket.recv(timeout=max(0.1, deadline - time.monotonic())))
        received.append(message)
        if message["type"] in ("build_complete", "build_failed"):
            return received


def wait_for_status(http: httpx.Client, headers: dict, project_id: str, task_id: str, *, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = http.get(f"/api/v2/projects/{project_id}/build/status/{task_id}", headers=headers).json()
        if status["status"] in ("SUCCESS", "FAILURE"):
            return status
        time.sleep(0.3)
    raise AssertionError("the build did not finish")


def is_iso(value: str) -> bool:
    return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None


def dashed(hex_id: str) -> str:
    return str(uuid.UUID(hex_id))
