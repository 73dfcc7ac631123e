"""Runs the agents in order, reporting every step: planner -> image -> frontend -> QA."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from autowebiq_app.engine import frontend, images, planner, qa
from autowebiq_app.engine.plan import SitePlan


class Reporter(Protocol):
    """Where agents tell the world what they are doing (the build's event stream)."""

    def agent(self, agent: str, message: str, progress: int) -> None: ...

    def file_written(self, path: str, size: int, progress: int) -> None: ...


class EngineError(Exception):
    """A build the engine cannot finish; the message is shown to the user."""


@dataclass(frozen=True)
class BuildOutput:
    plan: SitePlan
    files: dict[str, str]
    qa_report: dict
    summary: str


def build_site(prompt: str, *, reporter: Reporter, seed: int = 0) -> BuildOutput:
    """Plan, illustrate, write and check a site for `prompt`."""
    reporter.agent("planner", "Reading your brief and choosing a structure…", 5)
    plan = planner.plan_site(prompt, seed=seed)
    sections = ", ".join(section.kind for section in plan.sections)
    reporter.agent("planner", f"Planned “{plan.name}” ({plan.kind}) with sections: {sections}.", 20)

    reporter.agent("image", f"Illustrating {len(plan.images)} images in the site's palette…", 25)
    files = images.render_images(plan)
    reporter.agent("image", f"Created {len(files)} images.", 45)

    reporter.agent("frontend", "Writing the pages, styles and scripts…", 50)
    files.update(frontend.render_site(plan))
    for index, path in enumerate(sorted(files)):
        reporter.file_written(path, len(files[path].encode()), 50 + (35 * (index + 1)) // len(files))

    reporter.agent("qa", "Checking markup, alt text, links and external requests…", 88)
    report = qa.check_site(files)
    failed = [check["name"] for check in report["checks"] if not check["passed"]]
    if failed:
        reporter.agent("qa", f"Score {report['score']}/100. Needs attention: {'; '.join(failed)}.", 95)
    else:
        reporter.agent("qa", f"All {report['total']} checks passed. Score {report['score']}/100.", 95)
    summary = f"Built “{plan.name}”: {len(files)} files, QA score {report['score']}/100."
    return BuildOutput(plan=plan, files=files, qa_report=report, summary=summary)
