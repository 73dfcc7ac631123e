"""A sample of the functional corpus in Chromium (the whole corpus: `python -m bench.functional`):
a customer's checks on the site built for each request. A wrong site must not pass them."""

from __future__ import annotations

import pytest

from autowebiq_app.engine import browser
from bench import functional

pytestmark = pytest.mark.browser
CORPUS = functional.load_corpus()
# Every fourth request by id: each kind is in it, and it does not move when one is added.
SAMPLE = sorted(CORPUS, key=lambda r: r["id"])[::4]
# Below what this sample scores today (docs/engine.md; the corpus is at 84.9 %), with room
# for a slow machine's timing: a change that makes the sites do less fails here.
FLOOR = 0.75


@pytest.fixture(scope="module")
def chromium():
    with browser.chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def sample_results(chromium):
    return [functional.run_request(chromium, request) for request in SAMPLE]


def test_the_sample_is_large_and_covers_every_kind():
    assert len(SAMPLE) >= 20
    assert {r["kind"] for r in SAMPLE} == {r["kind"] for r in CORPUS}


def test_the_sites_do_what_the_customers_check(sample_results):
    failures = [f"{r.id}: {c.name}: {c.error}" for r in sample_results for c in r.checks if c.score < 1]
    assert functional.score(sample_results) >= FLOOR, "\n".join(failures)


def test_a_site_built_for_another_request_fails_the_checks(chromium):
    crm = next(r for r in CORPUS if r["id"] == "crm-clients-calls")
    wrong = functional.build_files("a 2048 game")
    result = functional.run_request(chromium, crm, files=wrong)
    assert functional.score([result]) <= 0.25, [(c.name, c.error) for c in result.checks]


def test_a_site_that_forgets_what_it_stores_fails_the_reload_checks(chromium):
    crm = next(r for r in CORPUS if r["id"] == "crm-clients-calls")
    files = functional.build_files(crm["prompt"])
    forgetful = {**files, "app.js": files["app.js"].replace("backend.setItem(KEY, JSON.stringify(state));", "", 1)}
    result = functional.run_request(chromium, crm, files=forgetful)
    kept = next(c for c in result.checks if "reload" in c.name)
    assert kept.score < 1, kept
