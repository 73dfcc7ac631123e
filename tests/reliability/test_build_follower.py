"""The build feed (the workspace's reader) survives Redis going away: it says so, reconnects,
and still ends."""

from __future__ import annotations

import asyncio

from autowebiq_app import events
from autowebiq_app.services import builds, projects
from autowebiq_app.services.build_feed import BuildFeed, FeedUpdate

BOUND_SECONDS = 20  # the fault: 20 s after the build failed the page still said "Queued…"


def _queued_build(session, make_user) -> tuple[str, str, str]:
    """(user id, project id, build id) of a queued build."""
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Follow")
    build = builds.start_build(
        session=session, user_id=user.id, project_id=project.id, prompt="A cafe", enqueue=lambda b: "t"
    )
    return user.id, project.id, build.id


async def _follow(build: tuple[str, str, str], updates: list[FeedUpdate]) -> None:
    user_id, project_id, build_id = build
    feed = await BuildFeed.open(
        user_id=user_id, project_id=project_id, resume=f"{build_id}:0", block_ms=500, follow_next=False
    )
    try:
        async for update in feed.updates(backoff=(0.1, 0.5)):
            updates.append(update)
    finally:
        await feed.close()


async def _until(predicate, task: asyncio.Task) -> None:
    for _ in range(BOUND_SECONDS * 20):
        if predicate() or task.done():
            return
        await asyncio.sleep(0.05)


def test_a_build_that_fails_while_redis_is_down_ends_for_the_follower(private_redis, session, make_user):
    build = _queued_build(session, make_user)
    build_id = build[2]
    events.append(build_id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
    updates: list[FeedUpdate] = []

    async def scenario() -> None:
        task = asyncio.create_task(_follow(build, updates))
        await _until(lambda: any(u.events for u in updates), task)
        private_redis.stop()
        await _until(lambda: any(u.reconnecting for u in updates), task)
        await asyncio.to_thread(builds.fail_build, session=session, build_id=build_id, reason="The worker was lost.")
        await asyncio.wait_for(task, BOUND_SECONDS)

    asyncio.run(scenario())
    assert [e.type for u in updates for e in u.events] == [events.BUILD_STARTED, events.BUILD_FAILED]
    assert any(u.reconnecting for u in updates)
    # The outcome, from the database while the stream cannot be read.
    (failed,) = updates[-1].events
    assert updates[-1].reconnecting and failed.message == "The worker was lost." and failed.terminal


def test_the_follower_resumes_after_redis_comes_back(tmp_path, settings_override, session, make_user):
    from tests.reliability.conftest import _forget_redis_clients
    from tests.reliability.servers import RedisServer

    server = RedisServer(tmp_path, appendonly=True).start()
    settings_override(REDIS_URL=server.url(0))
    _forget_redis_clients()
    try:
        build = _queued_build(session, make_user)
        build_id = build[2]
        events.append(build_id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
        updates: list[FeedUpdate] = []

        async def scenario() -> None:
            task = asyncio.create_task(_follow(build, updates))
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
