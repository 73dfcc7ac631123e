"""Runs the agents in order, reporting every step: planner -> image -> frontend -> QA.

Three steps, which a worker may run as separate messages (the build runner does):
`plan_site` plans from a prompt (with the offline planner or a model) and `plan_edit`
applies a chat edit to an existing plan; `illustrate` draws the images; `finish` writes the
pages and checks them (a QA failure the engine can fix, contrast, is fixed and checked
again, a bounded number of times). `build_site` and `edit_site` run all three in turn.
"""

from __future__ import annotations

from dataclasses import replace

from autowebiq_app.engine import custom_features, edits, frontend, images, qa, spec_edits
from autowebiq_app.engine.interfaces import (  # noqa: F401 (the pipeline's interfaces, re-exported)
    BrowserCheck,
    BuildOutput,
    EngineError,
    PlannedSite,
    Planner,
    Reporter,
    SilentReporter,
)
from autowebiq_app.engine.palette import make_readable
from autowebiq_app.engine.plan import SitePlan
from autowebiq_app.engine.planner import with_images

MAX_QA_FIXES = 2


def build_site(
    prompt: str,
    *,
    reporter: Reporter,
    catalog: frontend.CatalogView,
    planner: Planner,
    seed: int = 0,
    browser: BrowserCheck | None = None,
) -> BuildOutput:
    """Plan, illustrate, write and check a site for `prompt`."""
    planned = plan_site(prompt, reporter=reporter, catalog=catalog, planner=planner, seed=seed, browser=browser)
    return finish(planned, illustrate(planned.plan, reporter), catalog=catalog, reporter=reporter, browser=browser)


def edit_site(
    plan: SitePlan,
    message: str,
    *,
    reporter: Reporter,
    catalog: frontend.CatalogView,
    browser: BrowserCheck | None = None,
    planner: Planner | None = None,
    base_files: dict[str, str] | None = None,
) -> BuildOutput:
    """Apply the chat edit `message` to `plan` and produce the changed site (see `plan_edit`).
    With `base_files` (the version edited), the summary names the files that changed."""
    planned = plan_edit(plan, message, reporter=reporter, catalog=catalog, browser=browser, planner=planner)
    drawn = illustrate(planned.plan, reporter)
    return finish(planned, drawn, catalog=catalog, reporter=reporter, browser=browser, base_files=base_files)


def plan_site(
    prompt: str,
    *,
    reporter: Reporter,
    catalog: frontend.CatalogView,
    planner: Planner,
    seed: int = 0,
    browser: BrowserCheck | None = None,
) -> PlannedSite:
    """The planner's step of a new site: the plan, with its custom features proven or replaced."""
    reporter.agent("planner", "Reading your brief and choosing a template…", 5)
    plan = planner.plan(prompt, catalog, seed=seed, reporter=reporter)
    template = catalog.templates[plan.template].name
    if plan.app is not None:
        reporter.agent("planner", f"Planned “{plan.name}” with the {template} look: {plan.app.summary()}.", 20)
        for entity in plan.app.entities:
            fields = ", ".join(f.label for f in entity.fields)
            reporter.agent("planner", f"{entity.plural}: {fields} ({len(entity.records)} sample records).", 21)
    else:
        kinds = ", ".join(s.anchor or catalog.components[s.component].category for s in plan.sections)
        reporter.agent("planner", f"Planned “{plan.name}” on the {template} template: {kinds}.", 20)
    for note in plan.adjustments:
        reporter.agent("planner", f"Adjusted: {note}.", 22)
    writer = planner if hasattr(planner, "write_module") else None
    settled = custom_features.settle(plan, catalog=catalog, writer=writer, probe=browser, reporter=reporter)
    return PlannedSite(plan=settled, summary=f"Built “{plan.name}”", notes=settled.adjustments[len(plan.adjustments) :])


def plan_edit(
    plan: SitePlan,
    message: str,
    *,
    reporter: Reporter,
    catalog: frontend.CatalogView,
    browser: BrowserCheck | None = None,
    planner: Planner | None = None,
) -> PlannedSite:
    """The planner's step of a chat edit: the rule reader's edits are applied directly; a
    message it does not understand goes to the model as a patch of the plan when the planner
    has one (`edit_plan`)."""
    reporter.agent("planner", "Reading your change…", 5)
    ops = edits.read_edit(message, list(catalog.templates.values()))
    if ops:
        try:
            changed = edits.apply_edit(plan, ops, templates=catalog.templates, components=catalog.components)
        except spec_edits.SpecEditError as exc:
            raise EngineError(str(exc)) from exc
        done = "; ".join(op.describe() for op in ops)
    elif hasattr(planner, "edit_plan"):
        reporter.agent("planner", "The rules do not cover this change; asking the model…", 8)
        changed, done = planner.edit_plan(plan, message, catalog, reporter)
        if changed.app is None:
            changed = with_images(changed, catalog.components)
        changed = custom_features.settle(changed, catalog=catalog, writer=planner, probe=browser, reporter=reporter)
    else:
        raise EngineError(edits.HELP)
    reporter.agent("planner", f"Changing the plan: {done}.", 20)
    return PlannedSite(
        plan=changed, summary=f"Edited “{changed.name}”: {done}", notes=changed.adjustments[len(plan.adjustments) :]
    )


