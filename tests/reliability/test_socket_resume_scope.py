"""The build WebSocket resumes only a build of the caller's own project."""

from __future__ import annotations

import pytest
from starlette.websockets import WebSocketDisconnect

from autowebiq_app import events
from autowebiq_app.services import build_runner, builds, projects


def _built_project(session, user_id: str, name: str) -> tuple[str, str]:
    """A project with one finished build (run in process); returns (project id, build id)."""
    project = projects.create_project(session=session, user_id=user_id, name=name)
    build = builds.start_build(
        session=session, user_id=user_id, project_id=project.id, prompt=f"A cafe called {name}", enqueue=lambda b: "t"
    )
    build_runner.run_build(build.id)
    return project.id, build.id


def _socket(project_id: str, token: str, last_event_id: str) -> str:
    return f"/api/v2/ws/build/{project_id}?token={token}&last_event_id={last_event_id}"


@pytest.mark.parametrize("who", ["another user", "the same user on another project"])
def test_resume_from_another_projects_build_is_refused(api, session, make_user, who):
    owner, owner_token = make_user()
    _, their_build = _built_project(session, owner.id, "Ember")
    caller, token = (owner, owner_token) if who.startswith("the same") else make_user()
    own_project = projects.create_project(session=session, user_id=caller.id, name="Mine")

    with pytest.raises(WebSocketDisconnect) as refused:
        with api.websocket_connect(_socket(own_project.id, token, f"{their_build}:0")) as socket:
            socket.receive_json()
    assert refused.value.code == 1008


def test_resume_from_the_projects_own_build_continues_after_the_event(api, session, make_user):
    user, token = make_user()
    project_id, build_id = _built_project(session, user.id, "Ember")
    stream = events.read(build_id)
    with api.websocket_connect(_socket(project_id, token, f"{build_id}:{stream[2].id}")) as socket:
        assert socket.receive_json()["type"] == "connection"
        received = [socket.receive_json() for _ in stream[3:]]
    assert [m["event_id"] for m in received] == [f"{build_id}:{e.id}" for e in stream[3:]]
