"""A fake OpenAI-compatible chat-completions server that can misbehave on demand.

    with FakeOpenAI() as server:
        server.script(Reply('{"name": "Acme"}'), Status(500), Hang(5))
        client = OpenAI(base_url=server.base_url, api_key="x", max_retries=0)
        ...
        assert server.requests[0]["model"] == "fake-model"

Each chat-completions request consumes the next scripted behaviour; when the script
is empty, ``server.default(request_body)`` supplies the reply content. Remember that
the SDK retries 5xx, time-outs and dropped connections by default: use
``max_retries=0`` or script one behaviour per attempt.

Every response carries ``Connection: close``. Streams use chunked transfer encoding,
so a stream cut short by ``Die`` is a protocol error for the client rather than an
ordinary end of body. Stdlib only.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

__all__ = ["BadJSON", "Behaviour", "Die", "FakeOpenAI", "Hang", "Reply", "Status"]


@dataclass(frozen=True)
class Reply:
    """Answer with ``content``. Streams send ``chunk_size`` characters per chunk and wait
    ``delay`` seconds before each content chunk; non-streamed replies wait ``delay`` once."""

    content: str
    chunk_size: int = 16
    delay: float = 0.0


@dataclass(frozen=True)
class BadJSON:
    """Answer normally (streamed or not), but with content that is not valid JSON."""

    text: str = '{"name": "Broken", '


@dataclass(frozen=True)
class Hang:
    """Accept the request and send nothing for ``seconds`` (or until the server stops),
    then close the connection without a response."""

    seconds: float = 30


@dataclass(frozen=True)
class Status:
    """Respond with HTTP ``code`` and an OpenAI-shaped JSON error body, with a ``Retry-After``
    header when ``retry_after`` is given (seconds or an HTTP-date)."""

    code: int = 500
    message: str = "upstream exploded"
    retry_after: str | None = None


@dataclass(frozen=True)
class Die:
    """Stream ``content`` in small chunks, then drop the connection before the stream ends
    (``clean``: end the stream properly, but without a finish reason, as a proxy that gave up
    might). A non-streaming request gets its connection closed without any response."""

    content: str = '{"name": "Half a'
    chunk_size: int = 4
    clean: bool = False


Behaviour = Reply | BadJSON | Hang | Status | Die


def _error_body(message: str, code: int) -> dict[str, Any]:
    kind = "server_error" if code >= 500 else "invalid_request_error"
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: no request logging to stderr."""

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/v1/models":
            model = {"id": self.server.fake.model, "object": "model", "created": 0, "owned_by": "fake"}
            self._send_json(200, {"object": "list", "data": [model]})
        else:
            self._not_found()

    def do_POST(self) -> None:
        if self.path.split("?")[0] != "/v1/chat/completions":
            self._not_found()
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = json.loads(self.rfile.read(length))
        except ValueError:
            body = None
        if not isinstance(body, dict):
            self._send_json(400, _error_body("request body must be a JSON object", 400))
            return
        try:
            self.server.fake._serve(self, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away; nothing left to tell it

    def _not_found(self) -> None:
        self._send_json(404, _error_body(f"Invalid URL ({self.command} {self.path})", 404))

    def _send_json(self, code: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)

    def _start_stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()

    def _send_event(self, data: str) -> None:
        """Write one Server-Sent Event as one HTTP chunk, and flush it."""
        raw = f"data: {data}\n\n".encode()
        self.wfile.write(b"%X\r\n%s\r\n" % (len(raw), raw))
        self.wfile.flush()

    def _end_stream(self) -> None:
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeOpenAI


class FakeOpenAI:
    """An OpenAI-compatible server on 127.0.0.1 (a free port), run in a daemon thread.

    Attributes: ``base_url`` (``http://127.0.0.1:PORT/v1``), ``model``, ``default``
    (``(request_body) -> str``, used when the script is empty), ``requests`` (the JSON body
    of every chat-completions request, in arrival order) and ``auth_headers`` (their
    ``Authorization`` headers, ``None`` when absent).
    """

    def __init__(self, model: str = "fake-model", default: Callable[[dict], str] | None = None) -> None:
        self.model = model
        self.default: Callable[[dict], str] = default or (lambda body: "{}")
        self.requests: list[dict[str, Any]] = []
        self.auth_headers: list[str | None] = []
        self._script: deque[Behaviour] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._ids = itertools.count(1)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> FakeOpenAI:
        self._stopping.clear()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
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
            raise RuntimeError("FakeOpenAI is not running; use it as a context manager")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def script(self, *behaviours: Behaviour) -> None:
        """Queue behaviours; each chat-completions request consumes the next one."""
        with self._lock:
            self._script.extend(behaviours)

    def _next(self, body: dict[str, Any]) -> Behaviour:
        with self._lock:
            if self._script:
                return self._script.popleft()
        try:
            return Reply(self.default(body))
        except Exception as exc:  # surface a broken default to the test as a 500
            return Status(500, f"FakeOpenAI.default raised {exc!r}")

    def _serve(self, handler: _Handler, body: dict[str, Any]) -> None:
        with self._lock:
            self.requests.append(body)
            self.auth_headers.append(handler.headers.get("Authorization"))
        behaviour = self._next(body)
        streaming = bool(body.get("stream"))
        if isinstance(behaviour, BadJSON):
            behaviour = Reply(behaviour.text)
        if isinstance(behaviour, Status):
            extra = {"Retry-After": behaviour.retry_after} if behaviour.retry_after is not None else {}
            handler._send_json(behaviour.code, _error_body(behaviour.message, behaviour.code), extra)
        elif isinstance(behaviour, Hang):
            self._stopping.wait(behaviour.seconds)
            handler.close_connection = True
        elif isinstance(behaviour, Die) and not streaming:
            handler.close_connection = True
        elif isinstance(behaviour, Die):
            self._stream(
                handler, body, Reply(behaviour.content, behaviour.chunk_size), finish=False, clean=behaviour.clean
            )
        elif streaming:
            self._stream(handler, body, behaviour, finish=True)
        else:
            self._stopping.wait(behaviour.delay)
            handler._send_json(200, self._completion(body, behaviour.content))

    def _completion(self, body: dict[str, Any], content: str) -> dict[str, Any]:
        message = {"role": "assistant", "content": content, "refusal": None}
        return {
            **self._envelope(body, "chat.completion"),
            "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
            "usage": self._usage(body, content),
        }

    def _stream(
        self, handler: _Handler, body: dict[str, Any], reply: Reply, *, finish: bool, clean: bool = False
    ) -> None:
        envelope = self._envelope(body, "chat.completion.chunk")

        def chunk(delta: dict[str, Any], finish_reason: str | None = None) -> str:
            choice = {"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}
            return json.dumps({**envelope, "choices": [choice]})

        handler._start_stream()
        handler._send_event(chunk({"role": "assistant", "content": ""}))
        size = max(1, reply.chunk_size)
        for start in range(0, len(reply.content), size):
            if self._stopping.wait(reply.delay):
                finish = False
                break
            handler._send_event(chunk({"content": reply.content[start : start + size]}))
        if not finish and clean:
            handler._send_event("[DONE]")
            handler._end_stream()
            return
        if not finish:  # drop the connection without the terminating chunk
            handler.close_connection = True
            return
        handler._send_event(chunk({}, "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            handler._send_event(json.dumps({**envelope, "choices": [], "usage": self._usage(body, reply.content)}))
        handler._send_event("[DONE]")
        handler._end_stream()

    def _envelope(self, body: dict[str, Any], kind: str) -> dict[str, Any]:
        model = body.get("model") or self.model
        return {"id": f"chatcmpl-fake-{next(self._ids)}", "object": kind, "created": int(time.time()), "model": model}

    @staticmethod
    def _usage(body: dict[str, Any], content: str) -> dict[str, int]:
        """Whitespace-separated words stand in for tokens: cheap and deterministic."""
        prompt = sum(len(str(m.get("content") or "").split()) for m in body.get("messages") or [])
        completion = len(content.split())
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
