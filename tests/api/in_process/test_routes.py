"""The API's routes that need no worker, served in process (see conftest)."""

from __future__ import annotations

import io
import zipfile

from autowebiq_app.services import preview_links, versions
from tests.helpers import api_error


def test_legacy_register_login_balance_and_projects(anonymous, client):
    me = client.get("/api/v2/user/me").json()
    login = anonymous.post("/api/auth/login", json={"email": me["email"].upper(), "password": "api-password-1"})
    assert login.status_code == 200 and login.json()["user"]["id"] == me["id"]
    token = login.json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert anonymous.get("/api/credits/balance", headers=headers).json() == {"balance": 100, "credits": 100}
    created = anonymous.post("/api/projects/create", json={"name": "Legacy site"}, headers=headers)
    assert created.status_code == 200
    listed = anonymous.get("/api/projects", headers=headers).json()
    assert [p["id"] for p in listed["projects"]] == [created.json()["id"]]


def test_auth_errors_are_clear_and_do_not_say_which_part_was_wrong(anonymous, client):
    email = client.get("/api/v2/user/me").json()["email"]
    api_error(
        anonymous.post("/api/auth/register", json={"email": email, "password": "another-pass-1"}), 400, "email_taken"
    )
    api_error(
        anonymous.post("/api/auth/register", json={"email": "new@example.com", "password": "short"}),
        422,
        "weak_password",
    )
    wrong = api_error(
        anonymous.post("/api/auth/login", json={"email": email, "password": "wrong-pass-1"}), 401, "invalid_credentials"
    )
    unknown = api_error(
        anonymous.post("/api/auth/login", json={"email": "no@example.com", "password": "wrong-pass-1"}),
        401,
        "invalid_credentials",
    )
    assert wrong == unknown
    api_error(anonymous.get("/api/v2/user/me"), 401, "not_authenticated")
    api_error(anonymous.get("/api/v2/user/me", headers={"Authorization": "Bearer forged"}), 401, "not_authenticated")
    api_error(anonymous.post("/api/auth/login", json={"email": email}), 422, "invalid_input")


def test_projects_paginate_and_are_scoped_to_their_owner(client, make_client):
    ids = [client.post("/api/v2/projects", json={"name": f"Site {i}"}).json()["id"] for i in range(3)]
    page = client.get("/api/v2/projects", params={"limit": 2, "offset": 0}).json()
    assert page["total"] == 3 and len(page["items"]) == 2
    rest = client.get("/api/v2/projects", params={"limit": 2, "offset": 2}).json()
    assert {p["id"] for p in page["items"] + rest["items"]} == set(ids)
    detail = client.get(f"/api/v2/projects/{ids[0]}").json()
    assert detail["latest_version"] is None and detail["latest_build"] is None

    stranger = make_client()
    for method, path in (("get", ""), ("get", "/versions"), ("post", "/publish"), ("get", "/versions/1")):
        api_error(getattr(stranger, method)(f"/api/v2/projects/{ids[0]}{path}"), 404, "not_found")
    api_error(stranger.post(f"/api/v2/projects/{ids[0]}/build", json={"prompt": "mine"}), 404, "not_found")
    api_error(client.post("/api/v2/projects", json={"name": ""}), 422, "invalid_input")
    api_error(client.get("/api/v2/projects", params={"limit": 1000}), 422, "invalid_input")


def test_request_rate_is_limited_per_caller(make_client):
    limited = make_client()
    # The window is a clock minute: keep going until refused (at most two windows' worth).
    for sent in range(1, 2 * 240 + 20):  # noqa: B007  (read after the loop)
        response = limited.get("/api/v2/user/credits")
        if response.status_code == 429:
            break
        assert response.status_code == 200
    api_error(response, 429, "rate_limited")
    assert sent > 200 and int(response.headers["retry-after"]) > 0


def test_unknown_api_route_is_json_404(anonymous):
    api_error(anonymous.get("/api/v2/nothing-here"), 404, "not_found")


def test_openapi_spec_is_served(anonymous):
    spec = anonymous.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "AutoWebIQ API"
    for path in ("/api/v2/user/me", "/api/v2/projects/{project_id}/build", "/api/auth/login", "/api/health"):
        assert path in spec["paths"]


def test_a_signed_preview_link_grants_its_version_only_while_valid(anonymous, client, session):
    project = client.post("/api/v2/projects", json={"name": "Linked"}).json()
    version = versions.create_version(
        session=session,
        project_id=project["id"],
        files={"index.html": "<h1>Linked</h1>", "app.js": "1"},
        plan={},
        prompt="x",
    )
    session.commit()
    token = preview_links.sign(version.id)
    page = anonymous.get(f"/preview/{token}/")
    assert page.status_code == 200 and "<h1>Linked</h1>" in page.text
    archive = anonymous.get(f"/download/{token}.zip")
    assert archive.status_code == 200 and archive.headers["content-type"] == "application/zip"
    assert 'filename="linked-v1.zip"' in archive.headers["content-disposition"]
    assert "linked-v1/index.html" in zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    expired = preview_links.sign(version.id, ttl_seconds=-1)
    gone = preview_links.sign("0" * 32)
    for bad in (forged, expired, gone, "not-a-token"):
        for path in (f"/preview/{bad}/", f"/download/{bad}.zip"):
            answer = anonymous.get(path)
            assert answer.status_code == 404 and "expired, or its version is gone" in answer.text, (bad, path)
