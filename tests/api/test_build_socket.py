"""The build WebSocket: live events, resume without loss or repeats, late joiners, origin checks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.helpers import ROOT


def _ws(app_url: str, project_id: str, token: str, **params) -> str:
    query = "&".join([f"token={token}", *(f"{k}={v}" for k, v in params.items())])
    return f"{app_url.replace('http://', 'ws://')}/api/v2/ws/build/{project_id}?{query}"


def _token(client) -> str:
    return client.headers["Authorization"].split(" ", 1)[1]


def _until_terminal(socket, timeout: float = 60) -> list[dict]:
    received = []
    while True:
        event = json.loads(socket.recv(timeout=timeout))
        if event["type"] in ("heartbeat", "connection"):
            continue
        received.append(event)
        if event["type"] in ("build_complete", "build_failed"):
            return received


def test_live_stream_of_a_build_in_order(app_url, client):
    project = client.post("/api/v2/projects", json={"name": "Live"}).json()
    with connect(_ws(app_url, project["id"], _token(client))) as socket:
        build = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A cafe called Ember"}).json()
        events = _until_terminal(socket)
    assert {e["build_id"] for e in events} == {build["build_id"]}
    assert events[0]["type"] == "build_started"
    final = events[-1]
    assert (
        final["type"] == "build_complete"
        and final["version"] == 1
        and final["qa_score"] >= 0
        and final["duration_ms"] >= 0
    )
    agents = [e for e in events if e["type"] == "agent_message"]
    assert {"planner", "image", "frontend", "qa"} <= {e["agent"] for e in agents}
    assert all(0 <= e["progress"] <= 100 for e in agents)
    files = [e for e in events if e["type"] == "file_written"]
    assert any(e["path"] == "index.html" and e["size"] > 0 for e in files)
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids))


def test_reconnecting_with_last_event_id_resumes_exactly(app_url, client):
    project = client.post("/api/v2/projects", json={"name": "Resume"}).json()
    build = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A bookshop"}).json()
    with connect(_ws(app_url, project["id"], _token(client))) as socket:
        everything = _until_terminal(socket)
    cut = everything[len(everything) // 2]
    with connect(_ws(app_url, project["id"], _token(client), last_event_id=cut["event_id"])) as socket:
        rest = _until_terminal(socket)
    assert [e["event_id"] for e in rest] == [e["event_id"] for e in everything[len(everything) // 2 + 1 :]]
    assert rest[-1]["build_id"] == build["build_id"]


def test_late_joiner_gets_the_history_and_follows_the_next_build(app_url, client):
    project = client.post("/api/v2/projects", json={"name": "Late"}).json()
    first = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A tea room"}).json()
    with connect(_ws(app_url, project["id"], _token(client))) as socket:
        history = _until_terminal(socket)
        assert history[0]["type"] == "build_started" and history[-1]["build_id"] == first["build_id"]
        second = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "Make it darker"}).json()
        following = _until_terminal(socket)
    assert {e["build_id"] for e in following} == {second["build_id"]}
    assert following[-1]["version"] == 2


def test_cancel_is_streamed_as_build_failed(running_app, client):
    project = client.post("/api/v2/projects", json={"name": "Cancel"}).json()
    os.killpg(running_app.worker.pid, signal.SIGSTOP)
    try:
        with connect(_ws(running_app.url, project["id"], _token(client))) as socket:
            build = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A studio"}).json()
            client.post(f"/api/v2/projects/{project['id']}/build/{build['task_id']}/cancel")
            events = _until_terminal(socket)
    finally:
        os.killpg(running_app.worker.pid, signal.SIGCONT)
    assert events[-1]["type"] == "build_failed" and "Cancelled" in events[-1]["reason"]


@pytest.mark.parametrize("case", ["bad-token", "other-user", "bad-origin"])
def test_refused_connections(app_url, client, make_client, case):
    project = client.post("/api/v2/projects", json={"name": "Private"}).json()
    token, origin = _token(client), None
    if case == "bad-token":
        token = "forged"
    elif case == "other-user":
        token = _token(make_client())
    else:
        origin = "http://evil.example"
    # Refused before the handshake completes: the client sees HTTP 403, nothing is streamed.
    with pytest.raises(InvalidStatus) as refused:
        with connect(_ws(app_url, project["id"], token), origin=origin) as socket:
            socket.recv(timeout=5)
    assert refused.value.response.status_code == 403


def test_e2e_client_passes_against_the_running_app(app_url):
    result = subprocess.run(
        [sys.executable, "-m", "autowebiq_app.cli", "e2e", "--base-url", app_url, "--timeout", "60"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "done in" in result.stdout and "version 1" in result.stdout and "wrote index.html" in result.stdout


def test_e2e_client_fails_clearly_when_the_server_is_wrong():
    result = subprocess.run(
        [sys.executable, "-m", "autowebiq_app.cli", "e2e", "--base-url", "http://127.0.0.1:9", "--timeout", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "E2E FAILED" in result.stdout
