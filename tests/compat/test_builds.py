"""A build as the original AutoWebIQ's clients start, follow and read it."""

from __future__ import annotations

import json
import os
import signal
import time

import pytest
from websockets.sync.client import connect

from tests.compat.original_client import (
    is_iso,
    signed_in,
    socket_url,
    until_finished,
    wait_for_status,
)

pytestmark = pytest.mark.worker
PROMPT = "Build a luxury e-commerce website for a jewellery brand called Aurum"


def _project(http, headers, name: str = "Aurum") -> dict:
    return http.post("/api/v2/projects", json={"name": name, "description": None}, headers=headers).json()


def test_a_build_followed_over_the_socket_in_the_originals_messages(http, app_url):
    registered, headers = signed_in(http)
    project = _project(http, headers)
    with connect(socket_url(app_url, project["id"], registered["access_token"])) as socket:
        hello = json.loads(socket.recv(timeout=10))
        assert hello["type"] == "connection" and hello["status"] == "connected"
        assert hello["project_id"] == project["id"] and hello["message"] and is_iso(hello["timestamp"])
        socket.send("ping")
        assert json.loads(socket.recv(timeout=10))["type"] == "pong"

        started = http.post(
            f"/api/v2/projects/{project['id']}/build", json={"prompt": PROMPT, "uploaded_images": []}, headers=headers
        )
        assert started.status_code == 200, started.text
        accepted = started.json()
        assert accepted["task_id"] and accepted["project_id"] == project["id"] and accepted["message"]
        assert accepted["websocket_url"] == f"/api/v2/ws/build/{project['id']}"
        messages = [m for m in until_finished(socket) if m["type"] != "heartbeat"]

    assert all(m["project_id"] == project["id"] and is_iso(m["timestamp"]) for m in messages)
    agents = [m for m in messages if m["type"] == "agent_message"]
    assert agents and all(m["agent_type"] == m["agent"] and m["status"] for m in agents)
    assert {"planner", "image", "frontend", "qa"} <= {m["agent_type"] for m in agents}
    done = messages[-1]
    assert done["type"] == "build_complete"
    assert done["result"]["status"] == "completed" and done["result"]["version"] == 1
    assert done["result"]["build_time"] > 0 and 0 <= done["result"]["qa_score"] <= 100

    status = wait_for_status(http, headers, project["id"], accepted["task_id"])
    assert status["status"] == "SUCCESS" and status["message"] and status["state"] == "succeeded"
    result = status["result"]
    assert result["status"] == "completed" and result["build_time"] > 0
    assert "<h1" in result["frontend_code"] and "Aurum" in result["plan"]["project_name"]
    assert result["plan"]["template_used"] and "index.html" in result["plan"]["pages"]
    assert isinstance(result["images"], list) and all(not path.endswith(".html") for path in result["images"])

    got = http.get(f"/api/v2/projects/{project['id']}", headers=headers).json()
    assert got["status"] == "completed" and got["build_time"] > 0
    assert got["generated_code"] == result["frontend_code"]
    listed = http.get("/api/projects", headers=headers).json()["projects"]
    assert listed[0]["generated_code"] == result["frontend_code"] and listed[0]["status"] == "completed"

    stats = http.get("/api/v2/stats", headers=headers).json()
    assert stats["user_id"] == registered["user"]["id"] and stats["email"] == registered["user"]["email"]
    assert (stats["credits"], stats["total_projects"], stats["completed_projects"], stats["credits_spent"]) == (
        90,
        1,
        1,
        10,
    )
    assert is_iso(stats["member_since"])

    history = http.get("/api/v2/credits/history?limit=50&offset=0", headers=headers).json()
    assert history["current_balance"] == 90
    rows = history["transactions"]
    assert [(t["transaction_type"], t["amount"], t["balance_before"], t["balance_after"]) for t in rows] == [
        ("deduction", 10, 100, 90),
        ("signup_bonus", 100, 0, 100),
    ]
    assert all(
        t["status"] == "completed" and isinstance(t["extra_data"], dict) and is_iso(t["created_at"]) for t in rows
    )


def test_uploaded_images_are_accepted_and_said_to_be_unused(http):
    _, headers = signed_in(http)
    project = _project(http, headers)
    body = {"prompt": PROMPT, "uploaded_images": ["https://res.cloudinary.com/demo/image/upload/sample.jpg"]}
    started = http.post(f"/api/v2/projects/{project['id']}/build", json=body, headers=headers)
    assert started.status_code == 200, started.text
    assert "not used" in started.json()["message"]
    assert wait_for_status(http, headers, project["id"], started.json()["task_id"])["status"] == "SUCCESS"


def test_a_waiting_build_is_pending_can_not_be_deleted_and_its_failure_is_a_build_error(http, app_url, running_app):
    registered, headers = signed_in(http)
    project = _project(http, headers)
    os.killpg(running_app.worker.pid, signal.SIGSTOP)
    try:
        with connect(socket_url(app_url, project["id"], registered["access_token"])) as socket:
            assert json.loads(socket.recv(timeout=10))["type"] == "connection"
            task = http.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": PROMPT}, headers=headers).json()
            status = http.get(f"/api/v2/projects/{project['id']}/build/status/{task['task_id']}", headers=headers)
            assert status.json()["status"] == "PENDING" and status.json()["message"]
            assert http.get(f"/api/projects/{project['id']}", headers=headers).json()["status"] == "building"

            refused = http.delete(f"/api/projects/{project['id']}", headers=headers)
            assert refused.status_code == 409 and refused.json()["detail"]
            assert http.get(f"/api/projects/{project['id']}", headers=headers).status_code == 200

            http.post(f"/api/v2/projects/{project['id']}/build/{task['task_id']}/cancel", headers=headers)
            messages = [m for m in until_finished(socket) if m["type"] != "heartbeat"]
    finally:
        os.killpg(running_app.worker.pid, signal.SIGCONT)
    error, failed = messages[-2], messages[-1]
    assert error["type"] == "build_error" and "Cancelled" in error["error"] and error["project_id"] == project["id"]
    assert failed["type"] == "build_failed" and failed["event_id"] == error["event_id"]
    status = http.get(f"/api/v2/projects/{project['id']}/build/status/{task['task_id']}", headers=headers).json()
    assert status["status"] == "FAILURE" and "Cancelled" in status["error"] and status["result"] is None
    assert http.get(f"/api/projects/{project['id']}", headers=headers).json()["status"] == "failed"
    assert http.get("/api/credits/balance", headers=headers).json()["credits"] == 100
    history = http.get("/api/v2/credits/history", headers=headers).json()["transactions"]
    assert [t["transaction_type"] for t in history] == ["refund", "deduction", "signup_bonus"]
    time.sleep(0)  # the worker resumes with nothing to do: the build already failed
    assert http.delete(f"/api/projects/{project['id']}", headers=headers).status_code == 200
