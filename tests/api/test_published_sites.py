"""Published sites for their visitors, in process (FastAPI's TestClient on the real database
and Redis): on an origin of their own under SITES_URL, or sandboxed under the builder's
/sites/{slug}/ without one; and what their forms deliver to the owner."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from autowebiq_app.api.app import create_api
from autowebiq_app.api.published_sites import create_sites_app
from autowebiq_app.services import projects, publishing, site_submissions
from tests.helpers import run_build_now

SITES = "http://localhost:3001"
MESSAGE = {
    "form": "contact",
    "page": "/contact.html",
    "fields": [["name", "Ada"], ["email", "ada@example.com"], ["message", "Hello"], ["aw_hp", ""]],
}


@pytest.fixture
def owner(make_user):
    return make_user()


@pytest.fixture
def site(session, owner):
    project = projects.create_project(session=session, user_id=owner[0].id, name="Bean Cafe")
    assert run_build_now(session, project, "A cafe called Bean with a contact page").status == "succeeded"
    return publishing.publish(session=session, user_id=owner[0].id, project_id=project.id)


@pytest.fixture
def own_origins(settings_override):
    settings_override(SITES_URL=SITES)
    with TestClient(create_sites_app(), base_url=SITES) as sites:
        yield sites


def _kept(session, site) -> list:
    return site_submissions.for_project(session=session, user_id=site.user_id, project_id=site.id)


def test_a_site_has_an_origin_of_its_own_with_the_delivery_script(session, site, own_origins):
    host = {"Host": f"{site.published_slug}.localhost:3001"}
    assert publishing.site_url(site.published_slug) == f"http://{site.published_slug}.localhost:3001/"
    page = own_origins.get("/", headers=host)
    assert page.status_code == 200 and "<h1" in page.text
    assert "content-security-policy" not in page.headers  # forms and storage work as on any site
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.text.count('<script src="/_aw/forms.js" data-submit="/_aw/submit" defer></script></body>') == 1
    head = own_origins.head("/", headers=host)  # `curl -I` answers like GET
    assert head.status_code == 200 and head.headers["content-length"] == page.headers["content-length"]
    styles = own_origins.get("/styles.css", headers=host)
    assert styles.headers["content-type"].startswith("text/css") and "_aw/forms.js" not in styles.text
    script = own_origins.get("/_aw/forms.js", headers=host)
    assert script.headers["content-type"].startswith("text/javascript") and "data-aw-deliver" in script.text

    # Any other host name is nobody's site.
    for other in ("localhost:3001", "no-such-site.localhost:3001", f"{site.published_slug}.example.com"):
        assert own_origins.get("/", headers={"Host": other}).status_code == 404


def test_a_form_delivers_to_the_owner_and_bad_or_unpublished_submissions_change_nothing(session, site, own_origins):
    host = {"Host": f"{site.published_slug}.localhost:3001", "Content-Type": "text/plain"}
    sent = own_origins.post("/_aw/submit", content=json.dumps(MESSAGE), headers=host)
    assert sent.status_code == 200 and sent.json() == {"ok": True}
    assert [k.fields for k in _kept(session, site)] == [
        [("name", "Ada"), ("email", "ada@example.com"), ("message", "Hello")]
    ]

    bad = own_origins.post("/_aw/submit", content=b"{nope", headers=host)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_input"
    nobody = own_origins.post("/_aw/submit", content=json.dumps(MESSAGE), headers={"Host": "localhost:3001"})
    assert nobody.status_code == 404
    publishing.unpublish(session=session, user_id=site.user_id, project_id=site.id)
    gone = own_origins.post("/_aw/submit", content=json.dumps(MESSAGE), headers=host)
    assert gone.status_code == 404 and gone.json()["error"]["message"] == "This site is not published."
    assert own_origins.get("/", headers=host).status_code == 404
    session.expire_all()
    assert len(_kept(session, site)) == 1


def test_the_builders_sites_address_sends_visitors_to_the_sites_own_origin(session, site, own_origins):
    with TestClient(create_api(), base_url="http://testserver") as app:
        moved = app.get(f"/sites/{site.published_slug}/menu.html?table=4", follow_redirects=False)
        root = app.get(f"/sites/{site.published_slug}", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == f"http://{site.published_slug}.localhost:3001/menu.html?table=4"
    assert root.status_code == 307 and root.headers["location"] == f"http://{site.published_slug}.localhost:3001/"


def test_without_sites_url_the_site_is_sandboxed_on_the_builder_and_its_forms_still_deliver(session, site):
    slug = site.published_slug
    with TestClient(create_api(), base_url="http://testserver") as app:
        page = app.get(f"/sites/{slug}/")
        assert page.headers["content-security-policy"] == "sandbox allow-scripts allow-forms"
        tag = f'<script src="/sites/{slug}/_aw/forms.js" data-submit="/sites/{slug}/_aw/submit" defer></script>'
        assert tag in page.text
        assert app.get(f"/sites/{slug}/_aw/forms.js").headers["content-type"].startswith("text/javascript")
        # A sandboxed page's origin is opaque ("null"): the answer must be readable from any origin.
        sent = app.post(f"/sites/{slug}/_aw/submit", content=json.dumps(MESSAGE), headers={"Origin": "null"})
    assert sent.status_code == 200 and sent.headers["access-control-allow-origin"] == "*"
    assert len(_kept(session, site)) == 1


def test_the_owner_reads_them_through_the_api_as_json_and_csv(session, owner, site, own_origins, make_user):
    host = {"Host": f"{site.published_slug}.localhost:3001"}
    assert own_origins.post("/_aw/submit", content=json.dumps(MESSAGE), headers=host).status_code == 200
    _, stranger_token = make_user(email="stranger@example.com")
    with TestClient(create_api(), base_url="http://testserver") as app:
        mine = app.get(f"/api/v2/projects/{site.id}/submissions", headers={"Authorization": f"Bearer {owner[1]}"})
        table = app.get(f"/api/v2/projects/{site.id}/submissions.csv", headers={"Authorization": f"Bearer {owner[1]}"})
        theirs = app.get(
            f"/api/v2/projects/{site.id}/submissions", headers={"Authorization": f"Bearer {stranger_token}"}
        )
    (item,) = mine.json()["items"]
    assert (item["form"], item["page"]) == ("contact", "/contact.html")
    assert item["fields"] == [["name", "Ada"], ["email", "ada@example.com"], ["message", "Hello"]]
    assert table.headers["content-type"].startswith("text/csv")
    assert table.text.splitlines()[0] == "received,form,page,name,email,message"
    assert theirs.status_code == 404
