"""A project's model: chosen from LLM_MODELS on create or later, refused when not offered,
ignored when no model is configured (the original's clients always send one)."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from autowebiq_app.errors import UnknownModel
from autowebiq_app.models import Project
from autowebiq_app.services import projects, versions


@pytest.fixture
def offered(settings_override):
    settings_override(LLM_PROVIDER="openai", LLM_MODELS="gpt-4o-mini, gpt-4o ,claude-sonnet")


def _count(session) -> int:
    return session.exec(select(func.count()).select_from(Project)).one()


def test_a_project_keeps_the_offered_model_it_was_created_with(session, make_user, offered):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Aurum", model="gpt-4o")
    session.expire_all()
    assert session.get(Project, project.id).model == "gpt-4o"
    assert projects.project_model(project) == ("gpt-4o", None)


def test_a_project_without_a_model_builds_with_the_first_offered(session, make_user, offered):
    user, _ = make_user()
    for model in (None, "", "  "):
        project = projects.create_project(session=session, user_id=user.id, name="Aurum", model=model)
        assert project.model is None
        assert projects.project_model(project) == ("gpt-4o-mini", None)


def test_a_model_not_offered_is_refused_listing_the_offered_ones_and_nothing_is_written(session, make_user, offered):
    user, _ = make_user()
    with pytest.raises(UnknownModel) as refused:
        projects.create_project(session=session, user_id=user.id, name="Aurum", model="gpt-3")
    assert refused.value.status == 422 and refused.value.code == "unknown_model"
    assert (
        refused.value.message
        == "The model 'gpt-3' is not offered here. Choose one of: gpt-4o-mini, gpt-4o, claude-sonnet."
    )
    session.rollback()
    assert _count(session) == 0


def test_without_a_configured_model_any_model_asked_for_is_ignored(session, make_user, settings_override):
    settings_override(LLM_PROVIDER="offline", LLM_MODELS="gpt-4o")
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Legacy", model="gpt-4o")
    assert project.model is None
    assert projects.project_model(project) == (None, None)


def test_the_model_can_be_changed_reset_to_the_default_and_not_set_to_one_not_offered(session, make_user, offered):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Aurum")
    changed = projects.update_project(session=session, user_id=user.id, project_id=project.id, model="claude-sonnet")
    assert changed.model == "claude-sonnet" and changed.name == "Aurum"
    with pytest.raises(UnknownModel):
        projects.update_project(session=session, user_id=user.id, project_id=project.id, model="gpt-3")
    session.rollback()
    session.expire_all()
    assert session.get(Project, project.id).model == "claude-sonnet"
    renamed = projects.update_project(session=session, user_id=user.id, project_id=project.id, name="Aurum Gold")
    assert renamed.model == "claude-sonnet" and renamed.name == "Aurum Gold"
    reset = projects.update_project(session=session, user_id=user.id, project_id=project.id, model=None)
    assert reset.model is None


def test_a_model_no_longer_offered_falls_back_to_the_default(session, make_user, offered, settings_override):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Aurum", model="claude-sonnet")
    settings_override(LLM_MODELS="gpt-4o-mini")
    assert projects.project_model(project) == ("gpt-4o-mini", "claude-sonnet")
    settings_override(LLM_PROVIDER="offline")
    assert projects.project_model(project) == (None, "claude-sonnet")


def test_a_duplicate_keeps_the_model(session, make_user, offered):
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Aurum", model="gpt-4o")
    copy = versions.duplicate_project(session=session, user_id=user.id, project_id=project.id)
    assert copy.model == "gpt-4o"


def test_another_users_project_cannot_be_changed(session, make_user, offered):
    owner, _ = make_user()
    other, _ = make_user()
    project = projects.create_project(session=session, user_id=owner.id, name="Aurum")
    with pytest.raises(projects.ProjectNotFound):
        projects.update_project(session=session, user_id=other.id, project_id=project.id, model="gpt-4o")
