"""Planners behind one interface: `offline` (built in) and `openai` (any OpenAI-compatible API).

The model is asked for the parts of a `SitePlan` that words decide (name, template, what
the business is, tone, headline, colours, sections wanted or not) as JSON constrained by a
schema (`response_format`), streamed into the build's events as it arrives, validated, and
asked again with the error a bounded number of times. The engine then fills in what the
catalog decides (sections, slots, images), exactly as for the offline planner, so a model's
plan renders and passes QA like any other.

A request the offline reader reads as an app is instead asked for as a whole `AppSpec`
(`model_spec.py`), with the reader's spec as the draft, when the token budget can hold one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from autowebiq_app.catalog.schema import TemplateDoc
from autowebiq_app.colour import parse_colour
from autowebiq_app.core.config import Settings
from autowebiq_app.engine import copywriter
from autowebiq_app.engine.anthropic_chat import AnthropicChat
from autowebiq_app.engine.brief import Brief, choose_template, read_brief, template_score
from autowebiq_app.engine.custom_features import Module, module_schema, validate_module
from autowebiq_app.engine.frontend import CatalogView
from autowebiq_app.engine.llm import ChatModel, ModelUnavailable, OpenAIChat, RetryPolicy
from autowebiq_app.engine.model_spec import (
    SPEC_MIN_TOKENS,
    prompt_wins,
    read_json,
    spec_messages,
    spec_schema,
    validate_spec,
)
from autowebiq_app.engine.pipeline import EngineError, Reporter
from autowebiq_app.engine.plan import SitePlan, Tone
from autowebiq_app.engine.plan_patch import edit_messages, edit_schema, read_edit_reply
from autowebiq_app.engine.planner import app_draft, plan_for_spec, plan_from_brief, plan_site, sample_names
from autowebiq_app.engine.sections import kind_components

logger = logging.getLogger(__name__)

MODULE_MIN_TOKENS = 4000
"""A feature module with its self-test runs to 1,500-3,000 tokens."""
MAX_ECHOED = 40000
"""How much of an invalid reply goes back to the model with the errors (an app spec runs to ~10k characters)."""
T = TypeVar("T")
SYSTEM_PROMPT = (
    "You plan websites. Reply with one JSON object that follows the given schema and nothing else. "
    "Choose the template whose slug best fits the business. Write a short, specific headline and intro "
    "for this business (no placeholder text). Only give colours the user asked for, as #rrggbb; otherwise null."
)


class ModelColours(BaseModel):
    model_config = ConfigDict(extra="forbid")

    background: str | None
    primary: str | None
    text: str | None
    accent: str | None

    @field_validator("*", mode="before")
    @classmethod
    def _colour(cls, value):
        """A colour, or None: an optional colour the model garbled is dropped, not retried."""
        return parse_colour(value) if isinstance(value, str) and value.strip() else None


class ModelPlan(BaseModel):
    """What the model writes; `template` and section kinds are limited to the catalog's."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=60)
    template: str = Field(max_length=60)
    subject: str = Field(min_length=2, max_length=60, description="what the business is, e.g. jewellery boutique")
    audience: str = Field(min_length=2, max_length=80)
    tone: Tone
    variant: Literal["light", "dark"]
    tagline: str = Field(min_length=2, max_length=120)
    description: str = Field(min_length=2, max_length=280)
    headline: str = Field(min_length=2, max_length=90)
    intro: str = Field(min_length=2, max_length=300)
    sections_wanted: list[str] = Field(max_length=6)
    sections_removed: list[str] = Field(max_length=6)
    colours: ModelColours


def plan_schema(catalog: CatalogView) -> dict:
    """`ModelPlan`'s JSON schema with the catalog's templates and section kinds as enums."""
    schema = ModelPlan.model_json_schema()
    properties = schema["properties"]
    properties["template"]["enum"] = sorted(catalog.templates)
    for name in ("sections_wanted", "sections_removed"):
        properties[name]["items"] = {"type": "string", "enum": sorted(kind_components(catalog.components))}
    colours = schema["$defs"]["ModelColours"]
    for role in colours["properties"]:
        colours["properties"][role] = {"anyOf": [{"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"}, {"type": "null"}]}
    return schema


class OfflinePlanner:
    """The built-in planner: no model, no network, deterministic."""

    def plan(self, prompt: str, catalog: CatalogView, *, seed: int, reporter: Reporter) -> SitePlan:
        return plan_site(prompt, catalog, seed=seed)


