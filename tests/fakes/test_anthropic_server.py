"""The fake Messages API server, exercised through the official `anthropic` SDK."""

from __future__ import annotations

import json

import anthropic
import httpx
import httpx2
import pytest

from tests.fakes.anthropic_server import Die, FakeAnthropic, Reply, Status, StreamError

TOOL = {"name": "Plan", "input_schema": {"type": "object", "properties": {"name": {"type": "string"}}}}


@pytest.fixture
def server():
    with FakeAnthropic() as fake:
        yield fake


@pytest.fixture
def client(server):
    with anthropic.Anthropic(base_url=server.base_url, api_key="sk-ant-test", max_retries=0, timeout=5) as sdk:
        yield sdk


def ask(client, **kwargs):
    return client.messages.create(
        model="claude-fake",
        max_tokens=100,
        system="You plan.",
        messages=[{"role": "user", "content": "a bakery site"}],
        **kwargs,
    )


def test_a_forced_tool_call_streams_its_input_as_json_deltas(server, client):
    server.script(Reply('{"name": "Crumb & Co"}', chunk_size=5))
    events = list(ask(client, tools=[TOOL], tool_choice={"type": "tool", "name": "Plan"}, stream=True))
    kinds = [e.type for e in events]
    assert kinds[:2] == ["message_start", "content_block_start"] and kinds[-3:] == [
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]
    assert events[1].content_block.type == "tool_use" and events[1].content_block.name == "Plan"
    deltas = [e.delta.partial_json for e in events if e.type == "content_block_delta"]
    assert "".join(deltas) == '{"name": "Crumb & Co"}' and len(deltas) == 5
    assert events[0].message.usage.input_tokens == 5  # "You plan." + "a bakery site", in words
    assert events[-2].delta.stop_reason == "tool_use" and events[-2].usage.output_tokens == 4
    request = server.requests[0]
    assert request["system"] == "You plan." and request["tools"] == [TOOL] and request["stream"] is True
    assert server.api_keys == ["sk-ant-test"] and server.headers[0]["anthropic-version"]


def test_without_a_tool_the_reply_is_text(server, client):
    server.script(Reply("hello there"))
    message = ask(client)
    assert message.content[0].type == "text" and message.content[0].text == "hello there"
    assert message.stop_reason == "end_turn"


def test_a_status_carries_its_error_type_and_retry_after(server, client):
    server.script(Status(429, "slow down", retry_after="7"), Status(529, "Overloaded"))
    with pytest.raises(anthropic.RateLimitError) as caught:
        ask(client)
    assert caught.value.response.headers["retry-after"] == "7" and caught.value.type == "rate_limit_error"
    with pytest.raises(anthropic.APIStatusError) as caught:
        ask(client)
    assert caught.value.status_code == 529 and caught.value.type == "overloaded_error"


def test_die_cuts_the_stream_after_some_input(server, client):
    server.script(Die('{"name": "Half', chunk_size=4))
    received = []
    with pytest.raises((anthropic.APIError, httpx2.HTTPError, httpx.HTTPError)):
        for event in ask(client, tools=[TOOL], tool_choice={"type": "tool", "name": "Plan"}, stream=True):
            if event.type == "content_block_delta":
                received.append(event.delta.partial_json)
    assert "".join(received) == '{"name": "Half'


def test_a_stream_error_event_raises_in_the_sdk(server, client):
    server.script(StreamError("overloaded_error"))
    with pytest.raises(anthropic.APIStatusError, match="overloaded_error"):
        list(ask(client, stream=True))


def test_the_default_answers_when_the_script_is_empty(server, client):
    server.default = lambda body: json.dumps({"name": body["messages"][-1]["content"]})
    message = ask(client, tools=[TOOL], tool_choice={"type": "tool", "name": "Plan"})
    assert message.content[0].type == "tool_use" and message.content[0].input == {"name": "a bakery site"}
