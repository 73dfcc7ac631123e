"""The workspace's follower survives Redis going away: it says so, reconnects, and still ends."""

from __future__ import annotations

import asyncio

from autowebiq_app import events
from autowebiq_app.pages.workspace_state import _finished
from autowebiq_app.services import builds, projects

BOUND_SECONDS = 20  # the fault: 20 s after the build failed the page still said "Queued…"


def _queued_build(session, make_user) -> str:
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Follow")
    return builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A cafe", enqueue=lambda b: "t"
    ).id


async def _follow(build_id: str, updates: list[events.FollowUpdate]) -> None:
    async def outcome():
        return await asyncio.to_thread(_finished, build_id)

    async for update in events.follow(build_id, outcome=outcome, block_ms=500, backoff=(0.1, 0.5)):
        updates.append(update)


async def _until(predicate, task: asyncio.Task) -> None:
    for _ in range(BOUND_SECONDS * 20):
        if predicate() or task.done():
            return
        await asyncio.sleep(0.05)


def test_a_build_that_fails_while_redis_is_down_ends_for_the_follower(private_redis, session, make_user):
    build_id = _queued_build(session, make_user)
    events.append(build_id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
    updates: list[events.FollowUpdate] = []

    async def scenario() -> None:
        task = asyncio.create_task(_follow(build_id, updates))
        await _until(lambda: any(u.events for u in updates), task)
        private_redis.stop()
        await _until(lambda: any(u.reconnecting for u in updates), task)
        await asyncio.to_thread(builds.fail_build, session=session, build_id=build_id, reason="The worker was lost.")
        await asyncio.wait_for(task, BOUND_SECONDS)

    asyncio.run(scenario())
    assert [e.type for u in updates for e in u.events] == [events.BUILD_STARTED]
    assert any(u.reconnecting for u in updates)
    assert updates[-1].outcome == ("failed", "The worker was lost.")


def test_the_follower_resumes_after_redis_comes_back(tmp_path, settings_override, session, make_user):
    from tests.reliability.conftest import _forget_redis_clients
    from tests.reliability.servers import RedisServer

    server = RedisServer(tmp_path, appendonly=True).start()
    settings_override(REDIS_URL=server.url(0))
    _forget_redis_clients()
    try:
        build_id = _queued_build(session, make_user)
        events.append(build_id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
        updates: list[events.FollowUpdate] = []

        async def scenario() -> None:
            task = asyncio.create_task(_follow(build_id, updates))
            await _until(lambda: any(u.events for u in updates), task)
            server.stop()
            await _until(lambda: any(u.reconnecting for u in updates), task)
            server.start()
            _forget_redis_clients()
            events.append(build_id, events.AGENT_MESSAGE, agent="planner", message="Planning", progress=10)
            events.append(build_id, events.BUILD_COMPLETE, agent="system", message="Done", progress=100)
            await asyncio.wait_for(task, BOUND_SECONDS)

        asyncio.run(scenario())
    finally:
        server.stop()
        _forget_redis_clients()
    seen = [e.type for u in updates for e in u.events]
    assert seen == [events.BUILD_STARTED, events.AGENT_MESSAGE, events.BUILD_COMPLETE]
