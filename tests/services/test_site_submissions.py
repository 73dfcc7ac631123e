"""What visitors send through a published site's forms, kept for its owner: checked, limited
per visitor, capped per site, trapped when a bot fills the hidden field; against the real
database and Redis."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlmodel import func, select

from autowebiq_app.errors import Conflict, ProjectNotFound, RateLimited, SiteNotPublished, ValidationFailed
from autowebiq_app.models import SiteSubmission
from autowebiq_app.services import projects, publishing, site_submissions
from tests.helpers import run_build_now


def _body(fields, form: str = "contact", page: str = "/contact.html") -> bytes:
    return json.dumps({"form": form, "page": page, "fields": fields}).encode()


MESSAGE = [["name", "Ada"], ["email", "ada@example.com"], ["message", "A table for two?"], ["aw_hp", ""]]


@pytest.fixture
def site(session, make_user):
    owner, _ = make_user()
    project = projects.create_project(session=session, user_id=owner.id, name="Bean")
    assert run_build_now(session, project, "A cafe called Bean").status == "succeeded"
    return publishing.publish(session=session, user_id=owner.id, project_id=project.id)


def _kept(session, project_id: str) -> int:
    return session.exec(select(func.count()).where(SiteSubmission.project_id == project_id)).one()


@pytest.mark.parametrize(
    ("body", "complaint"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (_body([]), "no fields"),
        (_body(MESSAGE, form="<script>"), "name of letters"),
        (_body([["name", 3]]), "pair of strings"),
        (_body([["bad name!", "x"]]), "field name"),
        (_body([["message", "x" * 5001]]), "longer than 5000"),
        (_body([[f"f{n}", "x"] for n in range(32)]), "at most 30"),
        (_body([["aw_hp", ""]]), "between 1 and 30"),
        (_body([["message", "x" * 4000]] * 5), "limited to 16 KB"),
    ],
)
def test_anything_but_a_submission_is_refused_and_nothing_is_kept(session, site, body, complaint):
    with pytest.raises(ValidationFailed, match=complaint):
        site_submissions.receive(session=session, slug=site.published_slug, body=body, client_ip="10.0.0.1")
    assert _kept(session, site.id) == 0


def test_a_submission_is_kept_for_the_owner_in_the_forms_order(session, site):
    assert site_submissions.receive(
        session=session, slug=site.published_slug, body=_body(MESSAGE), client_ip="10.0.0.1"
    )
    (kept,) = site_submissions.for_project(session=session, user_id=site.user_id, project_id=site.id)
    assert (kept.form, kept.page) == ("contact", "/contact.html")
    assert kept.fields == [("name", "Ada"), ("email", "ada@example.com"), ("message", "A table for two?")]


def test_a_filled_spam_trap_is_answered_like_any_submission_and_nothing_is_kept(session, site):
    trapped = [*MESSAGE[:3], ["aw_hp", "https://spam.example"]]
    assert not site_submissions.receive(
        session=session, slug=site.published_slug, body=_body(trapped), client_ip="10.0.0.1"
    )
    assert _kept(session, site.id) == 0


def test_an_unpublished_site_takes_nothing(session, site):
    publishing.unpublish(session=session, user_id=site.user_id, project_id=site.id)
    with pytest.raises(SiteNotPublished):
        site_submissions.receive(session=session, slug="bean", body=_body(MESSAGE), client_ip="10.0.0.1")
    with pytest.raises(SiteNotPublished):
        site_submissions.receive(session=session, slug="no-such-site", body=_body(MESSAGE), client_ip="10.0.0.1")


def test_each_visitor_is_limited_per_minute_and_the_site_keeps_at_most_its_cap(session, site, settings_override):
    settings_override(SITE_SUBMISSIONS_PER_MINUTE="2", SITE_SUBMISSIONS_KEPT="3")
    slug = site.published_slug
    for _ in range(2):
        site_submissions.receive(session=session, slug=slug, body=_body(MESSAGE), client_ip="10.0.0.1")
    with pytest.raises(RateLimited) as limited:
        site_submissions.receive(session=session, slug=slug, body=_body(MESSAGE), client_ip="10.0.0.1")
    assert limited.value.retry_after > 0
    site_submissions.receive(session=session, slug=slug, body=_body(MESSAGE), client_ip="10.0.0.2")
    with pytest.raises(Conflict, match="inbox is full"):
        site_submissions.receive(session=session, slug=slug, body=_body(MESSAGE), client_ip="10.0.0.3")
    assert _kept(session, site.id) == 3


def test_only_the_owner_reads_them_and_the_csv_has_a_column_per_field(session, site, make_user):
    stranger, _ = make_user(email="stranger@example.com")
    with pytest.raises(ProjectNotFound):
        site_submissions.for_project(session=session, user_id=stranger.id, project_id=site.id)
    slug = site.published_slug
    site_submissions.receive(session=session, slug=slug, body=_body(MESSAGE), client_ip="10.0.0.1")
    signup = [["email", '=HYPERLINK("http://evil")'], ["consent", "yes"]]
    site_submissions.receive(session=session, slug=slug, body=_body(signup, form="newsletter"), client_ip="10.0.0.1")

    rows = list(
        csv.reader(
            io.StringIO(
                site_submissions.as_csv(
                    site_submissions.for_project(session=session, user_id=site.user_id, project_id=site.id)
                )
            )
        )
    )
    assert rows[0] == ["received", "form", "page", "email", "consent", "name", "message"]
    assert rows[1][1:] == ["newsletter", "/contact.html", '\'=HYPERLINK("http://evil")', "yes", "", ""]
    assert rows[2][1:] == ["contact", "/contact.html", "ada@example.com", "", "Ada", "A table for two?"]
