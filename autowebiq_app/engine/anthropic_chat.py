"""Anthropic's Messages API as a `ChatModel`: the reply under a schema is a forced tool call,
streamed, through the official SDK.

The schema is the input schema of one tool the model must call; the tool's input, streamed
as `input_json_delta` events, is the reply's JSON text. Failures are sorted and retried as
`OpenAIChat`'s are (`llm.RetryPolicy`), with Anthropic's 529 (overloaded) among the busy.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import anthropic
import httpx2

from autowebiq_app.engine.llm import (
    ModelUnavailable,
    Retrying,
    RetryPolicy,
    TextBatcher,
    Transient,
    Usage,
    refused,
    server_name,
    transient,
)

EMPTY_TURN = "(no reply)"
"""Stands in for an empty message, which the Messages API refuses."""


class AnthropicChat:
    """Claude through Anthropic's Messages API (or a server that speaks it, at `base_url`)."""

    def __init__(
        self,
        *,
        base_url: str | None,
        api_key: str | None,
        model: str,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
    ) -> None:
        # Without a key the request is still sent, so the server's 401 names the problem.
        key = api_key or os.environ.get("ANTHROPIC_API_KEY") or "not-set"
        self.client = anthropic.Anthropic(base_url=base_url, api_key=key, timeout=timeout, max_retries=0)
        self.server = server_name(self.client.base_url)
        self.model = model
        self.usage = Usage()
        self.retry = retry or RetryPolicy()

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
        """The tool input the model wrote, as JSON text (the Messages API takes no seed)."""
        return self.retry.run(
            lambda: self._request(messages, schema, schema_name, max_tokens, on_text),
            server=self.server,
            on_retry=on_retry,
        )

    def _request(
        self, messages: list[dict], schema: dict, schema_name: str, max_tokens: int, on_text: Callable[[str], None]
    ) -> str:
        """One request's reply, or its failure as `Transient` (worth asking again) or `ModelUnavailable`."""
        try:
            return self._stream(messages, schema, schema_name, max_tokens, on_text)
        except anthropic.APIStatusError as exc:
            if exc.status_code < 400:
                # An error event in a stream that began well (`overloaded_error` mid-reply).
                raise Transient(f"cut its reply short ({exc.type or 'error'})") from exc
            if transient(exc.status_code):
                raise Transient.answered(exc.status_code, exc.response.headers.get("retry-after")) from exc
            raise ModelUnavailable(refused(self.server, exc.status_code)) from exc
        except (anthropic.APITimeoutError, httpx2.TimeoutException) as exc:
            raise Transient("did not answer in time") from exc
        except anthropic.APIConnectionError as exc:
            raise Transient("could not be reached") from exc
        except (anthropic.APIError, httpx2.TransportError) as exc:
            # The SDK passes on the transport's error when a chunked stream is dropped mid-way.
            raise Transient("cut its reply short") from exc

    def _stream(
        self, messages: list[dict], schema: dict, schema_name: str, max_tokens: int, on_text: Callable[[str], None]
    ) -> str:
        system = "\n\n".join(m["content"] for m in messages if m["role"] == "system")
        turns = [{"role": m["role"], "content": m["content"] or EMPTY_TURN} for m in messages if m["role"] != "system"]
        stream = self.client.messages.create(
            model=self.model,
            max_tokens=max_tokens,
            system=system or anthropic.omit,
            messages=turns,
            tools=[{"name": schema_name, "description": f"Reply with the {schema_name}.", "input_schema": schema}],
            tool_choice={"type": "tool", "name": schema_name},
            stream=True,
        )
        batcher = TextBatcher(on_text)
        prompt = completion = 0
        stop_reason = None
        for event in stream:
            if event.type == "message_start":
                prompt, completion = event.message.usage.input_tokens, event.message.usage.output_tokens
            elif event.type == "content_block_delta" and event.delta.type == "input_json_delta":
                batcher.add(event.delta.partial_json)
            elif event.type == "message_delta":
                # Counts in message_delta are running totals for the whole message.
                stop_reason = event.delta.stop_reason or stop_reason
                completion = event.usage.output_tokens
                prompt = event.usage.input_tokens or prompt
        text = batcher.flush()
        if stop_reason is None:
            raise Transient("cut its reply short")
        self.usage.add(prompt, completion)
        return text
