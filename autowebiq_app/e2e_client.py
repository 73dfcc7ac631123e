"""`autowebiq e2e`: drive a running server end to end, as the original `test_e2e.py` did.

Registers a fresh user, creates a project, starts a build, follows the WebSocket to
completion printing progress, fetches the result, and exits non-zero on any failure.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from urllib.parse import urlsplit

import httpx
from websockets.sync.client import connect


class E2EFailure(Exception):
    pass


def _check(response: httpx.Response, expected: int, what: str) -> dict:
    if response.status_code != expected:
        raise E2EFailure(f"{what}: expected HTTP {expected}, got {response.status_code}: {response.text[:300]}")
    return response.json() if response.headers.get("content-type", "").startswith("application/json") else {}


def run(base_url: str, *, prompt: str, timeout: float = 120.0, out=sys.stdout) -> int:
    def say(text: str) -> None:
        print(text, file=out, flush=True)

    base = base_url.rstrip("/")
    try:
        with httpx.Client(base_url=base, timeout=30) as http:
            health = _check(http.get("/api/health"), 200, "health")
            say(f"health: {health['status']}")
            email = f"e2e-{uuid.uuid4().hex[:10]}@example.com"
            auth = _check(
                http.post("/api/auth/register", json={"email": email, "password": "e2e-password-1"}), 200, "register"
            )
            http.headers["Authorization"] = f"Bearer {auth['access_token']}"
            say(f"registered {email} with {auth['user']['credits']} credits")
            project = _check(http.post("/api/v2/projects", json={"name": "E2E check"}), 200, "create project")
            say(f"project {project['id']}")
            ws_url = _ws_url(base, project["id"], auth["access_token"])
            with connect(ws_url, open_timeout=10, origin=None) as socket:
                started = time.monotonic()
                build = _check(
                    http.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": prompt}), 200, "start build"
                )
                say(f"build {build['build_id']} queued (task {build['task_id']})")
                final = _follow(socket, build["build_id"], deadline=started + timeout, say=say)
            if final["type"] != "build_complete":
                raise E2EFailure(f"build failed: {final.get('reason') or final.get('message')}")
            status = _check(
                http.get(f"/api/v2/projects/{project['id']}/build/status/{build['task_id']}"), 200, "status"
            )
            if status["state"] != "succeeded" or status["version"] != final["version"]:
                raise E2EFailure(f"status disagrees with the stream: {status}")
            page = http.get(f"/api/v2/projects/{project['id']}/versions/{final['version']}/files/index.html")
            _check(page, 200, "fetch index.html")
            if "<h1" not in page.text:
                raise E2EFailure("the generated index.html has no <h1>")
            balance = _check(http.get("/api/v2/user/credits"), 200, "credits")
            say(
                f"done in {time.monotonic() - started:.2f}s: version {final['version']}, "
                f"QA {final.get('qa_score')}/100, balance {balance['balance']}"
            )
            return 0
    except (E2EFailure, httpx.HTTPError, OSError, TimeoutError, KeyError, json.JSONDecodeError) as exc:
        say(f"E2E FAILED: {exc}")
        return 1


def _ws_url(base: str, project_id: str, token: str) -> str:
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}/api/v2/ws/build/{project_id}?token={token}"


def _follow(socket, build_id: str, *, deadline: float, say) -> dict:
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise E2EFailure("timed out waiting for the build to finish")
        event = json.loads(socket.recv(timeout=remaining))
        if event["type"] == "heartbeat" or event.get("build_id") != build_id:
            continue
        if event["type"] == "agent_message":
            say(f"  [{event['progress']:>3}%] {event['agent']}: {event['message']}")
        elif event["type"] == "file_written":
            say(f"  [{event['progress']:>3}%] wrote {event['path']} ({event['size']} bytes)")
        elif event["type"] in ("build_complete", "build_failed"):
            return event
