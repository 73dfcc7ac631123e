"""A feature the library lacks: the model describes it in the spec, writes it in the library's
format, and the QA agent proves it in Chromium before a version has it. A module that fails
goes back to the model with the browser's evidence; one that never passes is replaced by the
nearest library feature, and the chat says so."""

from __future__ import annotations

import json

import pytest

from autowebiq_app import events
from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine import browser, custom_features
from autowebiq_app.engine.brief import read_brief
from autowebiq_app.engine.model_spec import spec_schema, validate_spec
from autowebiq_app.engine.pipeline import build_site
from autowebiq_app.engine.planner import app_draft
from autowebiq_app.engine.providers import OpenAIPlanner
from autowebiq_app.models import BuildStatus
from autowebiq_app.services import projects, versions
from tests.engine.test_providers import Recorder
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.helpers import run_build_now

CATALOG = bundled_catalog()
PROMPT = (
    "An app for the Kestrel board game club: log each game night (date, game, winner), and a dice roller for the table"
)
SLUG = "custom-dice-roller"

GOOD_DICE = """
AW.feature("custom-dice-roller", function (root, config) {
  var h = AW.h;
  var id = AW.uid("dice");
  var count = h("input", { id: id, class: "input", type: "number", min: "1", max: "6", value: "2" });
  var faces = h("p", { class: "aw-custom-dice-roller__faces" });
  var total = h("output", { class: "aw-custom-dice-roller__total", text: "0" });
  function roll() {
    var n = Math.max(1, Math.min(6, parseInt(count.value, 10) || 1));
    var values = [];
    for (var i = 0; i < n; i += 1) values.push(1 + Math.floor(Math.random() * 6));
    faces.textContent = values.join(" + ");
    total.textContent = String(TOTAL);
    AW.db.kv("dice-last", values);
  }
  root.appendChild(h("div", { class: "aw-custom-dice-roller" },
    h("h2", { text: config.heading || "Roll the dice" }),
    h("div", { class: "field" }, h("label", { for: id, text: "Dice" }), count),
    h("button", { type: "button", class: "btn btn-primary", onclick: roll }, "Roll"), faces, total));
});
AW.selftest("custom-dice-roller", async function (root, t) {
  t.fill(root.querySelector("input"), "3");
  root.querySelector("button").click();
  var faces = root.querySelector(".aw-custom-dice-roller__faces").textContent.split(" + ").map(Number);
  t.ok(faces.length === 3, "three dice are rolled, not " + faces.length);
  t.ok(faces.every(function (f) { return f >= 1 && f <= 6; }), "each die shows 1 to 6");
  var sum = faces.reduce(function (a, b) { return a + b; }, 0);
  t.ok(root.querySelector("output").textContent === String(sum), "the total is the sum of the dice");
});
"""
SUM = "values.reduce(function (a, b) { return a + b; }, 0)"
WORKING = GOOD_DICE.replace("TOTAL", SUM)
WRONG_TOTAL = GOOD_DICE.replace("TOTAL", "values[0]")  # the total shows the first die only
CSS = ".aw-custom-dice-roller__total { font-size: 2rem; color: var(--text); }"
HOLLOW_TEST = WORKING[: WORKING.index('AW.selftest("custom-dice-roller"')] + (
    'AW.selftest("custom-dice-roller", async function (root, t) { t.ok(true, "yes"); t.ok(1, "still yes"); });'
)


def module(js: str) -> str:
    return json.dumps({"js": js, "css": CSS})


def spec_with_dice(fallback: str | None = "calculator") -> dict:
    """The offline draft with the dice roller the library lacks, described and placed on a page."""
    spec = app_draft(read_brief(PROMPT), CATALOG).model_dump(mode="json")
    spec["custom_features"] = [
        {
            "slug": SLUG,
            "name": "Dice roller",
            "description": "Roll one to six six-sided dice for the table and show each die and their total.",
            "fallback": fallback,
        }
    ]
    spec["pages"].append({"slug": "dice", "title": "Dice", "features": [{"feature": SLUG, "heading": "Roll"}]})
    return spec


@pytest.fixture
def server():
    with FakeOpenAI() as fake:
        yield fake


def planner(server, repairs: int = 2):
    built = OpenAIPlanner(base_url=server.base_url, api_key="sk-test", model="fake-model", spec_max_tokens=8000)
    built.repairs = repairs
    return built


def test_the_spec_schema_lets_a_model_describe_a_feature_the_library_lacks():
    schema = spec_schema(CATALOG)
    feature = schema["$defs"]["FeatureUse"]["properties"]["feature"]["anyOf"]
    assert feature[0]["enum"] == sorted(CATALOG.features) and feature[1]["pattern"].startswith("^custom-")
    described = schema["$defs"]["CustomFeature"]["properties"]
    assert "js" not in described and "verified" not in described  # the code is written and proven separately
    spec = validate_spec(json.dumps(spec_with_dice()), CATALOG)
    assert spec.custom_features[0].slug == SLUG and not spec.custom_features[0].verified


def test_a_custom_feature_must_be_described_and_its_fallback_must_exist():
    undescribed = spec_with_dice()
    undescribed["custom_features"] = []
    with pytest.raises(ValueError, match="'custom-dice-roller' is not described in custom_features"):
        validate_spec(json.dumps(undescribed), CATALOG)
    with pytest.raises(ValueError, match="fallback is not one of the library's features"):
        validate_spec(json.dumps(spec_with_dice(fallback="teleporter")), CATALOG)