class ModelPlanner:
    """A plan (or an app spec) from a chat model: asked under a schema, validated, and asked
    again with what was wrong, at most `attempts` times."""

    def __init__(
        self,
        chat: ChatModel,
        *,
        attempts: int = 3,
        max_tokens: int = 900,
        spec_max_tokens: int = 0,
        repairs: int = 2,
    ) -> None:
        self.chat = chat
        self.attempts = attempts
        # How many times a custom feature that fails in the browser goes back to the model.
        self.repairs = repairs
        self.max_tokens = max_tokens
        # An app spec is 2-3.5k tokens: asked for only with a budget that can hold one (0: never).
        self.spec_max_tokens = spec_max_tokens

    @property
    def usage(self) -> dict:
        """Tokens used so far (`Usage.as_dict()`) and the model's name."""
        return {**self.chat.usage.as_dict(), "model": self.chat.model}

    def plan(self, prompt: str, catalog: CatalogView, *, seed: int, reporter: Reporter) -> SitePlan:
        brief = read_brief(prompt)
        draft = app_draft(brief, catalog, seed=seed) if self.spec_max_tokens >= SPEC_MIN_TOKENS else None
        if draft is not None:
            spec = self.ask(
                spec_messages(prompt, draft),
                spec_schema(catalog),
                lambda text: validate_spec(text, catalog),
                reporter,
                seed=seed,
                what="app spec",
                schema_name="AppSpec",
                max_tokens=self.spec_max_tokens,
            )
            return plan_for_spec(brief, prompt_wins(spec, draft), catalog, seed=seed)
        messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": prompt}]
        drafted = self.ask(
            messages,
            plan_schema(catalog),
            lambda text: validate_plan(text, catalog),
            reporter,
            seed=seed,
            what="plan",
            schema_name="SitePlan",
            max_tokens=self.max_tokens,
        )
        return merge(drafted, prompt, catalog, seed=seed)

    def edit_plan(self, plan: SitePlan, message: str, catalog: CatalogView, reporter: Reporter) -> tuple[SitePlan, str]:
        """A free-form chat edit (`plan_patch`): the plan patched by the model, and what it did."""
        changed, summary = self.ask(
            edit_messages(plan, message),
            edit_schema(),
            lambda text: read_edit_reply(text, plan, catalog),
            reporter,
            seed=plan.seed,
            what="change",
            schema_name="PlanEdit",
            max_tokens=max(self.spec_max_tokens, self.max_tokens),
        )
        return changed, summary.rstrip(".")

    def write_module(self, messages: list[dict], slug: str, reporter: Reporter) -> Module:
        """A custom feature's module (`custom_features`), asked under its schema and re-asked
        while the reply is not a valid module."""
        return self.ask(
            messages,
            module_schema(),
            lambda text: validate_module(text, slug),
            reporter,
            seed=0,
            what=f"module for {slug}",
            schema_name="FeatureModule",
            max_tokens=max(self.spec_max_tokens, MODULE_MIN_TOKENS),
            agent="frontend",
        )

    def ask(
        self,
        messages: list[dict],
        schema: dict,
        validate: Callable[[str], T],
        reporter: Reporter,
        *,
        seed: int,
        what: str,
        schema_name: str,
        max_tokens: int,
        agent: str = "planner",
    ) -> T:
        """The model's reply to `messages` (a system and a user message) under `schema`, streamed
        into the events and checked by `validate`; an invalid reply is sent back with what
        `validate` found, at most `attempts` requests in all, then EngineError. A server that
        stays down through the chat model's own retries ends the asking at once (ModelUnavailable)."""
        problem = ""
        for attempt in range(1, self.attempts + 1):
            text = ""
            try:
                text = self.chat.complete(
                    messages,
                    schema=schema,
                    schema_name=schema_name,
                    max_tokens=max_tokens,
                    seed=seed,
                    on_text=lambda more: reporter.plan_text(more, 12),
                    on_retry=lambda notice: reporter.agent(agent, str(notice), 10),
                )
                drafted = validate(text)
            except ModelUnavailable as exc:
                raise ModelUnavailable(f"The model gave no {what}: {exc}.") from exc
            except ValueError as exc:
                problem = f"the {what} was not valid: {exc}"
                messages = [
                    *messages[:2],
                    {"role": "assistant", "content": text[:MAX_ECHOED]},
                    {"role": "user", "content": f"That was not valid: {exc}. Reply again with only the JSON object."},
                ]
            else:
                reporter.agent(agent, f"The model's {what} is valid (attempt {attempt}).", 18)
                return drafted
            logger.info("model %s attempt %s failed: %s", what, attempt, problem)
            if attempt < self.attempts:
                reporter.agent(agent, f"Attempt {attempt} failed ({problem}); asking again…", 8 + attempt)
        raise EngineError(f"The model did not return a usable {what} after {self.attempts} attempts: {problem}.")


