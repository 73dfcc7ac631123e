"""A model server that is busy, failing or cuts its reply short is asked again after a
growing wait (the chat model's `RetryPolicy`), and given up on with a clear reason; one that
refuses the request outright is not asked again. The waits are recorded, never slept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.llm import (
    ModelUnavailable,
    OpenAIChat,
    Retrying,
    RetryPolicy,
    Transient,
    retry_after_seconds,
)
from autowebiq_app.engine.providers import ModelPlanner
from tests.engine.test_providers import PROMPT, Recorder, model_plan
from tests.fakes.openai_server import Die, FakeOpenAI, Reply, Status

CATALOG = bundled_catalog()
NOW = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)


class Waits(list):
    """A `sleep` that writes down each wait instead of sleeping."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def server():
    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture
def waits():
    return Waits()


def chat(server, waits, **policy) -> OpenAIChat:
    retry = RetryPolicy(sleep=waits, jitter=lambda: 1.0, **policy)
    return OpenAIChat(base_url=server.base_url, api_key="sk-test", model="fake-model", retry=retry)


def plan_with(chat: OpenAIChat, reporter: Recorder | None = None):
    return ModelPlanner(chat).plan(PROMPT, CATALOG, seed=0, reporter=reporter or Recorder())


def test_a_busy_server_is_asked_again_after_its_retry_after(server, waits):
    server.script(Status(429, "slow down", retry_after="2"), Reply(model_plan()))
    reporter = Recorder()
    assert plan_with(chat(server, waits), reporter).name == "Crumb & Co"
    assert waits == [2.0] and len(server.requests) == 2
    assert "The model's server is busy (429); retrying in 2 s (1 of 3)…" in reporter.messages


def test_a_retry_after_longer_than_the_cap_waits_the_cap(server, waits):
    server.script(Status(429, retry_after="120"), Reply(model_plan()))
    plan_with(chat(server, waits, max_wait=30))
    assert waits == [30]


def test_a_failing_server_is_given_up_on_with_its_host_and_status(server, waits):
    server.script(*[Status(503)] * 5)
    with pytest.raises(ModelUnavailable) as caught:
        plan_with(chat(server, waits))
    host = server.base_url.split("/")[2]
    assert str(caught.value) == f"The model gave no plan: the model's server at {host} answered 503 four times."
    assert len(server.requests) == 4
    assert waits == [1.0, 2.0, 4.0], "waits double from LLM_BACKOFF_SECONDS"


def test_a_cut_stream_is_asked_again(server, waits):
    server.script(Die(), Die(clean=True), Reply(model_plan()))
    reporter = Recorder()
    assert plan_with(chat(server, waits), reporter).name == "Crumb & Co"
    assert len(server.requests) == 3 and len(waits) == 2
    assert sum("cut its reply short" in m for m in reporter.messages) == 2


@pytest.mark.parametrize("code", [400, 401, 404, 422])
def test_a_refused_request_is_not_asked_again(server, waits, code):
    server.script(Status(code, "no such model"), Reply(model_plan()))
    with pytest.raises(ModelUnavailable, match=f"answered {code}"):
        plan_with(chat(server, waits))
    assert len(server.requests) == 1 and waits == []


def test_a_bad_key_says_which_setting_to_check(server, waits):
    server.script(Status(401, "Incorrect API key provided"))
    with pytest.raises(ModelUnavailable, match=r"answered 401 \(check LLM_API_KEY\)"):
        plan_with(chat(server, waits))


def test_usage_counts_the_streams_reported_tokens(server, waits):
    server.script(Status(500), Reply(model_plan()))
    model = chat(server, waits)
    plan_with(model)
    assert server.requests[1]["stream_options"] == {"include_usage": True}
    prompt_words = sum(len(m["content"].split()) for m in server.requests[1]["messages"])
    assert (model.usage.prompt, model.usage.completion) == (prompt_words, len(model_plan().split()))
    assert model.usage.requests == 1, "a failed request is not a reply"


def test_mixed_failures_name_the_last():
    policy = RetryPolicy(retries=2, sleep=Waits())
    outcomes = iter([Status(429), Status(500), "cut"])

    def request() -> str:
        outcome = next(outcomes)
        if outcome == "cut":
            raise Transient("cut its reply short")
        raise Transient.answered(outcome.code, None)

    said = "^the model's server at example:1 failed three times; the last time it cut its reply short$"
    with pytest.raises(ModelUnavailable, match=said):
        policy.run(request, server="example:1", on_retry=None)


def test_backoff_is_jittered_between_half_and_all_of_its_ceiling():
    low, high = RetryPolicy(jitter=lambda: 0.0), RetryPolicy(jitter=lambda: 1.0)
    assert [low.wait(n) for n in (1, 2, 3)] == [0.5, 1.0, 2.0]
    assert [high.wait(n) for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert RetryPolicy(backoff=10, max_wait=30, jitter=lambda: 1.0).wait(4) == 30


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("2", 2.0),
        ("0.5", 0.5),
        ("Mon, 02 Mar 2026 12:00:07 GMT", 7.0),
        ("Mon, 02 Mar 2026 11:59:00 GMT", 0.0),
        ("-3", 0.0),
        (None, None),
        ("soon", None),
        ("nan", None),
    ],
)
def test_retry_after_is_seconds_or_an_http_date(header, seconds):
    assert retry_after_seconds(header, now=NOW) == seconds


def test_a_retry_notice_reads_as_a_sentence():
    notice = Retrying("is busy (429)", 2.0, 1, 3)
    assert str(notice) == "The model's server is busy (429); retrying in 2 s (1 of 3)…"
    assert str(Retrying("answered 503", 0.75, 2, 3)).endswith("retrying in 0.8 s (2 of 3)…")
