"""A hung Redis (SIGSTOP) costs a request at most one bounded time-out; health says degraded."""

from __future__ import annotations

from tests.reliability.servers import bounded

REQUEST_BOUND_SECONDS = 5  # the fault made every request wait as long as Redis hung (15 s)


def test_api_requests_answer_while_redis_hangs(private_redis, api, sign_up):
    headers = sign_up()
    with private_redis.hung():
        for _ in range(3):
            response = bounded(
                lambda: api.get("/api/v2/user/credits", headers=headers),
                seconds=REQUEST_BOUND_SECONDS,
                what="a rate-limited API request with Redis hung",
            )
            assert response.status_code == 200, response.text
            assert response.json()["balance"] == 100


def test_health_says_degraded_within_two_seconds_while_redis_hangs(private_redis, api):
    with private_redis.hung():
        response = bounded(lambda: api.get("/api/health"), seconds=2, what="the health check with Redis hung")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded" and report["checks"]["redis"] == "unhealthy", report
    assert report["services"]["redis"].startswith("error") and report["databases"]["postgresql"] == "connected"


def test_catalog_reads_go_to_the_store_while_redis_hangs(private_redis):
    from autowebiq_app.catalog.service import get_catalog

    catalog = get_catalog()
    expected = [t["slug"] for t in catalog.templates()]
    with private_redis.hung():
        templates = bounded(catalog.templates, seconds=REQUEST_BOUND_SECONDS, what="a catalog read with Redis hung")
        again = bounded(catalog.templates, seconds=REQUEST_BOUND_SECONDS, what="a second catalog read")
    assert [t["slug"] for t in templates] == [t["slug"] for t in again] == expected


def test_redis_recovers_after_the_hang(private_redis, api, sign_up):
    from autowebiq_app import events

    headers = sign_up()
    with private_redis.hung():
        bounded(lambda: api.get("/api/v2/user/credits", headers=headers), seconds=REQUEST_BOUND_SECONDS, what="request")
    event_id = bounded(lambda: events.append("b1", events.HEARTBEAT), seconds=REQUEST_BOUND_SECONDS, what="append")
    assert [e.id for e in events.read("b1")] == [event_id]
