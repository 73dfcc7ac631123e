"""A released site address stays its owner's for 30 days."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from autowebiq_app.db_types import utcnow
from autowebiq_app.models import SiteAddressHold
from autowebiq_app.services import projects, publishing, versions


def _project_with_a_version(session, user_id: str, name: str) -> str:
    project = projects.create_project(session=session, user_id=user_id, name=name)
    versions.create_version(session=session, project_id=project.id, files={"index.html": name}, plan={}, prompt=name)
    session.commit()
    return project.id


def _publish(session, user_id: str, project_id: str) -> str:
    return publishing.publish(session=session, user_id=user_id, project_id=project_id).published_slug


def test_a_released_address_is_held_for_its_owner(session, make_user):
    owner, _ = make_user()
    other, _ = make_user()
    mine = _project_with_a_version(session, owner.id, "Aurum")
    assert _publish(session, owner.id, mine) == "aurum"
    publishing.unpublish(session=session, user_id=owner.id, project_id=mine)

    theirs = _project_with_a_version(session, other.id, "Aurum")
    assert _publish(session, other.id, theirs) == "aurum-2"
    assert _publish(session, owner.id, mine) == "aurum"


def test_the_hold_ends_after_30_days(session, make_user):
    owner, _ = make_user()
    other, _ = make_user()
    mine = _project_with_a_version(session, owner.id, "Aurum")
    _publish(session, owner.id, mine)
    publishing.unpublish(session=session, user_id=owner.id, project_id=mine)
    hold = session.get(SiteAddressHold, "aurum")
    assert timedelta(days=29) < hold.held_until - utcnow() <= timedelta(days=30)

    session.execute(update(SiteAddressHold).values(held_until=utcnow() - timedelta(seconds=1)))
    session.commit()
    theirs = _project_with_a_version(session, other.id, "Aurum")
    assert _publish(session, other.id, theirs) == "aurum"


def test_an_address_taken_by_a_live_site_is_skipped(session, make_user):
    first, _ = make_user()
    second, _ = make_user()
    assert _publish(session, first.id, _project_with_a_version(session, first.id, "Aurum")) == "aurum"
    assert _publish(session, second.id, _project_with_a_version(session, second.id, "Aurum")) == "aurum-2"