def illustrate(plan: SitePlan, reporter: Reporter) -> dict[str, str]:
    """The image agent's step: the plan's images, favicon and social preview, in its palette."""
    reporter.agent("image", f"Illustrating {len(plan.images)} images in the site's palette…", 25)
    drawn = images.render_images(plan)
    reporter.agent("image", f"Drew {len(plan.images)} images, a favicon and a social preview.", 45)
    return drawn


def finish(
    planned: PlannedSite,
    drawn: dict[str, str],
    *,
    catalog: frontend.CatalogView,
    reporter: Reporter,
    browser: BrowserCheck | None = None,
    base_files: dict[str, str] | None = None,
) -> BuildOutput:
    """The frontend and QA agents' step: pages around the drawn images, checked; the summary
    names replaced features and, for an edit of `base_files`, the files that changed."""
    output = produce(
        planned.plan, catalog=catalog, reporter=reporter, summary=planned.summary, browser=browser, drawn=drawn
    )
    output = with_fallbacks(output, planned.notes)
    if base_files is not None:
        output = replace(output, summary=f"{output.summary} {changed_files(base_files, output.files)}")
    return output


def changed_files(before: dict[str, str], after: dict[str, str]) -> str:
    """One sentence naming the files an edit changed, added or removed."""
    changed = sorted(path for path in after if before.get(path) != after[path])
    removed = sorted(set(before) - set(after))
    if not changed and not removed:
        return "No file changed."
    parts = [
        f"Changed {len(changed)} of {len(after)} files ({', '.join(changed[:8])}{'…' if len(changed) > 8 else ''})"
    ]
    if removed:
        parts.append(f"removed {', '.join(removed[:8])}")
    return "; ".join(parts) + "."


def with_fallbacks(output: BuildOutput, notes: list[str]) -> BuildOutput:
    """The output whose summary (the chat's answer) says which requested features were replaced, and why."""
    if not notes:
        return output
    return replace(output, summary=" ".join([output.summary, *(f"{note}." for note in notes)]))


def produce(
    plan: SitePlan,
    *,
    catalog: frontend.CatalogView,
    reporter: Reporter,
    summary: str,
    browser: BrowserCheck | None = None,
    drawn: dict[str, str] | None = None,
) -> BuildOutput:
    """Pages and QA for a plan (its images drawn here unless `drawn` is given), fixing what
    QA finds when it can; an app's features are then tried in a browser when one is given."""
    if drawn is None:
        drawn = illustrate(plan, reporter)
    reporter.agent("frontend", "Writing the pages, styles and scripts…", 50)
    for attempt in range(MAX_QA_FIXES + 1):
        files = _write(plan, catalog, drawn, reporter, announce=attempt == 0)
        reporter.agent("qa", "Checking markup, contrast, alt text, links and external requests…", 88)
        report = qa.check_site(files)
        if not qa.failed(report, qa.CONTRAST_CHECK) or attempt == MAX_QA_FIXES:
            break
        notes: list[str] = []
        palette = make_readable(plan.palette, notes)
        plan = plan.model_copy(update={"palette": palette, "adjustments": [*plan.adjustments, *notes]})
        drawn = images.render_images(plan)  # the images are drawn in the palette
        reporter.agent("qa", f"Fixing contrast and checking again: {'; '.join(notes) or 'palette adjusted'}.", 90)
    report["attempts"] = attempt + 1
    if plan.app is not None and browser is not None:
        reporter.agent("qa", "Trying every feature in a real browser…", 91)
        report = qa.with_browser_checks(
            report, plan.app, browser(files, [p.path for p in plan.app.pages if p.features])
        )
        reporter.agent(
            "qa", f"Features verified in a browser: {report['features_verified']} of {report['features_total']}.", 94
        )
    failed = [check["name"] for check in report["checks"] if not check["passed"]]
    if failed:
        reporter.agent("qa", f"Score {report['score']}/100. Needs attention: {'; '.join(failed)}.", 95)
    else:
        reporter.agent("qa", f"All {report['total']} checks passed. Score {report['score']}/100.", 95)
    return BuildOutput(
        plan=plan,
        files=files,
        qa_report=report,
        summary=f"{summary}: {len(files)} files, QA score {report['score']}/100.",
    )


def _write(
    plan: SitePlan, catalog: frontend.CatalogView, drawn: dict[str, str], reporter: Reporter, *, announce: bool
) -> dict[str, str]:
    files = dict(drawn)
    files.update(frontend.render_pages(plan, catalog, files))
    if announce:
        for index, path in enumerate(sorted(files)):
            reporter.file_written(path, len(files[path].encode()), 50 + (35 * (index + 1)) // len(files))
    return dict(sorted(files.items()))
