"""Builds through the API served in process, built by a real worker process: the answer at
once, status, versions, files, zip, restore, chat edits, idempotency and the ledger."""

from __future__ import annotations

import io
import re
import time
import zipfile

import pytest

from autowebiq_app.core.db import session_scope
from autowebiq_app.models import CreditTransaction, User
from tests.api.conftest import built_project, wait_for_build
from tests.helpers import api_error

pytestmark = pytest.mark.usefixtures("build_worker")


def test_user_credits_stats_and_history(client):
    no_tokens = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0, "builds": 0, "by_model": []}
    assert client.get("/api/v2/user/credits").json() == {
        "balance": 100,
        "credits": 100,
        "user_id": client.user_id,
        "build_cost": 10,
        "tokens": no_tokens,
    }
    built_project(client)
    # The built-in engine asks no model: the build costs its credits and no tokens.
    assert client.get("/api/v2/user/credits").json()["tokens"] == no_tokens
    stats = client.get("/api/v2/stats").json()
    assert stats["projects"] == 1 and stats["versions"] == 1 and stats["builds"]["succeeded"] == 1
    assert stats["credits_balance"] == 90 and stats["credits_spent"] == 10
    history = client.get("/api/v2/credits/history", params={"limit": 1}).json()
    assert history["total"] == 2 and history["limit"] == 1 and len(history["items"]) == 1
    assert history["items"][0]["kind"] == "build_reserve" and history["items"][0]["amount"] == -10


def test_build_answers_at_once_then_status_versions_files_zip_restore(client):
    project = client.post("/api/v2/projects", json={"name": "Aurum"}).json()
    started = time.perf_counter()
    accepted = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A jewellery shop called Aurum"})
    assert accepted.status_code == 200
    body = accepted.json()
    assert body["kind"] == "create" and body["status"] == "queued" and body["cost"] == 10 and body["task_id"]
    assert time.perf_counter() - started < 5
    status = wait_for_build(client, project["id"], body["task_id"])
    assert status["state"] == "succeeded" and status["progress"] == 100 and status["version"] == 1
    assert status["duration_ms"] is not None and status["error"] is None and status["charge_state"] == "settled"

    detail = client.get(f"/api/v2/projects/{project['id']}/versions/1").json()
    assert (
        "index.html" in detail["files"]
        and detail["plan"]["name"] == "Aurum"
        and detail["qa_score"] == detail["qa_report"]["score"]
    )
    page = client.get(f"/api/v2/projects/{project['id']}/versions/1/files/index.html")
    assert page.status_code == 200 and "<title>Aurum | " in page.text
    assert page.headers["content-security-policy"] == "sandbox allow-scripts allow-forms"
    api_error(client.get(f"/api/v2/projects/{project['id']}/versions/1/files/nope.html"), 404, "not_found")
    api_error(client.get(f"/api/v2/projects/{project['id']}/versions/9"), 404, "not_found")

    archive = client.get(f"/api/v2/projects/{project['id']}/versions/1/export.zip")
    assert archive.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(archive.content)) as zipped:
        names = zipped.namelist()
        folder = names[0].split("/")[0]
        index = zipped.read(f"{folder}/index.html").decode()
        for ref in re.findall(r'(?:src|href)="([^"#:]+)"', index):
            assert f"{folder}/{ref}" in names, ref

    balance = client.get("/api/v2/user/credits").json()["balance"]
    unknown = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "Sing it a lullaby"})
    api_error(unknown, 422, "edit_not_understood")
    assert "make the header dark" in unknown.json()["error"]["message"]
    assert client.get("/api/v2/user/credits").json()["balance"] == balance
    edit = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "make the header dark"}).json()
    assert edit["kind"] == "edit" and edit["cost"] == 2
    wait_for_build(client, project["id"], edit["task_id"])
    assert client.get("/api/v2/user/credits").json()["balance"] == balance - 2
    styles = client.get(f"/api/v2/projects/{project['id']}/versions/2/files/styles.css").text
    assert "body > header[data-component], body > .aw-header {" in styles
    assert client.get(f"/api/v2/projects/{project['id']}/versions/2/files/index.html").text == page.text
    restored = client.post(f"/api/v2/projects/{project['id']}/versions/1/restore")
    assert restored.status_code == 201 and restored.json()["number"] == 3
    again = client.get(f"/api/v2/projects/{project['id']}/versions/3/files/index.html").text
    assert again == page.text
    versions = client.get(f"/api/v2/projects/{project['id']}/versions").json()
    assert [v["number"] for v in versions["items"]] == [3, 2, 1]


def test_idempotency_key_returns_the_first_response_and_charges_once(client):
    project = client.post("/api/v2/projects", json={"name": "Retry"}).json()
    url = f"/api/v2/projects/{project['id']}/build"
    first = client.post(url, json={"prompt": "A gym"}, headers={"Idempotency-Key": "retry-1"})
    second = client.post(url, json={"prompt": "A gym"}, headers={"Idempotency-Key": "retry-1"})
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json() and second.headers.get("idempotent-replayed") == "true"
    wait_for_build(client, project["id"], first.json()["task_id"])
    api_error(
        client.post(url, json={"prompt": "A different gym"}, headers={"Idempotency-Key": "retry-1"}), 409, "conflict"
    )
    assert client.get("/api/v2/user/credits").json()["balance"] == 90


def test_not_enough_credits_is_402_and_charges_nothing(client):
    with session_scope() as session:
        user = session.get(User, client.user_id)
        session.add(
            CreditTransaction(
                user_id=user.id, kind="adjustment", amount=-95, balance_after=5, idempotency_key=f"drain:{user.id}"
            )
        )
        user.credits = 5
        session.commit()
    project = client.post("/api/v2/projects", json={"name": "Broke"}).json()
    message = api_error(
        client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A shop"}), 402, "insufficient_credits"
    )
    assert "costs 10" in message
    assert client.get("/api/v2/user/credits").json()["balance"] == 5
