"""The QA agent in a real browser: every feature of an app site runs its self-test in
headless Chromium, and a site whose features do not work cannot score 100."""

from __future__ import annotations

from functools import lru_cache

import pytest

from autowebiq_app.catalog.app_spec import AppSpec, Entity, FeatureUse, PageSpec
from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine import browser
from autowebiq_app.engine.pipeline import SilentReporter, build_site, produce
from autowebiq_app.engine.providers import OfflinePlanner

pytestmark = pytest.mark.browser
CATALOG = bundled_catalog()
CRM = "A CRM where users can add clients and log calls with them"


@lru_cache(maxsize=None)
def checked(prompt: str):
    return build_site(
        prompt, reporter=SilentReporter(), catalog=CATALOG, planner=OfflinePlanner(), browser=browser.run_selftests
    )


def test_every_feature_of_a_crm_is_verified_in_the_browser():
    report = checked(CRM).qa_report
    assert report["features_total"] >= 3
    assert report["features_verified"] == report["features_total"], [c for c in report["checks"] if not c["passed"]]
    assert report["score"] == 100


def test_a_feature_that_does_not_work_costs_points_and_is_named():
    out = checked(CRM)
    broken = dict(out.files)
    # The collection stores nothing: its self-test must see the record never arrives.
    broken["app.js"] = broken["app.js"].replace("collection(name).push(copy);", "/* dropped */", 1)
    report = browser.run_selftests(broken, ["clients.html"])
    failures = [r for r in report["features"] if not r["passed"]]
    assert failures and failures[0]["feature"] == "collection"
    assert any("stored" in p or "appears" in p for p in failures[0]["problems"])


def test_a_missing_feature_fails_like_a_failing_one():
    out = checked(CRM)
    spec = out.plan.app
    extra = PageSpec(slug="calls-board", title="Board", features=[FeatureUse(feature="collection", entity="call")])
    wanting = spec.model_copy(update={"pages": [*spec.pages, extra]})
    plan = out.plan.model_copy(update={"app": AppSpec.model_validate(wanting.model_dump())})
    files = dict(out.files)
    report = produce(
        plan,
        catalog=CATALOG,
        reporter=SilentReporter(),
        summary="",
        browser=lambda f, p: browser.run_selftests(files, p),
    ).qa_report
    assert report["features_verified"] == report["features_total"] - 1
    assert report["score"] < 100


def test_network_requests_and_script_errors_are_caught():
    files = dict(checked(CRM).files)
    files["index.html"] = files["index.html"].replace(
        "</body>", '<script>fetch("https://example.com/x").catch(() => {}); null.boom;</script></body>'
    )
    report = browser.run_selftests(files, ["index.html"])
    assert any("example.com" in url for url in report["external"])
    assert report["errors"]


@pytest.mark.parametrize("slug", sorted(CATALOG.domains))
def test_every_domain_builds_a_site_whose_features_pass_in_the_browser(slug):
    domain = CATALOG.domains[slug]
    prompt = f"{domain.keywords[0]} app where I can add and list things"
    out = checked(prompt)
    assert out.plan.app is not None and out.plan.app.domain == slug, prompt
    report = out.qa_report
    assert report["features_verified"] == report["features_total"], [c for c in report["checks"] if not c["passed"]]


def test_every_feature_in_the_library_is_used_by_some_domain():
    used = {
        use["feature"] for d in CATALOG.domains.values() for page in d.pages for use in page.get("features", [])
    } | {"comments", "account", "contact", "orders"}
    assert set(CATALOG.features) <= used, set(CATALOG.features) - used


def test_entities_are_typed():
    entity = Entity.model_validate(CATALOG.domains["crm"].entities[0])
    assert entity.field("email").type == "email"
