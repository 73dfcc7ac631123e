"""Chat models behind one interface: a reply to messages under a JSON schema, streamed.

`OpenAIChat` speaks to any OpenAI-compatible chat-completions endpoint through the official
SDK (`anthropic_chat.AnthropicChat` to Anthropic's Messages API). A chat model keeps the
tokens its requests used (`usage`), so a build can record what it cost.

A server that is busy, failing, slow or cuts its reply short is asked again after a growing
wait (`RetryPolicy`); once the retries are spent, or when the server refuses the request
outright (a bad key, an unknown model), the failure is `ModelUnavailable`, which fails the
build with its reason and a refund.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol
from urllib.parse import urlsplit

import httpx
import openai

from autowebiq_app.engine.interfaces import EngineError

logger = logging.getLogger(__name__)

STREAM_REPORT_EVERY = 0.5


@dataclass
class Usage:
    """Tokens a chat model's requests used, summed over the requests."""

    prompt: int = 0
    completion: int = 0
    requests: int = 0

    @property
    def total(self) -> int:
        return self.prompt + self.completion

    def add(self, prompt: int, completion: int) -> None:
        self.prompt += prompt
        self.completion += completion
        self.requests += 1

    def as_dict(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt,
            "completion_tokens": self.completion,
            "total_tokens": self.total,
            "requests": self.requests,
        }


class ModelUnavailable(EngineError):
    """The model's server could not give an answer (down, overloaded, cut off, too slow)."""


class ChatModel(Protocol):
    """A model that answers chat messages with JSON text under a schema."""

    model: str
    usage: Usage

    def complete(
        self,
        messages: list[dict],
        *,
        schema: dict,
        schema_name: str,
        max_tokens: int,
        seed: int,
        on_text: Callable[[str], None],
        on_retry: Callable[[Retrying], None] | None = None,
    ) -> str:
        """The reply's text; `on_text` is called with more of it as it streams in (at most
        every `STREAM_REPORT_EVERY` seconds, and once at the end), `on_retry` before each
        wait to ask a failing server again."""
        ...


class TextBatcher:
    """Passes streamed text on in batches: what arrived since the last call, at most every
    `STREAM_REPORT_EVERY` seconds, then the rest at `flush`."""

    def __init__(self, on_text: Callable[[str], None]) -> None:
        self.on_text = on_text
        self.parts: list[str] = []
        self._reported = 0
        self._last = time.monotonic()

    def add(self, text: str) -> None:
        self.parts.append(text)
        now = time.monotonic()
        if now - self._last >= STREAM_REPORT_EVERY:
            self._report()
            self._last = now

    def flush(self) -> str:
        self._report()
        return "".join(self.parts)

    def _report(self) -> None:
        text = "".join(self.parts)
        if len(text) > self._reported:
            self.on_text(text[self._reported :])
            self._reported = len(text)


TIMES = ("once", "twice", "three times", "four times", "five times", "six times")


def transient(status: int) -> bool:
    """Whether a server that answered `status` may answer the same request another time:
    time-outs, conflicts, rate limits and server errors (Anthropic's 529: overloaded)."""
    return status in (408, 409, 429) or status >= 500


def refused(server: str, status: int) -> str:
    """Why a request the server will never accept failed (a bad key, an unknown model)."""
    hint = " (check LLM_API_KEY)" if status in (401, 403) else ""
    return f"the model's server at {server} answered {status}{hint}"


def server_name(base_url: object) -> str:
    """The host (and port) a client talks to, as failures name it."""
    parts = urlsplit(str(base_url))
    return parts.netloc or str(base_url)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A `Retry-After` header's wait in seconds (a number or an HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, seconds) if math.isfinite(seconds) else None


