"""Chat models behind one interface: a reply to messages under a JSON schema, streamed.

`OpenAIChat` speaks to any OpenAI-compatible chat-completions endpoint through the official
SDK. A chat model keeps the tokens its requests used (`usage`), so a build can record what
it cost. A failure of the model's server (not of the model's answer) is `ModelUnavailable`,
which fails the build with its reason and a refund.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import openai

from autowebiq_app.engine.pipeline import EngineError

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
    ) -> str:
        """The reply's text; `on_text` is called with more of it as it streams in (at most
        every `STREAM_REPORT_EVERY` seconds, and once at the end)."""
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


class OpenAIChat:
    """Any OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, Ollama, vLLM,
    LM Studio, llama.cpp) through the official SDK."""

    def __init__(self, *, base_url: str | None, api_key: str | None, model: str, timeout: float = 60.0) -> None:
        self.client = openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=0)
        self.model = model
        self.usage = Usage()
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
    ) -> str:
        while True:
            try:
                return self._stream(messages, schema, schema_name, max_tokens, seed, on_text)
            except openai.APIStatusError as exc:
                if self.response_format == "json_schema" and "response_format" in str(exc):
                    # Servers without OpenAI's json_schema type (llama-cpp-python) take the
                    # schema with json_object; switching is not the model's failure.
                    self.response_format = "json_object"
                    continue
                raise ModelUnavailable(f"the model's server answered {exc.status_code}") from exc
            except openai.APITimeoutError as exc:
                raise ModelUnavailable("the model did not answer in time") from exc
            except openai.APIError as exc:
                raise ModelUnavailable(f"the model's server could not be reached ({type(exc).__name__})") from exc

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
        usage = None
        for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                batcher.add(chunk.choices[0].delta.content)
            if getattr(chunk, "usage", None):
                usage = chunk.usage
        text = batcher.flush()
        if usage is not None:
            self.usage.add(usage.prompt_tokens or 0, usage.completion_tokens or 0)
        else:  # servers that do not report usage: counted as one request without tokens
            self.usage.add(0, 0)
        return text
