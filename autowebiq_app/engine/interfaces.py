"""The engine's interfaces, below every agent: what a planner, a reporter, a browser check and
the catalog look like to the engine, what a build produces, and the error a user is shown.

The agents and the pipeline import from here; nothing here imports an agent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from autowebiq_app.catalog.schema import ComponentDoc, DomainDoc, FeatureDoc, TemplateDoc
from autowebiq_app.engine.plan import SitePlan


class CatalogView(Protocol):
    """The catalog documents the engine reads (`catalog.files.Loaded` has this shape)."""

    templates: dict[str, TemplateDoc]
    components: dict[str, ComponentDoc]
    features: dict[str, FeatureDoc]
    domains: dict[str, DomainDoc]


class Reporter(Protocol):
    """Where agents tell the world what they are doing (the build's event stream)."""

    def agent(self, agent: str, message: str, progress: int) -> None: ...

    def file_written(self, path: str, size: int, progress: int) -> None: ...

    def plan_text(self, text: str, progress: int) -> None:
        """More of the plan a model is writing, as it arrives."""


class SilentReporter:
    """A reporter for work nobody watches live (starting from a template, benchmarks)."""

    def agent(self, agent: str, message: str, progress: int) -> None:
        pass

    def file_written(self, path: str, size: int, progress: int) -> None:
        pass

    def plan_text(self, text: str, progress: int) -> None:
        pass


class Planner(Protocol):
    """Turns a prompt into a plan: the offline planner or a model provider."""

    def plan(self, prompt: str, catalog: CatalogView, *, seed: int, reporter: Reporter) -> SitePlan: ...


class BrowserCheck(Protocol):
    """Runs the features' self-tests on built files in a browser (`engine.browser.run_selftests`)."""

    def __call__(self, files: dict[str, str], pages: list[str]) -> dict: ...


class EngineError(Exception):
    """A build the engine cannot finish; the message is shown to the user."""


@dataclass(frozen=True)
class PlannedSite:
    """The planner's part of a build, handed to the image and frontend agents: the settled
    plan, the start of the chat's answer, and the notes on features replaced by fallbacks."""

    plan: SitePlan
    summary: str
    notes: list[str]

    def to_json(self) -> dict:
        return {"plan": self.plan.model_dump(mode="json"), "summary": self.summary, "notes": list(self.notes)}

    @classmethod
    def from_json(cls, data: dict) -> PlannedSite:
        return cls(plan=SitePlan.model_validate(data["plan"]), summary=data["summary"], notes=list(data["notes"]))


@dataclass(frozen=True)
class BuildOutput:
    plan: SitePlan
    files: dict[str, str]
    qa_report: dict
    summary: str
