"""Start a project from a catalog template: the template's site becomes version 1."""

from __future__ import annotations

from sqlmodel import Session

from autowebiq_app.catalog.cache import Catalog
from autowebiq_app.catalog.service import as_component, as_template
from autowebiq_app.catalog.site import template_site
from autowebiq_app.engine.qa import check_site
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


def start_from_template(
    *, session: Session, user_id: str, template_slug: str, catalog: Catalog, variant: str = "light"
) -> Project:
    """Create a project whose first version is the template with its sample copy; commits."""
    if variant not in ("light", "dark"):
        raise ValidationFailed("Choose the light or the dark variant.")
    template, components = load_template(catalog, template_slug)
    files = template_site(template, components, variant=variant)
    project = Project(
        user_id=user_id, name=template.site_name, description=template.description, template_slug=template.slug
    )
    session.add(project)
    session.flush()
    plan = {
        "template": template.slug,
        "variant": variant,
        "site_name": template.site_name,
        "tagline": template.tagline,
        "sections": [section.model_dump(mode="json") for section in template.sections],
    }
    versions.create_version(
        session=session,
        project_id=project.id,
        files=files,
        plan=plan,
        prompt=f"Start from the “{template.name}” template",
        qa_report=check_site(files),
    )
    projects.add_message(
        session=session,
        project_id=project.id,
        role="assistant",
        content=f"Started from the “{template.name}” template. Describe what to change, or build from a new prompt.",
    )
    session.commit()
    return project
