"""A redelivered build continues its stream; idle sockets wait without polling the database;
open sockets per user are capped."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event
from starlette.websockets import WebSocketDisconnect

from autowebiq_app import events
from autowebiq_app.core.db import get_engine
from autowebiq_app.services import build_runner, builds, projects
from tests.helpers import wait_for

IDLE_SOCKETS = 5


def _queued(session, user, name: str = "Redelivered"):
    project = projects.create_project(session=session, user_id=user.id, name=name)
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt=f"A cafe called {name}", enqueue=lambda b: "t"
    )
    return project, build


def test_a_redelivered_build_continues_its_stream(session, make_user):
    user, _ = make_user()
    _, build = _queued(session, user)
    # The first attempt got half way, then its worker was killed (SIGKILL: no failure, no ack).
    builds.mark_running(session=session, build_id=build.id)
    events.append(build.id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
    events.append(build.id, events.AGENT_MESSAGE, agent="image", message="Drawing", progress=60)

    build_runner.run_build(build.id)  # the redelivered job

    stream = events.read(build.id)
    assert [e.type for e in stream].count(events.BUILD_STARTED) == 1
    progress = [e.progress for e in stream if e.progress is not None]
    assert progress == sorted(progress) and progress[-1] == 100, progress
    assert stream[-1].type == events.BUILD_COMPLETE


def _count_transactions():
    counter = {"n": 0}

    def begin(_conn) -> None:
        counter["n"] += 1

    event.listen(get_engine(), "begin", begin)
    return counter, lambda: event.remove(get_engine(), "begin", begin)


def _socket(project_id: str, token: str) -> str:
    return f"/api/v2/ws/build/{project_id}?token={token}"


def test_idle_sockets_do_not_poll_the_database_and_follow_the_next_build(api, session, make_user):
    user, token = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Idle")
    sockets = [api.websocket_connect(_socket(project.id, token)) for _ in range(IDLE_SOCKETS)]
    for socket in sockets:
        socket.__enter__()
    try:
        counter, stop_counting = _count_transactions()
        time.sleep(2)  # idle: nothing to stream
        stop_counting()
        assert counter["n"] <= IDLE_SOCKETS, f"{counter['n']} transactions from {IDLE_SOCKETS} idle sockets in 2 s"

        build = builds.start_build(
            session=session, user_id=user.id, project_id=project.id, prompt="A cafe", enqueue=lambda b: "t"
        )
        runner = threading.Thread(target=build_runner.run_build, args=(build.id,))
        runner.start()
        for socket in sockets:
            received = socket.receive_json()
            while received["type"] in ("heartbeat", "connection"):
                received = socket.receive_json()
            assert received["build_id"] == build.id and received["type"] == "build_started"
        runner.join(60)
    finally:
        for socket in sockets:
            socket.__exit__(None, None, None)


def test_open_sockets_per_user_are_capped(api, session, make_user, settings_override):
    settings_override(MAX_SOCKETS_PER_USER="3")
    user, token = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Many tabs")
    sockets = [api.websocket_connect(_socket(project.id, token)) for _ in range(3)]
    for socket in sockets:
        socket.__enter__()
    try:
        with pytest.raises(WebSocketDisconnect) as refused:
            with api.websocket_connect(_socket(project.id, token)) as extra:
                extra.receive_json()
        assert refused.value.code == 1008, (refused.value.code, refused.value.reason)
    finally:
        for socket in sockets:
            socket.__exit__(None, None, None)

    def connects() -> bool:
        try:
            with api.websocket_connect(_socket(project.id, token)):
                return True
        except WebSocketDisconnect:
            return False

    wait_for(connects, timeout=10, what="a closed socket to free its slot")
