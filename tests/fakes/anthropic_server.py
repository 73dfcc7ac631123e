"""A fake of Anthropic's Messages API that can misbehave on demand.

    with FakeAnthropic() as server:
        server.script(Reply('{"name": "Acme"}'), Status(529), Die())
        client = Anthropic(base_url=server.base_url, api_key="x", max_retries=0)
        ...
        assert server.api_keys == ["x"]

It takes the behaviours of `openai_server` (Reply, BadJSON, Hang, Status, Die) plus
`StreamError`, one per `POST /v1/messages`; when the script is empty,
``server.default(request_body)`` supplies the reply. A request that forces a tool
(``tool_choice: {"type": "tool"}``) is answered with that tool's call, its input streamed as
``input_json_delta`` events; any other request with a text block. A stream is
``message_start``, ``content_block_start``, ``content_block_delta`` events,
``content_block_stop``, ``message_delta`` (stop reason and usage) and ``message_stop``.
Stdlib only.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable

from tests.fakes.openai_server import BadJSON, Die, Hang, Reply, Status, _Handler, _Server

__all__ = ["BadJSON", "Die", "FakeAnthropic", "Hang", "Reply", "Status", "StreamError"]

ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    529: "overloaded_error",
}


@dataclass(frozen=True)
class StreamError:
    """Start the stream, then send an ``error`` event of ``kind`` and end it (as the API does
    when it is overloaded mid-reply)."""

    kind: str = "overloaded_error"


def _error_body(code: int, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"type": ERROR_TYPES.get(code, "api_error"), "message": message}}


class _MessagesHandler(_Handler):
    server: _Server

    def do_GET(self) -> None:
        self._send_json(404, _error_body(404, f"Not found: {self.path}"))

    def do_POST(self) -> None:
        if self.path.split("?")[0] != "/v1/messages":
            self._send_json(404, _error_body(404, f"Not found: {self.path}"))
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            body = None
        if not isinstance(body, dict):
            self._send_json(400, _error_body(400, "request body must be a JSON object"))
            return
        try:
            self.server.fake._serve(self, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send_named(self, name: str, payload: dict[str, Any]) -> None:
        """One Server-Sent Event with its name, as one HTTP chunk."""
        raw = f"event: {name}\ndata: {json.dumps(payload)}\n\n".encode()
        self.wfile.write(b"%X\r\n%s\r\n" % (len(raw), raw))
        self.wfile.flush()


class FakeAnthropic:
    """A Messages API server on 127.0.0.1 (a free port), run in a daemon thread.

    Attributes: ``base_url`` (``http://127.0.0.1:PORT``, as the SDK takes it), ``default``
    (``(request_body) -> str``, used when the script is empty), ``requests`` (the JSON body of
    every messages request, in arrival order), ``headers`` (their headers, lower-cased names)
    and ``api_keys``.
    """

    def __init__(self, default: Callable[[dict], str] | None = None) -> None:
        self.default: Callable[[dict], str] = default or (lambda body: "{}")
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._script: deque = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> FakeAnthropic:
        self._stopping.clear()
        self._httpd = _Server(("127.0.0.1", 0), _MessagesHandler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-anthropic", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopping.set()  # wakes handlers stuck in Hang or a stream delay
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = self._thread = None

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("FakeAnthropic is not running; use it as a context manager")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def api_keys(self) -> list[str | None]:
        """The key each request carried (``x-api-key``, or the bearer token newer SDKs send)."""
        keys = []
        for headers in self.headers:
            bearer = headers.get("authorization", "").removeprefix("Bearer ")
            keys.append(headers.get("x-api-key") or bearer or None)
        return keys

    def script(self, *behaviours: Reply | BadJSON | Hang | Status | Die | StreamError) -> None:
        """Queue behaviours; each messages request consumes the next one."""
        with self._lock:
            self._script.extend(behaviours)

    def _next(self, body: dict[str, Any]):
        with self._lock:
            if self._script:
                return self._script.popleft()
        try:
            return Reply(self.default(body))
        except Exception as exc:  # surface a broken default to the test as a 500
            return Status(500, f"FakeAnthropic.default raised {exc!r}")

    def _serve(self, handler: _MessagesHandler, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(body)
            self.headers.append({k.lower(): v for k, v in handler.headers.items()})
        behaviour = self._next(body)
        streaming = bool(body.get("stream"))
        if isinstance(behaviour, BadJSON):
            behaviour = Reply(behaviour.text)
        if isinstance(behaviour, Status):
            extra = {"Retry-After": behaviour.retry_after} if behaviour.retry_after is not None else {}
            handler._send_json(behaviour.code, _error_body(behaviour.code, behaviour.message), extra)
        elif isinstance(behaviour, Hang):
            self._stopping.wait(behaviour.seconds)
            handler.close_connection = True
        elif isinstance(behaviour, Die) and not streaming:
            handler.close_connection = True
        elif isinstance(behaviour, Die):
            ending = "early" if behaviour.clean else None
            self._stream(handler, body, Reply(behaviour.content, behaviour.chunk_size), ending=ending)
        elif isinstance(behaviour, StreamError):
            self._stream(handler, body, Reply(""), ending=behaviour.kind)
        elif streaming:
            self._stream(handler, body, behaviour, ending="finish")
        else:
            self._stopping.wait(behaviour.delay)
            handler._send_json(200, self._message(body, behaviour.content))

    def _message(self, body: dict[str, Any], content: str) -> dict[str, Any]:
        tool = _forced_tool(body)
        if tool:
            try:
                block = {"type": "tool_use", "id": "toolu_fake", "name": tool, "input": json.loads(content)}
            except ValueError:
                tool, block = None, {"type": "text", "text": content}
        else:
            block = {"type": "text", "text": content}
        return {
            **self._envelope(body),
            "content": [block],
            "stop_reason": "tool_use" if tool else "end_turn",
            "usage": {"input_tokens": _prompt_tokens(body), "output_tokens": len(content.split())},
        }

    def _stream(self, handler: _MessagesHandler, body: dict[str, Any], reply: Reply, *, ending: str | None) -> None:
        """Stream `reply`; `ending` is "finish", "early" (a proper end without message_delta and
        message_stop), an error type to end on, or None to drop the connection."""
        tool = _forced_tool(body)
        handler._start_stream()
        start = {**self._envelope(body), "content": [], "stop_reason": None, "stop_sequence": None}
        start["usage"] = {"input_tokens": _prompt_tokens(body), "output_tokens": 1}
        handler._send_named("message_start", {"type": "message_start", "message": start})
        if ending not in (None, "finish", "early"):
            handler._send_named("error", {"type": "error", "error": {"type": ending, "message": "Overloaded"}})
            handler._end_stream()
            return
        if tool:
            block = {"type": "tool_use", "id": f"toolu_fake_{next(self._ids)}", "name": tool, "input": {}}
        else:
            block = {"type": "text", "text": ""}
        handler._send_named("content_block_start", {"type": "content_block_start", "index": 0, "content_block": block})
        size = max(1, reply.chunk_size)
        for at in range(0, len(reply.content), size):
            if self._stopping.wait(reply.delay):
                ending = None
                break
            piece = reply.content[at : at + size]
            if tool:
                delta = {"type": "input_json_delta", "partial_json": piece}
            else:
                delta = {"type": "text_delta", "text": piece}
            handler._send_named("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta})
        if ending is None:  # drop the connection without the terminating chunk
            handler.close_connection = True
            return
        handler._send_named("content_block_stop", {"type": "content_block_stop", "index": 0})
        if ending == "early":
            handler._end_stream()
            return
        delta = {"stop_reason": "tool_use" if tool else "end_turn", "stop_sequence": None}
        usage = {"output_tokens": len(reply.content.split())}
        handler._send_named("message_delta", {"type": "message_delta", "delta": delta, "usage": usage})
        handler._send_named("message_stop", {"type": "message_stop"})
        handler._end_stream()

    def _envelope(self, body: dict[str, Any]) -> dict[str, Any]:
        model = body.get("model") or "claude-fake"
        return {"id": f"msg_fake_{next(self._ids)}", "type": "message", "role": "assistant", "model": model}


def _forced_tool(body: dict[str, Any]) -> str | None:
    choice = body.get("tool_choice") or {}
    return choice.get("name") if choice.get("type") == "tool" else None


def _prompt_tokens(body: dict[str, Any]) -> int:
    """Whitespace-separated words stand in for tokens, as in `openai_server`."""
    system = body.get("system") or ""
    system_text = system if isinstance(system, str) else " ".join(b.get("text", "") for b in system)
    words = len(system_text.split())
    for message in body.get("messages") or []:
        content = message.get("content")
        text = content if isinstance(content, str) else " ".join(b.get("text", "") for b in content or [])
        words += len(text.split())
    return words
