"""The builds-in-flight limit holds under concurrent requests."""

from __future__ import annotations

import threading

from autowebiq_app.core.db import session_scope
from autowebiq_app.errors import InsufficientCredits, RateLimited
from autowebiq_app.services import builds, credits, projects

REQUESTS = 25  # within the engine's connection pool (10 + 20 overflow)


def test_concurrent_build_requests_never_exceed_the_in_flight_limit(session, make_user, settings_override):
    settings_override(MAX_BUILDS_IN_FLIGHT="3")
    user, _ = make_user()
    project_ids = [projects.create_project(session=session, user_id=user.id, name=f"P{i}").id for i in range(REQUESTS)]
    start = threading.Barrier(REQUESTS)
    outcomes: list[str] = []

    def request(project_id: str) -> None:
        start.wait()
        with session_scope() as own:
            try:
                builds.start_build(
                    session=own, user_id=user.id, project_id=project_id, prompt="A shop", enqueue=lambda b: "t"
                )
                outcomes.append("accepted")
            except RateLimited:
                outcomes.append("limited")
            except InsufficientCredits:  # more than 10 accepted: the limit did not hold
                outcomes.append("accepted past the limit, until the credits ran out")

    threads = [threading.Thread(target=request, args=(pid,)) for pid in project_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert len(outcomes) == REQUESTS
    assert outcomes.count("accepted") == 3, outcomes.count("accepted")
    assert builds.active_builds_count(session=session, user_id=user.id) == 3
    assert (
        credits.balance(session=session, user_id=user.id) == credits.ledger_sum(session=session, user_id=user.id) == 70
    )
