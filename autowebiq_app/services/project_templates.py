"""Start a project from a catalog template: the template's site becomes version 1."""

from __future__ import annotations

from sqlmodel import Session

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.service import as_component, as_template, engine_catalog
from autowebiq_app.engine.pipeline import SilentReporter, produce
from autowebiq_app.engine.planner import template_plan
from autowebiq_app.errors import NotFound, ValidationFailed
from autowebiq_app.models import Project
from autowebiq_app.services import projects, versions


def load_template(catalog: Catalog, slug: str):
    """The template and the components it uses, or NotFound."""
    document = catalog.template(slug)
    if document is None:
        raise NotFound("Template not found.")
    template = as_template(document)
    found = catalog.components(sorted({s.component for s in template.sections}))
    return template, {slug: as_component(doc) for slug, doc in found.items()}


def start_from_template(*, session: Session, user_id: str, template_slug: str, variant: str = "light") -> Project:
    """Create a project whose first version is the template with its sample copy; commits.

    The version carries a full plan, so the project takes chat edits like any built site."""
    if variant not in ("light", "dark"):
        raise ValidationFailed("Choose the light or the dark variant.")
    catalog = engine_catalog()
    template = catalog.templates.get(template_slug)
    if template is None:
        raise NotFound("Template not found.")
    output = produce(
        template_plan(template, catalog.components, variant=variant),
        catalog=catalog,
        reporter=SilentReporter(),
        summary=f"Started from the “{template.name}” template",
    )
    project = Project(
        user_id=user_id, name=template.site_name, description=template.description, template_slug=template.slug
    )
    session.add(project)
    session.flush()
    versions.create_version(
        session=session,
        project_id=project.id,
        files=output.files,
        plan=output.plan.model_dump(mode="json"),
        prompt=f"Start from the “{template.name}” template",
        qa_report=output.qa_report,
    )
    projects.add_message(
        session=session,
        project_id=project.id,
        role="assistant",
        content=f"Started from the “{template.name}” template. Describe what to change, or build from a new prompt.",
    )
    session.commit()
    return project
