"""A project from the landing page's prompt: named from the brief, its first build queued, or
the prompt kept in its chat when the build cannot start."""

from __future__ import annotations

from sqlmodel import select

from autowebiq_app.models import Build, CreditTransaction, User
from autowebiq_app.services import credits, projects, prompt_projects


def _queue(build_id: str) -> str:
    return f"task-{build_id}"


def test_the_project_is_named_from_the_brief_and_its_first_build_queued(session, make_user):
    user, _ = make_user()
    project = prompt_projects.start(
        session=session, user_id=user.id, prompt="A luxury shop for a jewellery brand called Aurum", enqueue=_queue
    )
    assert project.name == "Aurum" and project.user_id == user.id
    build = session.exec(select(Build).where(Build.project_id == project.id)).one()
    assert build.status == "queued" and build.prompt.endswith("called Aurum")
    assert credits.balance(session=session, user_id=user.id) == 90


def test_a_prompt_without_a_name_is_named_by_its_first_words():
    assert prompt_projects.project_name("a to-do app with projects, due dates and priorities") == (
        "a to-do app with projects, due…"
    )
    assert prompt_projects.project_name("x" * 200) == "x" * prompt_projects.MAX_NAME


def test_a_build_that_cannot_start_leaves_the_prompt_and_the_reason_in_the_chat(session, make_user):
    user, _ = make_user()
    row = session.get(User, user.id)
    session.add(CreditTransaction(user_id=user.id, kind="adjustment", amount=-95, balance_after=5, idempotency_key="a"))
    row.credits = 5
    session.commit()
    project = prompt_projects.start(session=session, user_id=user.id, prompt="A snake game", enqueue=_queue)
    assert session.exec(select(Build).where(Build.project_id == project.id)).all() == []
    chat = projects.list_messages(session=session, user_id=user.id, project_id=project.id)
    assert [m.role for m in chat] == ["user", "assistant"] and chat[0].content == "A snake game"
    assert "costs 10 credits but your balance is 5" in chat[1].content and "Send it again" in chat[1].content
    assert credits.balance(session=session, user_id=user.id) == 5