def OpenAIPlanner(  # noqa: N802 (a planner's constructor, by its provider's name)
    *,
    base_url: str | None,
    api_key: str | None,
    model: str,
    timeout: float = 60.0,
    attempts: int = 3,
    max_tokens: int = 900,
    spec_max_tokens: int = 0,
    retry: RetryPolicy | None = None,
) -> ModelPlanner:
    """A planner on any OpenAI-compatible chat-completions endpoint (official SDK)."""
    chat = OpenAIChat(base_url=base_url, api_key=api_key, model=model, timeout=timeout, retry=retry)
    return ModelPlanner(chat, attempts=attempts, max_tokens=max_tokens, spec_max_tokens=spec_max_tokens)


def validate_plan(text: str, catalog: CatalogView) -> ModelPlan:
    """The model's reply as a `ModelPlan`, or ValueError saying what is wrong with it."""
    raw = read_json(text)
    try:
        drafted = ModelPlan.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{where}: {first['msg']}") from None
    if drafted.template not in catalog.templates:
        raise ValueError(f"template: {drafted.template!r} is not one of the catalog's templates")
    unknown = [
        k for k in (*drafted.sections_wanted, *drafted.sections_removed) if k not in kind_components(catalog.components)
    ]
    if unknown:
        raise ValueError(f"sections: unknown kinds {unknown}")
    return drafted


def merge(drafted: ModelPlan, prompt: str, catalog: CatalogView, *, seed: int) -> SitePlan:
    """The model's choices on top of what the prompt says outright (explicit colours and
    sections in the prompt win), completed by the catalog and the copy writer."""
    said = read_brief(prompt)
    colours = {role: c for role, c in drafted.colours.model_dump().items() if c} | said.colours
    forbidden = tuple(dict.fromkeys((*said.forbidden, *drafted.sections_removed)))
    wanted = tuple(k for k in dict.fromkeys((*said.wanted, *drafted.sections_wanted)) if k not in forbidden)
    brief = Brief(
        prompt=said.prompt,
        name=said.name or drafted.name,
        colours=colours,
        variant=said.variant or drafted.variant,
        font_style=said.font_style,
        wanted=wanted,
        forbidden=forbidden,
        subject=drafted.subject.lower(),
        place=said.place,
        offerings=said.offerings,
        tone=drafted.tone,
    )
    plan = plan_from_brief(
        brief, _template(drafted, said, catalog), catalog.components, seed=seed, sample_names=sample_names(catalog)
    )
    hero = copywriter.with_hero(plan.sections, catalog.components, heading=drafted.headline, text=drafted.intro)
    return plan.model_copy(
        update={
            "sections": hero,
            "audience": drafted.audience,
            "tagline": drafted.tagline[:160],
            "description": drafted.description[:300],
        }
    )


def _template(drafted: ModelPlan, said: Brief, catalog: CatalogView) -> TemplateDoc:
    """The model's template, unless it has nothing to do with the prompt's words and another does."""
    chosen = catalog.templates[drafted.template]
    if template_score(said, chosen.model_dump()) == 0:
        slug, score = choose_template(said, [t.model_dump() for t in catalog.templates.values()])
        if score > 0:
            return catalog.templates[slug]
    return chosen


def planner_for(settings: Settings, model: str | None = None):
    """The planner the settings ask for (LLM_PROVIDER), on `model` (one of `settings.models()`;
    default the first)."""
    if settings.llm_provider == "offline":
        return OfflinePlanner()
    return ModelPlanner(
        chat_for(settings, model or settings.models()[0]),
        attempts=settings.llm_max_attempts,
        max_tokens=settings.llm_max_tokens,
        spec_max_tokens=settings.llm_spec_max_tokens,
        repairs=settings.llm_repair_attempts,
    )


def chat_for(settings: Settings, model: str) -> ChatModel:
    """The chat model for LLM_PROVIDER, retrying its server as LLM_RETRIES, LLM_BACKOFF_SECONDS
    and LLM_MAX_WAIT_SECONDS say."""
    chat = AnthropicChat if settings.llm_provider == "anthropic" else OpenAIChat
    return chat(
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key,
        model=model,
        timeout=settings.llm_timeout_seconds,
        retry=RetryPolicy(
            retries=settings.llm_retries,
            backoff=settings.llm_backoff_seconds,
            max_wait=settings.llm_max_wait_seconds,
        ),
    )
