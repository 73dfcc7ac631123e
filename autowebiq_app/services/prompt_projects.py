"""A project started from a prompt alone (the landing page's box): named after the business
the prompt describes, with its first build queued."""

from __future__ import annotations

from sqlmodel import Session

from autowebiq_app.engine.brief import read_brief
from autowebiq_app.errors import DomainError
from autowebiq_app.models import Project
from autowebiq_app.services import builds, projects

MAX_NAME = 60


def project_name(prompt: str) -> str:
    """The business the prompt names ("… called Aurum" -> "Aurum"), else its first words."""
    named = read_brief(prompt).name
    if named:
        return named[:MAX_NAME]
    words = prompt.split()
    return (" ".join(words[:6]) + ("…" if len(words) > 6 else ""))[:MAX_NAME] or "My site"


def start(*, session: Session, user_id: str, prompt: str, enqueue=None) -> Project:
    """A new project of the user's with its first build started; commits. If the build cannot
    start (no credits, too many running), nothing is lost: the prompt and why it did not start
    wait in the project's chat."""
    project = projects.create_project(session=session, user_id=user_id, name=project_name(prompt))
    try:
        builds.start_build(session=session, user_id=user_id, project_id=project.id, prompt=prompt, enqueue=enqueue)
    except DomainError as exc:
        projects.add_message(session=session, project_id=project.id, role="user", content=prompt)
        projects.add_message(
            session=session,
            project_id=project.id,
            role="assistant",
            content=f"{exc.message} Send it again when you are ready.",
        )
        session.commit()
    return project
