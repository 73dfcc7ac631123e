"""The build feed, the one reader of a project's events behind the workspace and the
WebSocket: scoped to the user and the project, in order, resumable, following the next build,
and ending a build whose stream will not end it."""

from __future__ import annotations

import asyncio

import pytest

from autowebiq_app import events
from autowebiq_app.errors import BuildNotFound, ProjectNotFound
from autowebiq_app.services import build_feed, builds, projects
from autowebiq_app.services.build_feed import BuildFeed


def _build(session, user_id: str, project_id: str) -> str:
    return builds.start_build(
        session=session, user_id=user_id, project_id=project_id, prompt="A cafe", enqueue=lambda b: "t"
    ).id


def _run(session, build_id: str, *, steps: int = 2) -> list[str]:
    """Events of a build that starts, speaks `steps` times and completes; their stream ids."""
    ids = [events.append(build_id, events.BUILD_STARTED, agent="system", message="Build started", progress=0)]
    for n in range(steps):
        ids.append(events.append(build_id, events.AGENT_MESSAGE, agent="planner", message=f"step {n}", progress=10))
    builds.complete_build(
        session=session, build_id=build_id, files={"index.html": "<p>"}, plan={}, qa_report={}, summary="ok"
    )
    ids.append(events.append(build_id, events.BUILD_COMPLETE, agent="system", message="Done", progress=100))
    return ids


async def _collect(feed: BuildFeed, *, builds_wanted: int, during=None) -> list[tuple[str, str]]:
    """(build id, event id) of what the feed yields until `builds_wanted` builds ended."""
    seen: list[tuple[str, str]] = []
    ended = 0
    try:
        async for update in feed.updates(max_seconds=20):
            seen += [(update.build_id, e.id) for e in update.events]
            ended += sum(1 for e in update.events if e.terminal)
            if during is not None and update.build_id is None:
                await asyncio.to_thread(during)
                during = None
            if ended >= builds_wanted:
                return seen
    finally:
        await feed.close()
    return seen


@pytest.fixture
def owner(session, make_user):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Fed")
    session.commit()
    return user, project


def test_a_resume_point_of_another_project_or_user_is_refused(session, make_user, owner):
    user, project = owner
    other_project = projects.create_project(session=session, user_id=user.id, name="Other")
    theirs, _ = make_user()
    their_project = projects.create_project(session=session, user_id=theirs.id, name="Theirs")
    mine, other, foreign = (_build(session, user.id, project.id), _build(session, user.id, other_project.id),
                            _build(session, theirs.id, their_project.id))  # fmt: skip

    async def open_(user_id: str, project_id: str, resume: str) -> BuildFeed:
        return await BuildFeed.open(user_id=user_id, project_id=project_id, resume=resume)

    with pytest.raises(BuildNotFound):  # another project of the same user
        asyncio.run(open_(user.id, project.id, f"{other}:0"))
    with pytest.raises(BuildNotFound):  # another user's build, on one's own project
        asyncio.run(open_(user.id, project.id, f"{foreign}:0"))
    with pytest.raises(ProjectNotFound):  # another user's project, with that user's build
        asyncio.run(open_(user.id, their_project.id, f"{foreign}:0"))
    assert build_feed.builds_to_stream(user.id, project.id, mine) == [mine]


def test_events_come_in_order_resume_after_an_id_and_the_next_build_follows(session, owner):
    user, project = owner
    first = _build(session, user.id, project.id)
    first_ids = _run(session, first)
    started: list[str] = []

    def start_the_next_build() -> None:  # while the feed waits for one (start_build announces it)
        started.append(_build(session, user.id, project.id))
        _run(session, started[0], steps=1)

    async def from_start():
        feed = await BuildFeed.open(user_id=user.id, project_id=project.id, resume=f"{first}:0", block_ms=200)
        return await _collect(feed, builds_wanted=2, during=start_the_next_build)

    seen = asyncio.run(from_start())
    (second,) = started
    assert [i for b, i in seen if b == first] == first_ids
    assert [b for b, _ in seen] == [first] * len(first_ids) + [second] * 3

    async def resumed():
        feed = await BuildFeed.open(
            user_id=user.id, project_id=project.id, resume=f"{first}:{first_ids[1]}", block_ms=200, follow_next=False
        )
        return await _collect(feed, builds_wanted=2)

    # After the second event of the first build: the rest of it, then the second build, then the end.
    again = asyncio.run(resumed())
    assert [i for b, i in again if b == first] == first_ids[2:]
    assert [b for b, _ in again][-3:] == [second] * 3


def test_a_finished_build_whose_stream_will_not_end_it_ends_from_the_database(session, owner, monkeypatch):
    user, project = owner
    expired = _build(session, user.id, project.id)
    builds.fail_build(session=session, build_id=expired, reason="The worker was lost.")  # no stream at all

    async def read(build_id: str):
        feed = await BuildFeed.open(
            user_id=user.id, project_id=project.id, resume=f"{build_id}:0", block_ms=200, follow_next=False
        )
        try:
            return [e async for u in feed.updates(max_seconds=20) for e in u.events]
        finally:
            await feed.close()

    (final,) = asyncio.run(read(expired))
    assert final.type == events.BUILD_FAILED and final.message == "The worker was lost." and final.terminal

    # Its worker stored the version, then died before saying so: the stream has no ending.
    silent = _build(session, user.id, project.id)
    events.append(silent, events.BUILD_STARTED, agent="system", message="Build started", progress=0)
    builds.complete_build(
        session=session, build_id=silent, files={"a.html": "<p>"}, plan={}, qa_report={}, summary="ok"
    )
    monkeypatch.setattr(build_feed, "FINAL_GRACE", build_feed.FINAL_GRACE * 0)
    started, final = asyncio.run(read(silent))
    assert started.type == events.BUILD_STARTED
    assert final.type == events.BUILD_COMPLETE and final.data["version"] == 1
