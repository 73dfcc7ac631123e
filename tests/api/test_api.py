"""The endpoints that need the running app (its worker, its server's handling of bodies, its
health with live processes); the rest run in process (`test_api_in_process.py`)."""

from __future__ import annotations

import io
import os
import re
import signal
import time
import zipfile
from urllib.parse import urlsplit

import httpx

from autowebiq_app.core.db import session_scope
from autowebiq_app.models import CreditTransaction, User
from tests.helpers import api_error


def _wait_for_build(client, project_id: str, task_id: str, timeout: float = 60) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(f"/api/v2/projects/{project_id}/build/status/{task_id}").json()
        if status["state"] in ("succeeded", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError("build did not finish")


def _built_project(client, prompt: str = "A bakery called Crumb and Co") -> tuple[str, dict]:
    project = client.post("/api/v2/projects", json={"name": "Crumb"}).json()
    accepted = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": prompt})
    assert accepted.status_code == 200, accepted.text
    status = _wait_for_build(client, project["id"], accepted.json()["task_id"])
    assert status["state"] == "succeeded", status
    return project["id"], status


def test_user_credits_stats_and_history(client):
    no_tokens = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0, "builds": 0, "by_model": []}
    assert client.get("/api/v2/user/credits").json() == {
        "balance": 100,
        "credits": 100,
        "user_id": client.user_id,
        "build_cost": 10,
        "tokens": no_tokens,
    }
    _built_project(client)
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
    status = _wait_for_build(client, project["id"], body["task_id"])
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
    _wait_for_build(client, project["id"], edit["task_id"])
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


def _visit(url: str, method: str = "GET", path: str = "") -> httpx.Response:
    """A visitor's request to a site on its own origin (`{slug}.localhost:{port}`, which
    browsers resolve to this machine and httpx does not)."""
    parts = urlsplit(url)
    with httpx.Client(base_url=f"http://127.0.0.1:{parts.port}", timeout=30) as visitor:
        return visitor.request(method, f"/{path}", headers={"Host": parts.netloc})


def test_publish_serves_the_site_on_its_own_origin_and_unpublish_takes_it_down(client, anonymous):
    project_id, _ = _built_project(client)
    published = client.post(f"/api/v2/projects/{project_id}/publish").json()
    slug = published["slug"]
    assert published["published"] and published["version"] == 1
    assert re.fullmatch(rf"http://{slug}\.localhost:\d+/", published["url"]), published["url"]
    site = _visit(published["url"])
    assert site.status_code == 200 and "<h1" in site.text
    assert "content-security-policy" not in site.headers  # an origin of its own: no sandbox needed
    assert site.headers["x-content-type-options"] == "nosniff"
    assert _visit(published["url"], path="styles.css").headers["content-type"].startswith("text/css")
    head = _visit(published["url"], "HEAD")  # `curl -I`: the headers GET would send, no body
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == site.headers["content-length"]
    # The builder's own address for the site sends visitors there.
    moved = anonymous.get(f"/sites/{slug}/about.html", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == f"{published['url']}about.html"
    down = client.delete(f"/api/v2/projects/{project_id}/publish").json()
    assert down == {"published": False, "slug": None, "version": None, "url": None}
    assert _visit(published["url"]).status_code == 404
    assert _visit(published["url"], "HEAD").status_code == 404
    api_error(client.post(f"/api/v2/projects/{project_id}/publish", json={"version": 7}), 404, "not_found")


def test_idempotency_key_returns_the_first_response_and_charges_once(client):
    project = client.post("/api/v2/projects", json={"name": "Retry"}).json()
    url = f"/api/v2/projects/{project['id']}/build"
    first = client.post(url, json={"prompt": "A gym"}, headers={"Idempotency-Key": "retry-1"})
    second = client.post(url, json={"prompt": "A gym"}, headers={"Idempotency-Key": "retry-1"})
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json() and second.headers.get("idempotent-replayed") == "true"
    _wait_for_build(client, project["id"], first.json()["task_id"])
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


def test_oversized_prompt_and_body_are_413(client):
    project = client.post("/api/v2/projects", json={"name": "Big"}).json()
    too_long = client.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "x" * 5000})
    api_error(too_long, 413, "prompt_too_long")
    api_error(
        client.post(
            "/api/v2/projects", content=b"{" + b" " * 300_000 + b"}", headers={"content-type": "application/json"}
        ),
        413,
        "payload_too_large",
    )
    assert client.get("/api/v2/user/credits").json()["balance"] == 100


def test_a_client_still_sending_an_oversized_body_reads_the_413(client):
    # Answered before the body arrived, the 413 was lost to a reset in about one try in six.
    for extra in range(0, 400_000, 40_000):
        declared = b"{" + b" " * (300_000 + extra) + b"}"
        chunked = iter([b"{", b" " * 200_000, b" " * (300_000 + extra), b"}"])
        for body in (declared, chunked):
            response = client.post("/api/v2/projects", content=body, headers={"content-type": "application/json"})
            api_error(response, 413, "payload_too_large")


def test_second_build_while_one_runs_is_409_and_cancel_refunds(running_app, client):
    project = client.post("/api/v2/projects", json={"name": "Busy"}).json()
    url = f"/api/v2/projects/{project['id']}/build"
    os.killpg(running_app.worker.pid, signal.SIGSTOP)
    try:
        first = client.post(url, json={"prompt": "A florist"}).json()
        api_error(client.post(url, json={"prompt": "Another"}), 409, "build_in_progress")
        cancelled = client.post(f"/api/v2/projects/{project['id']}/build/{first['task_id']}/cancel")
        assert cancelled.status_code == 200 and cancelled.json()["state"] == "failed"
        assert cancelled.json()["charge_state"] == "refunded"
        api_error(client.post(f"/api/v2/projects/{project['id']}/build/{first['task_id']}/cancel"), 409, "conflict")
    finally:
        os.killpg(running_app.worker.pid, signal.SIGCONT)
    assert client.get("/api/v2/user/credits").json()["balance"] == 100
    time.sleep(1)
    assert _wait_for_build(client, project["id"], first["task_id"])["state"] == "failed"
    assert client.get(f"/api/v2/projects/{project['id']}/versions").json()["total"] == 0


def test_health_reports_every_dependency(anonymous):
    health = anonymous.get("/api/health").json()
    assert health["status"] == "healthy", health
    assert health["databases"] == {"postgresql": "connected", "mongodb": "connected"}
    assert set(health["checks"].values()) == {"healthy"} and len(health["checks"]) == 4
    assert health["services"]["redis"] == "connected" and health["services"]["dramatiq"] == "healthy"
    assert health["services"]["dramatiq_workers"] >= 1
