"""The versions a caller reads are the user's own: the service checks, so a front door cannot forget."""

from __future__ import annotations

import pytest

from autowebiq_app.errors import ProjectNotFound, VersionNotFound
from autowebiq_app.services import projects, versions


def test_only_the_owner_reads_a_projects_versions(session, make_user):
    owner, _ = make_user()
    stranger, _ = make_user(email="stranger@example.com")
    project = projects.create_project(session=session, user_id=owner.id, name="Mine")
    for n in (1, 2):
        versions.create_version(
            session=session, project_id=project.id, files={"index.html": f"v{n}"}, plan={}, prompt=f"v{n}"
        )
    session.commit()

    mine, version = versions.users_version(session=session, user_id=owner.id, project_id=project.id, number=1)
    assert (mine.id, version.files) == (project.id, {"index.html": "v1"})
    _, rows, total = versions.users_versions(session=session, user_id=owner.id, project_id=project.id, limit=1)
    assert ([v.number for v in rows], total) == ([2], 2)
    assert versions.users_latest_version(session=session, user_id=owner.id, project_id=project.id).number == 2
    with pytest.raises(VersionNotFound):
        versions.users_version(session=session, user_id=owner.id, project_id=project.id, number=3)

    for read in (
        lambda: versions.users_version(session=session, user_id=stranger.id, project_id=project.id, number=1),
        lambda: versions.users_versions(session=session, user_id=stranger.id, project_id=project.id),
        lambda: versions.users_latest_version(session=session, user_id=stranger.id, project_id=project.id),
    ):
        with pytest.raises(ProjectNotFound):
            read()
