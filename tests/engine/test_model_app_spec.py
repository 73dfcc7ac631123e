"""A model writes the whole app spec: the offline reader's spec is its draft, the reply is
validated against the spec's rules and the catalog's features, retried with the errors, and
what the prompt states outright wins; the site is built and checked like an offline app."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from autowebiq_app import events
from autowebiq_app.api import ws
from autowebiq_app.catalog.app_spec import AppSpec
from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine import browser
from autowebiq_app.engine.brief import read_brief
from autowebiq_app.engine.model_spec import prompt_wins, spec_schema, validate_spec
from autowebiq_app.engine.pipeline import EngineError, build_site
from autowebiq_app.engine.planner import app_draft
from autowebiq_app.engine.providers import OpenAIPlanner
from autowebiq_app.models import BuildStatus
from autowebiq_app.services import credits, projects, versions
from tests.engine.test_providers import Recorder, model_plan
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.helpers import run_build_now

CATALOG = bundled_catalog()
PROMPT = "A CRM for Harbour Roofing in Leeds where we add clients and log calls with them, prices in euros"
TAGLINE = "Every roof quote, every callback, one list"
CORPUS = Path(__file__).parents[2] / "bench" / "functional_corpus"


def draft() -> AppSpec:
    return app_draft(read_brief(PROMPT), CATALOG)


def model_spec(**facts) -> dict:
    """What a model might write: the draft with new copy, a new field with values in every
    record, and its own ideas about the name and currency (which the prompt overrules)."""
    spec = draft().model_dump(mode="json")
    spec["facts"] |= {"name": "Roofline CRM", "currency": "GBP", "tagline": TAGLINE} | facts
    client = spec["entities"][0]
    client["fields"].append({"key": "roof_type", "label": "Roof type", "type": "select", "options": ["Slate", "Tile"]})
    for index, record in enumerate(client["records"]):
        record["roof_type"] = ("Slate", "Tile")[index % 2]
    spec["pages"][1]["intro"] = "Everyone who asked for a quote, and where each job stands."
    return spec


def invalid_spec() -> dict:
    spec = model_spec()
    spec["pages"][1]["features"].append({"feature": "teleporter"})
    spec["pages"][2]["features"][0]["entity"] = "unicorn"
    return spec


@pytest.fixture
def server():
    with FakeOpenAI() as fake:
        yield fake


def planner(server, **options) -> OpenAIPlanner:
    return OpenAIPlanner(
        base_url=server.base_url, api_key="sk-test", model="fake-model", spec_max_tokens=8000, **options
    )


def test_a_model_written_app_spec_is_streamed_validated_and_built(server):
    reply = json.dumps(model_spec())
    server.script(Reply(reply, chunk_size=300, delay=0.05))
    reporter = Recorder()
    out = build_site(PROMPT, reporter=reporter, catalog=CATALOG, planner=planner(server))

    assert out.plan.app is not None and out.plan.tagline == TAGLINE
    client = out.plan.app.entity("client")
    assert client.field("roof_type").options == ["Slate", "Tile"]
    assert TAGLINE in out.files["index.html"]
    assert "Everyone who asked for a quote" in out.files["clients.html"]
    assert "Roof type" in out.files["data.js"] and "Slate" in out.files["data.js"]
    assert out.qa_report["score"] == 100
    assert "".join(reporter.streamed) == reply and len(reporter.streamed) > 1
    assert "The model's app spec is valid (attempt 1)." in reporter.messages

    request = server.requests[0]
    assert request["max_tokens"] == 8000
    assert request["response_format"]["json_schema"]["schema"] == spec_schema(CATALOG)
    assert request["messages"][1]["content"].startswith(f"Request: {PROMPT}\n\nDraft app spec")
    assert '"name":"Harbour Roofing"' in request["messages"][1]["content"], "the offline spec is the draft"


def test_the_schema_limits_features_to_the_catalog():
    schema = spec_schema(CATALOG)
    use = schema["$defs"]["FeatureUse"]["properties"]
    assert use["feature"]["anyOf"][0]["enum"] == sorted(CATALOG.features)  # or a described custom-… feature
    assert set(schema["$defs"]["Entity"]["required"]) >= {"name", "fields"}
    assert schema["required"] == ["domain", "kind", "facts", "pages"]


def test_an_invalid_spec_is_retried_with_its_errors_and_the_next_reply_used(server):
    server.script(Reply(json.dumps(invalid_spec())), Reply(json.dumps(model_spec())))
    reporter = Recorder()
    plan = planner(server).plan(PROMPT, CATALOG, seed=0, reporter=reporter)

    assert plan.app.entity("client").field("roof_type") is not None and plan.tagline == TAGLINE
    assert len(server.requests) == 2
    retry = server.requests[1]["messages"]
    assert retry[2]["role"] == "assistant" and "teleporter" in retry[2]["content"]
    errors = retry[3]["content"]
    assert "'teleporter' is not one of the library's features" in errors
    assert "feature 'collection' uses unknown entity 'unicorn'" in errors
    assert sum("asking again" in m for m in reporter.messages) == 1


def test_features_configured_with_missing_entities_or_fields_are_invalid():
    spec = model_spec()
    spec["pages"][1]["features"][0]["filters"] = ["status", "colour"]
    dashboard = spec["pages"][3]["features"][0]
    dashboard["stats"][0]["entity"] = "invoice"
    dashboard["chart"]["by"] = "region"
    spec["pages"][2]["features"][0].pop("entity")
    spec["pages"].append({"slug": "index", "title": "All of it"})
    with pytest.raises(ValueError) as caught:
        validate_spec(json.dumps(spec), CATALOG)
    assert str(caught.value).split("; ") == [
        "page 'clients': feature 'collection' filters 'colour' is not a field of 'client'",
        "page 'calls': feature 'collection' works on records and needs an 'entity'",
        "page 'dashboard': feature 'dashboard' uses unknown entity 'invoice'",
        "page 'dashboard': feature 'dashboard' by 'region' is not a field of 'client'",
        "page 'index': index.html is the home page's file, so give the page another slug",
    ]


@pytest.mark.parametrize(
    "garbled",
    [
        {"entities": 5, "pages": [{"features": {"feature": "collection"}}]},
        {"entities": [{"name": ["client"], "fields": [{"key": {}}]}], "pages": [{"features": [{"entity": []}]}]},
        {"pages": [{"slug": "home", "features": [{"feature": "collection", "entity": {"x": 1}, "filters": 3}]}]},
        [],
    ],
)
def test_a_garbled_spec_is_invalid_with_reasons_not_an_error(garbled):
    with pytest.raises(ValueError, match="."):
        validate_spec(json.dumps(garbled), CATALOG)


def test_every_offline_draft_of_the_functional_corpus_passes_the_models_validation():
    prompts = [
        r["prompt"] for path in sorted(CORPUS.glob("*.toml")) for r in tomllib.loads(path.read_text())["requests"]
    ]
    drafts = [d for d in (app_draft(read_brief(p), CATALOG) for p in prompts) if d is not None]
    assert len(drafts) >= 80
    for spec in drafts:
        assert validate_spec(spec.model_dump_json(), CATALOG) == spec


def test_a_model_that_never_writes_a_valid_spec_fails_the_build_with_the_reason(server):
    server.script(*[Reply(json.dumps(invalid_spec()))] * 3)
    with pytest.raises(EngineError, match="usable app spec after 3 attempts: the app spec was not valid: .*teleporter"):
        build_site(PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server))
    assert len(server.requests) == 3


def test_the_prompts_name_and_currency_win_over_the_models(server):
    server.script(Reply(json.dumps(model_spec())))
    plan = planner(server).plan(PROMPT, CATALOG, seed=0, reporter=Recorder())
    assert (plan.name, plan.app.facts.currency, plan.place) == ("Harbour Roofing", "EUR", "Leeds")


def test_prompt_wins_puts_back_stated_facts_and_the_readers_entities():
    said = draft()
    written = AppSpec.model_validate(model_spec(name="Roofline CRM", place="York", contact="call Bob"))
    written = written.model_copy(  # the model dropped the calls the reader found
        update={
            "entities": [e for e in written.entities if e.name != "call"],
            "pages": [p for p in written.pages if p.slug != "calls"],
        }
    )
    merged = prompt_wins(written, said)
    assert (merged.facts.name, merged.facts.place, merged.facts.currency) == ("Harbour Roofing", "Leeds", "EUR")
    assert merged.facts.contact == "call Bob", "a fact the prompt did not state stays the model's"
    assert merged.facts.tagline == TAGLINE
    assert {e.name for e in merged.entities} == {"client", "call"}
    assert "calls" in [p.slug for p in merged.pages]
    assert merged.entity("client").field("roof_type") is not None


def test_a_marketing_prompt_still_gets_the_small_model_plan(server):
    prompt = "A gym site with an FAQ and a map, no pricing"
    server.script(Reply(model_plan(name="Iron Hall", template="fitness-gym", sections_wanted=[])))
    plan = planner(server).plan(prompt, CATALOG, seed=0, reporter=Recorder())
    assert plan.app is None and plan.name == "Iron Hall"
    request = server.requests[0]
    assert request["response_format"]["json_schema"]["name"] == "SitePlan"
    assert request["messages"][-1]["content"] == prompt


def test_a_budget_too_small_for_a_spec_asks_for_the_model_plan(server):
    server.script(Reply(model_plan(name="Harbour Roofing")))
    small = OpenAIPlanner(base_url=server.base_url, api_key="x", model="fake-model", spec_max_tokens=900)
    plan = small.plan(PROMPT, CATALOG, seed=0, reporter=Recorder())
    assert plan.app is None and server.requests[0]["response_format"]["json_schema"]["name"] == "SitePlan"


@pytest.mark.browser
def test_the_qa_agent_tries_the_models_app_in_a_browser(server):
    server.script(Reply(json.dumps(model_spec())))
    out = build_site(
        PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server), browser=browser.run_selftests
    )
    report = out.qa_report
    assert report["features_total"] >= 3
    assert report["features_verified"] == report["features_total"], [c for c in report["checks"] if not c["passed"]]


@pytest.fixture
def model_project(session, make_user, settings_override):
    """A project whose builds are planned by the fake model with room for an app spec."""
    with FakeOpenAI() as fake:
        settings_override(
            LLM_PROVIDER="openai",
            LLM_BASE_URL=fake.base_url,
            LLM_MODEL="fake-model",
            LLM_SPEC_MAX_TOKENS="8000",
            LLM_TIMEOUT_SECONDS="5",
        )
        user, _ = make_user()
        yield fake, projects.create_project(session=session, user_id=user.id, name="Harbour")


def test_a_build_streams_the_models_app_spec_into_its_events_and_stores_it(session, model_project):
    fake, project = model_project
    reply = json.dumps(model_spec())
    fake.script(Reply(reply, chunk_size=300, delay=0.05))
    build = run_build_now(session, project, PROMPT)

    assert build.status == BuildStatus.SUCCEEDED
    version = versions.latest_version(session=session, project_id=project.id)
    assert version.plan["app"]["facts"]["tagline"] == TAGLINE and version.plan["name"] == "Harbour Roofing"
    assert "Roof type" in version.files["data.js"]
    streamed = [ws.message(build.id, e).get("plan_text", "") for e in events.read(build.id)]
    assert "".join(streamed) == reply and sum(1 for s in streamed if s) > 1


def test_a_build_whose_model_never_writes_a_valid_spec_fails_with_the_reason_and_refunds(session, model_project):
    fake, project = model_project
    fake.script(*[Reply(json.dumps(invalid_spec()))] * 3)
    build = run_build_now(session, project, PROMPT)

    assert build.status == BuildStatus.FAILED
    assert build.error.startswith("The model did not return a usable app spec after 3 attempts: the app spec was not")
    assert "'teleporter' is not one of the library's features" in build.error
    assert credits.balance(session=session, user_id=project.user_id) == 100
    assert len(fake.requests) == 3
