"""The openai provider against an OpenAI-compatible server on loopback that can misbehave."""

from __future__ import annotations

import json

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.llm import ModelUnavailable, RetryPolicy
from autowebiq_app.engine.pipeline import EngineError, SilentReporter, build_site
from autowebiq_app.engine.providers import OpenAIPlanner, plan_schema
from tests.fakes.openai_server import BadJSON, FakeOpenAI, Hang, Reply, Status

CATALOG = bundled_catalog()
PROMPT = "A neighbourhood bakery called Crumb & Co in York, with a booking form, dark mode, buttons in teal"


def model_plan(**changes) -> str:
    plan = {
        "name": "Crumb & Co",
        "template": "cafe-bistro",
        "subject": "sourdough bakery",
        "audience": "early risers in York",
        "tone": "warm",
        "variant": "light",
        "tagline": "Sourdough, buns and coffee from six every morning",
        "description": "Crumb & Co bakes sourdough, cinnamon buns and seeded rye in the middle of York.",
        "headline": "Bread worth getting up early for",
        "intro": "Crumb & Co bakes through the night so the shelves are full when you open the door at six.",
        "sections_wanted": ["faq"],
        "sections_removed": [],
        "colours": {"background": None, "primary": "#aa3300", "text": None, "accent": None},
    }
    plan.update(changes)
    return json.dumps(plan)


class Recorder(SilentReporter):
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.streamed: list[str] = []

    def agent(self, agent, message, progress):
        self.messages.append(message)

    def plan_text(self, text, progress):
        self.streamed.append(text)


@pytest.fixture
def server():
    with FakeOpenAI() as fake:
        yield fake


def planner(server, **options) -> OpenAIPlanner:
    options.setdefault("retry", RetryPolicy(sleep=lambda seconds: None))
    return OpenAIPlanner(base_url=server.base_url, api_key="sk-test", model="fake-model", **options)


def test_a_model_plan_is_streamed_validated_and_built(server):
    server.script(Reply(model_plan(), chunk_size=7, delay=0.01))
    reporter = Recorder()
    out = build_site(PROMPT, reporter=reporter, catalog=CATALOG, planner=planner(server))
    plan = out.plan
    assert (plan.name, plan.template, plan.tone) == ("Crumb & Co", "cafe-bistro", "warm")
    assert plan.variant == "dark", "what the prompt says outright wins over the model"
    assert plan.palette.primary == "#008080"
    assert {"booking-form", "faq-accordion"} <= {s.component for s in plan.sections}
    assert "Bread worth getting up early for" in out.files["index.html"]
    assert "".join(reporter.streamed) == model_plan() and len(reporter.streamed) > 1
    assert out.qa_report["score"] == 100

    request = server.requests[0]
    assert request["stream"] is True and server.auth_headers[0] == "Bearer sk-test"
    schema = request["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["template"]["enum"] == sorted(CATALOG.templates)
    assert request["messages"][-1]["content"] == PROMPT


def test_bad_json_and_invalid_plans_are_retried_with_the_reason(server):
    server.script(BadJSON(), Reply(model_plan(template="no-such-template")), Reply(model_plan()))
    reporter = Recorder()
    plan = planner(server).plan(PROMPT, CATALOG, seed=0, reporter=reporter)
    assert plan.name == "Crumb & Co" and len(server.requests) == 3
    assert "not valid" in server.requests[1]["messages"][-1]["content"]
    assert "no-such-template" in server.requests[2]["messages"][-1]["content"]
    assert sum("asking again" in m for m in reporter.messages) == 2


def test_a_model_that_keeps_writing_invalid_plans_ends_the_build_with_a_clear_reason(server):
    server.script(BadJSON(), BadJSON())
    with pytest.raises(EngineError, match="after 2 attempts: the plan was not valid: not JSON"):
        build_site(PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server, attempts=2))
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [(Status(500), "answered 500 twice"), (Hang(5), "did not answer in time twice")],
)
def test_a_server_that_stays_down_ends_the_build_at_once_with_a_clear_reason(server, behaviour, reason):
    """The chat model retries its server itself; the planner does not ask again on top."""
    server.script(behaviour, behaviour, Reply(model_plan()))
    retry = RetryPolicy(retries=1, sleep=lambda seconds: None)
    said = f"^The model gave no plan: the model's server at 127.0.0.1:\\d+ {reason}\\.$"
    with pytest.raises(ModelUnavailable, match=said):
        build_site(
            PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server, attempts=3, timeout=0.5, retry=retry)
        )
    assert len(server.requests) == 2


def test_a_template_unrelated_to_the_prompt_gives_way_to_one_that_matches(server):
    server.script(Reply(model_plan(template="law-firm")), Reply(model_plan(template="saas-product")))
    assert planner(server).plan(PROMPT, CATALOG, seed=0, reporter=Recorder()).template == "cafe-bistro"
    prompt = "A landing page for Ledgerly, invoicing software for freelancers"
    assert planner(server).plan(prompt, CATALOG, seed=0, reporter=Recorder()).template == "saas-product"


def test_a_server_without_json_schema_gets_the_schema_as_json_object(server):
    server.script(Status(400, "response_format.type: Input should be 'text' or 'json_object'"), Reply(model_plan()))
    plan = planner(server, attempts=1).plan(PROMPT, CATALOG, seed=0, reporter=Recorder())
    assert plan.name == "Crumb & Co"
    assert server.requests[0]["response_format"]["type"] == "json_schema"
    assert server.requests[1]["response_format"] == {"type": "json_object", "schema": plan_schema(CATALOG)}


def test_the_schema_limits_the_model_to_the_catalog():
    schema = plan_schema(CATALOG)
    assert set(schema["required"]) >= {"name", "template", "headline", "colours", "sections_wanted"}
    assert "pricing" in schema["properties"]["sections_wanted"]["items"]["enum"]
    assert schema["additionalProperties"] is False
