"""The fake OpenAI server, exercised through the official `openai` SDK."""

from __future__ import annotations

import json
import math
import socket
import time
import urllib.error
import urllib.request

import httpx
import openai
import pytest
from openai import OpenAI

from tests.fakes.openai_server import BadJSON, Die, FakeOpenAI, Hang, Reply, Status

MESSAGES = [{"role": "user", "content": "build me a bakery site"}]


@pytest.fixture
def server():
    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture
def client(server):
    with OpenAI(base_url=server.base_url, api_key="sk-test", max_retries=0, timeout=5) as sdk:
        yield sdk


def ask(client: OpenAI, content: str = "hi", **kwargs):
    return client.chat.completions.create(model="fake-model", messages=[{"role": "user", "content": content}], **kwargs)


def test_base_url_and_models(server, client):
    assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/v1")
    assert [m.id for m in client.models.list()] == ["fake-model"]


def test_unknown_path_is_an_openai_shaped_404(server):
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(server.base_url + "/nope", timeout=5)
    assert caught.value.code == 404
    error = json.loads(caught.value.read())["error"]
    assert {"message", "type", "code"} <= error.keys() and "/v1/nope" in error["message"]


def test_non_streaming_reply(server, client):
    server.script(Reply('{"name": "Crumb & Co"}'))
    completion = client.chat.completions.create(model="gpt-test", messages=MESSAGES)
    assert completion.object == "chat.completion"
    assert completion.model == "gpt-test"
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].message.content == '{"name": "Crumb & Co"}'
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage.completion_tokens == 4 and completion.usage.prompt_tokens == 5
    assert server.auth_headers == ["Bearer sk-test"]


def test_streaming_reassembles_exact_content_in_many_chunks(server, client):
    content = "".join(f"<section id='s{i}'>Ünïcode ✓ {i}</section>\n" for i in range(10))
    server.script(Reply(content, chunk_size=7))
    chunks = list(ask(client, stream=True))
    assert chunks[0].choices[0].delta.role == "assistant"
    pieces = [c.choices[0].delta.content for c in chunks if c.choices[0].delta.content]
    assert "".join(pieces) == content
    assert len(pieces) == math.ceil(len(content) / 7)
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert all(c.object == "chat.completion.chunk" for c in chunks)


def test_stream_wire_format(server):
    server.script(Reply("abc", chunk_size=2))
    body = {"model": "fake-model", "messages": MESSAGES, "stream": True}
    response = httpx.post(server.base_url + "/chat/completions", json=body, timeout=5)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = response.text.split("\n\n")
    assert events[-2:] == ["data: [DONE]", ""]
    deltas = [json.loads(e.removeprefix("data: "))["choices"][0]["delta"] for e in events[:-2]]
    assert deltas == [{"role": "assistant", "content": ""}, {"content": "ab"}, {"content": "c"}, {}]


def test_stream_usage_when_asked(server, client):
    server.script(Reply("two words"))
    chunks = list(ask(client, stream=True, stream_options={"include_usage": True}))
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == 2


def test_stream_delay_spaces_out_chunks(server, client):
    server.script(Reply("abcdef", chunk_size=2, delay=0.1))
    started = time.monotonic()
    assert "".join(c.choices[0].delta.content or "" for c in ask(client, stream=True)) == "abcdef"
    assert time.monotonic() - started >= 0.25


def test_response_format_is_recorded(server, client):
    schema = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
    response_format = {"type": "json_schema", "json_schema": {"name": "site", "schema": schema, "strict": True}}
    ask(client, "plan", response_format=response_format)
    assert len(server.requests) == 1
    assert server.requests[0]["response_format"] == response_format
    assert server.requests[0]["messages"] == [{"role": "user", "content": "plan"}]


@pytest.mark.parametrize(
    ("code", "error"),
    [(500, openai.InternalServerError), (429, openai.RateLimitError), (400, openai.BadRequestError)],
)
def test_status_raises_the_matching_sdk_error(server, client, code, error):
    server.script(Status(code, "upstream exploded"))
    with pytest.raises(error) as caught:
        ask(client)
    assert caught.value.status_code == code
    assert caught.value.body["message"] == "upstream exploded"


def test_status_500_on_a_streaming_request(server, client):
    server.script(Status(500))
    with pytest.raises(openai.InternalServerError):
        list(ask(client, stream=True))


def test_hang_times_out_quickly(server):
    server.script(Hang(30))
    sdk = OpenAI(base_url=server.base_url, api_key="x", max_retries=0, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        ask(sdk)
    assert time.monotonic() - started < 3
    assert len(server.requests) == 1


def test_exit_releases_a_hung_request():
    with FakeOpenAI() as server:
        server.script(Hang(30))
        port = int(server.base_url.rsplit(":", 1)[1].split("/")[0])
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        body = b'{"model": "m", "messages": []}'
        sock.sendall(
            b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
        )
        deadline = time.monotonic() + 5
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.requests, "the hung request never reached the server"
    started = time.monotonic()
    with sock:
        assert sock.recv(1024) == b""  # closed without a response, not after 30 s
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("stream", [False, True])
def test_bad_json_content(server, client, stream):
    server.script(BadJSON())
    if stream:
        text = "".join(c.choices[0].delta.content or "" for c in ask(client, stream=True))
    else:
        text = ask(client).choices[0].message.content
    assert text == '{"name": "Broken", '
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)


def test_die_mid_stream_raises(server, client):
    server.script(Die())
    received = []
    with pytest.raises((openai.APIError, httpx.HTTPError)):
        for chunk in ask(client, stream=True):
            received.append(chunk.choices[0].delta.content or "")
    assert "".join(received) == Die().content  # some content arrived before the drop


def test_die_without_streaming_drops_the_connection(server, client):
    server.script(Die())
    with pytest.raises(openai.APIConnectionError):
        ask(client)


def test_script_order_then_default(server, client):
    assert ask(client).choices[0].message.content == "{}"  # built-in default
    server.default = lambda body: "default: " + body["messages"][-1]["content"]
    server.script(Reply("first"), Status(500), Reply("third"))
    assert ask(client, "1").choices[0].message.content == "first"
    with pytest.raises(openai.InternalServerError):
        ask(client, "2")
    assert ask(client, "3").choices[0].message.content == "third"
    assert ask(client, "4").choices[0].message.content == "default: 4"
    assert [r["messages"][0]["content"] for r in server.requests] == ["hi", "1", "2", "3", "4"]


def test_a_broken_default_surfaces_as_a_500(server, client):
    server.default = lambda body: body["missing"]
    with pytest.raises(openai.InternalServerError, match="KeyError"):
        ask(client)
