"""Identical requests with one Idempotency-Key, sent at once: one build, one charge, one answer."""

from __future__ import annotations

import threading

from autowebiq_app.services import worker_heartbeats

TWINS = 20


def test_concurrent_twins_replay_the_first_response(api, sign_up):
    # A live worker is required to accept a build; this test is about the race, not the run.
    worker_heartbeats.beat("idempotency-test:0")
    headers = {**sign_up(), "Idempotency-Key": "twin-1"}
    project = api.post("/api/v2/projects", json={"name": "Twins"}, headers=headers).json()
    start = threading.Barrier(TWINS)
    responses: list = []

    def send() -> None:
        start.wait()
        responses.append(
            api.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A cafe"}, headers=headers)
        )

    threads = [threading.Thread(target=send) for _ in range(TWINS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        worker_heartbeats.forget("idempotency-test:0")

    assert [r.status_code for r in responses] == [200] * TWINS, [r.text for r in responses if r.status_code != 200]
    bodies = [r.json() for r in responses]
    assert all(body == bodies[0] for body in bodies), bodies
    assert sum(r.headers.get("idempotent-replayed") == "true" for r in responses) == TWINS - 1
    assert api.get("/api/v2/user/credits", headers=headers).json()["balance"] == 90
