"""The anthropic provider (LLM_PROVIDER=anthropic) against a fake Messages API on loopback:
the plan is a forced tool call, streamed; a busy, overloaded or cut-off server is retried
with its waits recorded, not slept; a garbled reply is asked again with what was wrong."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.core.config import Settings
from autowebiq_app.engine.anthropic_chat import AnthropicChat
from autowebiq_app.engine.llm import ModelUnavailable
from autowebiq_app.engine.pipeline import build_site
from autowebiq_app.engine.providers import ModelPlanner, planner_for
from tests.engine.test_model_app_spec import PROMPT as APP_PROMPT
from tests.engine.test_model_app_spec import model_spec
from tests.engine.test_model_retries import Waits
from tests.engine.test_providers import PROMPT, Recorder, model_plan
from tests.fakes.anthropic_server import BadJSON, Die, FakeAnthropic, Reply, Status, StreamError

CATALOG = bundled_catalog()


@pytest.fixture
def server():
    with FakeAnthropic() as fake:
        yield fake


@pytest.fixture
def waits():
    return Waits()


def settings(server, **changes) -> Settings:
    values = {
        "llm_provider": "anthropic",
        "llm_base_url": server.base_url,
        "llm_api_key": "sk-ant-test",
        "llm_models": [],
        "llm_model": None,
        "llm_spec_max_tokens": 0,
        "llm_timeout_seconds": 5,
    }
    return Settings(**(values | changes))


def planner(server, waits, **changes) -> ModelPlanner:
    """`planner_for` on the fake, its waits written down instead of slept."""
    built = planner_for(settings(server, **changes))
    built.chat.retry = replace(built.chat.retry, sleep=waits, jitter=lambda: 1.0)
    return built


def test_the_default_model_is_claude():
    assert Settings(llm_provider="anthropic", llm_model=None, llm_models=[]).models() == ["claude-sonnet-4-5"]


def test_a_plan_is_a_forced_tool_call_streamed_and_built(server, waits):
    server.script(Reply(model_plan(), chunk_size=9, delay=0.01))
    reporter = Recorder()
    plan_maker = planner(server, waits)
    assert isinstance(plan_maker.chat, AnthropicChat)
    out = build_site(PROMPT, reporter=reporter, catalog=CATALOG, planner=plan_maker)

    assert (out.plan.name, out.plan.template) == ("Crumb & Co", "cafe-bistro")
    assert "Bread worth getting up early for" in out.files["index.html"]
    assert "".join(reporter.streamed) == model_plan() and len(reporter.streamed) > 1
    request = server.requests[0]
    assert request["model"] == "claude-sonnet-4-5" and request["stream"] is True
    assert request["system"].startswith("You plan websites.")
    assert request["messages"] == [{"role": "user", "content": PROMPT}]
    assert request["tool_choice"] == {"type": "tool", "name": "SitePlan"}
    assert request["tools"][0]["input_schema"]["properties"]["template"]["enum"] == sorted(CATALOG.templates)
    assert request["max_tokens"] == 900 and server.api_keys == ["sk-ant-test"]
    prompt_words = len(request["system"].split()) + len(PROMPT.split())
    assert plan_maker.usage == {
        "prompt_tokens": prompt_words,
        "completion_tokens": len(model_plan().split()),
        "total_tokens": prompt_words + len(model_plan().split()),
        "requests": 1,
        "model": "claude-sonnet-4-5",
    }


def test_a_rate_limited_request_waits_for_retry_after(server, waits):
    server.script(Status(429, "rate limited", retry_after="2"), Reply(model_plan()))
    reporter = Recorder()
    assert planner(server, waits).plan(PROMPT, CATALOG, seed=0, reporter=reporter).name == "Crumb & Co"
    assert waits == [2.0] and len(server.requests) == 2
    assert "The model's server is busy (429); retrying in 2 s (1 of 3)…" in reporter.messages


def test_an_overloaded_server_is_given_up_on_with_a_clear_reason(server, waits):
    server.script(*[Status(529, "Overloaded")] * 3)
    with pytest.raises(ModelUnavailable) as caught:
        planner(server, waits, llm_retries=2).plan(PROMPT, CATALOG, seed=0, reporter=Recorder())
    host = server.base_url.removeprefix("http://")
    assert str(caught.value) == f"The model gave no plan: the model's server at {host} answered 529 three times."
    assert waits == [1.0, 2.0] and len(server.requests) == 3


@pytest.mark.parametrize(
    "cut", [Die(chunk_size=3), Die(clean=True), StreamError("overloaded_error")], ids=["dropped", "unfinished", "error"]
)
def test_a_stream_cut_short_is_asked_again(server, waits, cut):
    server.script(cut, Reply(model_plan()))
    reporter = Recorder()
    built = planner(server, waits)
    assert built.plan(PROMPT, CATALOG, seed=0, reporter=reporter).name == "Crumb & Co"
    assert len(server.requests) == 2 and len(waits) == 1
    assert any("cut its reply short" in m for m in reporter.messages)
    assert built.chat.usage.requests == 1


def test_a_refused_key_is_not_asked_again(server, waits):
    server.script(Status(401, "invalid x-api-key"))
    with pytest.raises(ModelUnavailable, match=r"answered 401 \(check LLM_API_KEY\)"):
        planner(server, waits).plan(PROMPT, CATALOG, seed=0, reporter=Recorder())
    assert len(server.requests) == 1 and waits == []


def test_a_garbled_reply_is_asked_again_with_what_was_wrong(server, waits):
    server.script(BadJSON(), Reply(model_plan(template="no-such-template")), Reply(model_plan()))
    built = planner(server, waits)
    assert built.plan(PROMPT, CATALOG, seed=0, reporter=Recorder()).name == "Crumb & Co"
    second, third = server.requests[1]["messages"], server.requests[2]["messages"]
    assert [m["role"] for m in second] == ["user", "assistant", "user"]
    assert second[1]["content"] == BadJSON().text and "not JSON" in second[2]["content"]
    assert "no-such-template" in third[2]["content"]
    assert waits == [] and built.chat.usage.requests == 3


def test_a_whole_app_spec_is_asked_for_under_its_own_tool(server, waits):
    """A request read as an app is asked for as an `AppSpec` (tests/engine/test_model_app_spec.py)."""
    server.script(Reply(json.dumps(model_spec()), chunk_size=400))
    built = planner(server, waits, llm_spec_max_tokens=8000)
    plan = built.plan(APP_PROMPT, CATALOG, seed=0, reporter=Recorder())
    assert plan.app is not None and plan.app.entity("client").field("roof_type").options == ["Slate", "Tile"]
    request = server.requests[0]
    assert request["tool_choice"] == {"type": "tool", "name": "AppSpec"} and request["max_tokens"] == 8000
