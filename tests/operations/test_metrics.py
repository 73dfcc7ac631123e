"""/metrics: the web process's and every worker's metrics, and state read at scrape time."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from autowebiq_app.models import BuildStatus
from tests.helpers import dramatiq_worker, wait_for
from tests.operations.helpers import start_build, wait_finished
from tests.reliability.workers import live_worker_pids


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.fixture
def api():
    from autowebiq_app.api.app import create_api

    with TestClient(create_api()) as client:
        yield client


def test_metrics_show_builds_by_status_queues_ledger_http_and_cache(api, make_user, session):
    user, token = make_user()
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v2/user/credits", headers=headers).json()["balance"] == 100
    assert api.get("/api/v2/user/credits", headers=headers).json()["balance"] == 100
    assert api.get("/api/v2/no-such-thing", headers=headers).status_code == 404
    start_build(session, user.id)  # queued: no worker here

    response = api.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    assert samples[("autowebiq_builds", (("status", "queued"),))] == 1
    assert samples[("autowebiq_builds", (("status", "succeeded"),))] == 0
    assert samples[("autowebiq_queue_waiting", (("queue", "builds"),))] == 1
    assert ("autowebiq_queue_dead", (("queue", "default"),)) in samples
    assert samples[("autowebiq_ledger_operations_total", (("kind", "build_reserve"),))] >= 1
    assert samples[("autowebiq_cache_requests_total", (("cache", "balance"), ("result", "hit")))] >= 1
    route = (("method", "GET"), ("route", "/api/v2/user/credits"), ("status", "200"))
    assert samples[("autowebiq_http_request_duration_seconds_count", route)] >= 2
    unrouted = (("method", "GET"), ("route", "/api/{rest:path}"), ("status", "404"))
    assert samples[("autowebiq_http_request_duration_seconds_count", unrouted)] >= 1


@pytest.mark.worker
def test_metrics_include_what_worker_processes_recorded(make_user, session, monkeypatch, tmp_path):
    from autowebiq_app import metrics

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    user, _ = make_user()
    session.commit()
    with dramatiq_worker(log_path=tmp_path / "worker.log"):
        wait_for(live_worker_pids, timeout=120, interval=0.5, what="a worker")
        build = start_build(session, user.id)
        assert wait_finished(session, build.id).status == BuildStatus.SUCCEEDED
        labels = (("kind", "build"), ("outcome", "succeeded"))
        samples = wait_for(
            lambda: (s := _samples(metrics.exposition().decode())).get(("autowebiq_builds_finished_total", labels))
            and s,
            timeout=30,
            what="the worker's build in the metrics",
        )
    assert samples[("autowebiq_build_duration_seconds_count", labels)] == 1
    assert samples[("autowebiq_builds", (("status", "succeeded"),))] == 1
    # The build's reservation was written by this process, which is not in multiprocess mode.
    assert ("autowebiq_ledger_operations_total", (("kind", "build_reserve"),)) not in samples