@pytest.mark.parametrize(
    ("js", "problem"),
    [
        (
            WORKING.replace('AW.selftest("custom-dice-roller"', 'AW.selftest("dice"'),
            'must call AW.selftest("custom-dice-roller"',
        ),
        (WORKING + '\nfetch("/track");', "may not use fetch("),
        (WORKING + '\nvar font = "https://fonts.example/x.css";', "may not use https://"),
        (WORKING + "\neval('1');", "may not use eval("),
    ],
)
def test_a_module_that_does_not_register_itself_or_reaches_off_the_site_is_refused(js, problem):
    with pytest.raises(ValueError, match=problem.replace("(", r"\(")):
        custom_features.validate_module(module(js), SLUG)


@pytest.mark.browser
def test_a_module_that_fails_its_self_test_is_repaired_with_the_evidence_and_shipped(server):
    server.script(Reply(json.dumps(spec_with_dice())), Reply(module(WRONG_TOTAL)), Reply(module(WORKING)))
    reporter = Recorder()
    out = build_site(PROMPT, reporter=reporter, catalog=CATALOG, planner=planner(server), browser=browser.run_selftests)

    repair = server.requests[2]["messages"][-1]["content"]
    assert "the total is the sum of the dice" in repair  # the browser's evidence went back to the model
    dice = out.plan.app.custom_features[0]
    assert dice.verified and "reduce" in dice.js
    assert (
        'AW.feature("custom-dice-roller"' in out.files["app.js"]
        and 'data-feature="custom-dice-roller"' in out.files["dice.html"]
    )
    check = next(c for c in out.qa_report["checks"] if "custom-dice-roller" in c["name"])
    assert check["passed"] and out.qa_report["features_verified"] == out.qa_report["features_total"]
    assert "could not be verified" not in out.summary
    assert any("failed in the browser" in m for m in reporter.messages)


@pytest.mark.browser
def test_a_module_that_never_passes_is_replaced_by_the_nearest_library_feature_and_the_chat_says_so(server):
    server.script(Reply(json.dumps(spec_with_dice())), *[Reply(module(WRONG_TOTAL))] * 2)
    out = build_site(
        PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server, repairs=1), browser=browser.run_selftests
    )

    assert len(server.requests) == 3  # the spec, the module, one repair
    assert out.plan.app.custom_features == []
    assert [u.feature for u in out.plan.app.pages[-1].features] == ["calculator"]
    assert "custom-dice-roller" not in out.files["app.js"]
    assert "“Dice roller” could not be verified (it still failed in the browser" in out.summary
    assert "the library's" in out.summary and out.qa_report["features_verified"] == out.qa_report["features_total"]


@pytest.mark.browser
def test_a_self_test_that_passes_without_the_feature_proves_nothing(server):
    server.script(Reply(json.dumps(spec_with_dice())), Reply(module(HOLLOW_TEST)), Reply(module(WORKING)))
    out = build_site(
        PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server), browser=browser.run_selftests
    )

    assert "passes where the feature never started" in server.requests[2]["messages"][-1]["content"]
    assert out.plan.app.custom_features[0].verified


def test_without_a_browser_to_prove_it_a_custom_feature_never_ships(server):
    server.script(Reply(json.dumps(spec_with_dice(fallback=None))))
    out = build_site(PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server), browser=None)

    assert len(server.requests) == 1  # nothing is written that cannot be proven
    assert out.plan.app.custom_features == [] and all(p.slug != "dice" or not p.features for p in out.plan.app.pages)
    assert "no browser here to prove it" in out.summary and "custom-dice-roller" not in json.dumps(out.files)


@pytest.fixture
def model_project(session, make_user, settings_override):
    """A project whose builds are planned by the fake model, with the browser QA on."""
    with FakeOpenAI() as fake:
        settings_override(
            LLM_PROVIDER="openai",
            LLM_BASE_URL=fake.base_url,
            LLM_MODEL="fake-model",
            LLM_SPEC_MAX_TOKENS="8000",
            LLM_REPAIR_ATTEMPTS="1",
            QA_BROWSER="on",
        )
        user, _ = make_user()
        yield fake, projects.create_project(session=session, user_id=user.id, name="Kestrel")


@pytest.mark.browser
def test_a_build_stores_the_proven_module_with_its_version(session, model_project):
    fake, project = model_project
    fake.script(Reply(json.dumps(spec_with_dice())), Reply(module(WRONG_TOTAL)), Reply(module(WORKING)))
    build = run_build_now(session, project, PROMPT)

    assert build.status == BuildStatus.SUCCEEDED, build.error
    version = versions.latest_version(session=session, project_id=project.id)
    stored = version.plan["app"]["custom_features"][0]
    assert stored["verified"] and stored["js"] == WORKING
    assert 'AW.feature("custom-dice-roller"' in version.files["app.js"]
    feed = [e.message for e in events.read(build.id)]
    assert any("failed in the browser" in m for m in feed) and any("works in a browser" in m for m in feed)


@pytest.mark.browser
def test_a_build_whose_module_never_passes_ships_the_fallback_and_says_so_in_the_chat(session, model_project):
    fake, project = model_project
    fake.script(Reply(json.dumps(spec_with_dice())), *[Reply(module(WRONG_TOTAL))] * 2)
    build = run_build_now(session, project, PROMPT)

    assert build.status == BuildStatus.SUCCEEDED, build.error
    version = versions.latest_version(session=session, project_id=project.id)
    assert version.plan["app"]["custom_features"] == [] and "custom-dice-roller" not in version.files["app.js"]
    answer = projects.list_messages(session=session, user_id=project.user_id, project_id=project.id)[-1].content
    assert "“Dice roller” could not be verified" in answer and "the library's Calculator stands in for it" in answer
