"""Projects through the original AutoWebIQ's routes and fields, and its dashed UUIDs."""

from __future__ import annotations

import uuid

import pytest

from tests.compat.original_client import dashed, is_iso, signed_in

pytestmark = pytest.mark.worker

ORIGINAL_PROJECT_FIELDS = {"id", "user_id", "name", "description", "generated_code", "model", "status", "created_at"}


def test_create_takes_the_originals_model_and_answers_200_with_its_fields(http):
    registered, headers = signed_in(http)
    body = {"name": "Aurum", "description": "Jewellery", "model": "claude-4.5-sonnet-200k"}
    created = http.post("/api/projects/create", json=body, headers=headers)
    assert created.status_code == 200, created.text
    project = created.json()
    assert ORIGINAL_PROJECT_FIELDS <= set(project)
    assert project["user_id"] == registered["user"]["id"] and project["generated_code"] == ""
    assert project["status"] == "draft" and project["model"] is None  # no model configured: the built-in engine
    assert is_iso(project["created_at"]) and is_iso(project["updated_at"])


def test_the_list_is_an_object_of_projects_with_the_originals_fields(http):
    _, headers = signed_in(http)
    ids = [http.post("/api/projects/create", json={"name": n}, headers=headers).json()["id"] for n in ("A", "B")]
    listed = http.get("/api/projects", headers=headers)
    assert listed.status_code == 200 and set(listed.json()) == {"projects"}
    projects = listed.json()["projects"]
    assert sorted(p["id"] for p in projects) == sorted(ids)
    assert all(ORIGINAL_PROJECT_FIELDS <= set(p) for p in projects)


def test_get_and_delete_a_project_by_its_id_or_its_dashed_uuid(http):
    _, headers = signed_in(http)
    project = http.post("/api/projects/create", json={"name": "Keep", "description": ""}, headers=headers).json()
    for path_id in (project["id"], dashed(project["id"]), dashed(project["id"]).upper()):
        got = http.get(f"/api/projects/{path_id}", headers=headers)
        assert got.status_code == 200 and got.json()["id"] == project["id"], got.text
    v2 = http.get(f"/api/v2/projects/{dashed(project['id'])}", headers=headers)
    assert v2.status_code == 200 and v2.json()["id"] == project["id"]

    deleted = http.delete(f"/api/projects/{dashed(project['id'])}", headers=headers)
    assert deleted.status_code == 200 and deleted.json() == {"message": "Project deleted"}
    gone = http.get(f"/api/projects/{project['id']}", headers=headers)
    assert gone.status_code == 404 and gone.json()["detail"] == "Project not found."
    assert http.get("/api/projects", headers=headers).json() == {"projects": []}
    assert http.delete(f"/api/projects/{project['id']}", headers=headers).status_code == 404


def test_unknown_dashed_uuids_are_404_not_422(http):
    _, headers = signed_in(http)
    unknown = str(uuid.uuid4())
    for method, path in (
        ("get", f"/api/projects/{unknown}"),
        ("delete", f"/api/projects/{unknown}"),
        ("get", f"/api/v2/projects/{unknown}"),
        ("get", f"/api/v2/projects/{unknown}/build/status/{uuid.uuid4()}"),
    ):
        response = http.request(method, path, headers=headers)
        assert response.status_code == 404 and response.json()["detail"], (path, response.text)


def test_another_users_project_is_404_and_is_not_deleted(http):
    _, owner = signed_in(http)
    _, stranger = signed_in(http)
    project = http.post("/api/projects/create", json={"name": "Mine", "description": ""}, headers=owner).json()
    assert http.get(f"/api/projects/{project['id']}", headers=stranger).status_code == 404
    assert http.delete(f"/api/projects/{dashed(project['id'])}", headers=stranger).status_code == 404
    assert http.get(f"/api/projects/{project['id']}", headers=owner).status_code == 200


def test_v2_create_answers_200_with_status_template_build_time_and_code(http):
    _, headers = signed_in(http)
    created = http.post("/api/v2/projects", json={"name": "Shop", "description": "A shop"}, headers=headers)
    assert created.status_code == 200, created.text
    project = created.json()
    assert project["status"] == "draft" and project["template_id"] is None
    assert project["build_time"] is None and project["generated_code"] == ""
    listed = http.get("/api/v2/projects?limit=50&offset=0", headers=headers).json()
    assert listed["items"][0]["status"] == "draft" and listed["total"] == 1