class Transient(Exception):
    """One request's failure that the next request may not meet (raised inside a chat model,
    retried by `RetryPolicy.run`)."""

    def __init__(self, problem: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.status = status
        self.retry_after = retry_after

    @classmethod
    def answered(cls, status: int, retry_after: str | None) -> Transient:
        problem = {429: "is busy (429)", 529: "is overloaded (529)"}.get(status, f"answered {status}")
        return cls(problem, status=status, retry_after=retry_after_seconds(retry_after))

    @property
    def outcome(self) -> str:
        return f"answered {self.status}" if self.status else self.problem


@dataclass(frozen=True)
class Retrying:
    """What `on_retry` is told: the failure, the wait before the next request, and which retry it is."""

    problem: str
    wait: float
    retry: int
    retries: int

    def __str__(self) -> str:
        seconds = f"{self.wait:.1f}".removesuffix(".0")
        return f"The model's server {self.problem}; retrying in {seconds} s ({self.retry} of {self.retries})…"


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait before asking a failing server again: `retries` more
    requests after the first, waits doubling from `backoff` seconds with jitter (a server's
    `Retry-After` instead when it gives one), never longer than `max_wait`."""

    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 30.0
    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[], float] = random.random

    def wait(self, retry: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number `retry` (1 for the first)."""
        if retry_after is not None:
            return min(retry_after, self.max_wait)
        ceiling = min(self.backoff * 2 ** (retry - 1), self.max_wait)
        # Half the ceiling plus a random half: clients that failed together do not return together.
        return ceiling * (1 + self.jitter()) / 2

    def run(self, request: Callable[[], str], *, server: str, on_retry: Callable[[Retrying], None] | None) -> str:
        """`request()`, asked again after each `Transient` failure; `ModelUnavailable` naming
        `server` and what it did once the retries are spent."""
        failures: list[Transient] = []
        for retry in range(1, self.retries + 2):
            try:
                return request()
            except Transient as exc:
                failures.append(exc)
                if retry > self.retries:
                    break
                notice = Retrying(exc.problem, self.wait(retry, exc.retry_after), retry, self.retries)
                logger.info("model server %s: %s", server, notice)
                if on_retry is not None:
                    on_retry(notice)
                self.sleep(notice.wait)
        raise ModelUnavailable(gave_up(server, failures)) from failures[-1]


def gave_up(server: str, failures: list[Transient]) -> str:
    """Why a server that failed every request was given up on: what it did and how often."""
    count = len(failures)
    times = TIMES[count - 1] if count <= len(TIMES) else f"{count} times"
    last = failures[-1]
    if all(f.outcome == last.outcome for f in failures):
        return f"the model's server at {server} {last.outcome} {times}"
    return f"the model's server at {server} failed {times}; the last time it {last.outcome}"


class OpenAIChat:
    """Any OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, Ollama, vLLM,
    LM Studio, llama.cpp) through the official SDK."""

    def __init__(
        self,
        *,
        base_url: str | None,
        api_key: str | None,
        model: str,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        # The SDK's own retries are off: `retry` decides, and tells the build what it waits for.
        self.client = openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0)
        self.server = server_name(self.client.base_url)
        self.model = model
        self.usage = Usage()
        self.retry = retry or RetryPolicy()
        self.response_format = "json_schema"

    def complete(
        self,
        messages: list[dict],
        *,
        schema: dict,
        schema_name: str,
        max_tokens: int,
        seed: int,
        on_text: Callable[[str], None],
        on_retry: Callable[[Retrying], None] | None = None,
    ) -> str:
        return self.retry.run(
            lambda: self._request(messages, schema, schema_name, max_tokens, seed, on_text),
            server=self.server,
            on_retry=on_retry,
        )

    def _request(
        self,
        messages: list[dict],
        schema: dict,
        schema_name: str,
        max_tokens: int,
        seed: int,
        on_text: Callable[[str], None],
    ) -> str:
        """One request's reply, or its failure as `Transient` (worth asking again) or `ModelUnavailable`."""
        while True:
            try:
                return self._stream(messages, schema, schema_name, max_tokens, seed, on_text)
            except openai.APIStatusError as exc:
                if self.response_format == "json_schema" and "response_format" in str(exc):
                    # Servers without OpenAI's json_schema type (llama-cpp-python) take the
                    # schema with json_object; switching is not the model's failure.
                    self.response_format = "json_object"
                    continue
                if transient(exc.status_code):
                    raise Transient.answered(exc.status_code, exc.response.headers.get("retry-after")) from exc
                raise ModelUnavailable(refused(self.server, exc.status_code)) from exc
            except (openai.APITimeoutError, httpx.TimeoutException) as exc:
                raise Transient("did not answer in time") from exc
            except openai.APIConnectionError as exc:
                raise Transient("could not be reached") from exc
            except (openai.APIError, httpx.TransportError) as exc:
                # The SDK passes on the transport's error when a chunked stream is dropped mid-way.
                raise Transient("cut its reply short") from exc

    def _stream(
        self,
        messages: list[dict],
        schema: dict,
        schema_name: str,
        max_tokens: int,
        seed: int,
        on_text: Callable[[str], None],
    ) -> str:
        stream = self.client.chat.completions.create(
            model=self.model,
            messages=messages,
            stream=True,
            stream_options={"include_usage": True},
            temperature=0.2,
            seed=seed,
            max_tokens=max_tokens,
            response_format=(
                {"type": "json_schema", "json_schema": {"name": schema_name, "schema": schema}}
                if self.response_format == "json_schema"
                else {"type": "json_object", "schema": schema}
            ),
        )
        batcher = TextBatcher(on_text)
        usage = finish = None
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                batcher.add(chunk.choices[0].delta.content)
            if chunk.choices and chunk.choices[0].finish_reason:
                finish = chunk.choices[0].finish_reason
            if getattr(chunk, "usage", None):
                usage = chunk.usage
        text = batcher.flush()
        if finish is None:
            raise Transient("cut its reply short")
        if usage is not None:
            self.usage.add(usage.prompt_tokens or 0, usage.completion_tokens or 0)
        else:  # servers that do not report usage: counted as one request without tokens
            self.usage.add(0, 0)
        return text
