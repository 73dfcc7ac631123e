"""Chat edits of an app: a field, a page, a renamed entity, the currency, the home page's
words; only the files an edit touches change."""

from __future__ import annotations

import json

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine import edits
from autowebiq_app.engine.pipeline import EngineError, SilentReporter, build_site, edit_site
from autowebiq_app.engine.providers import OfflinePlanner

CATALOG = bundled_catalog()


@pytest.fixture(scope="module")
def crm():
    return build_site(
        "A CRM where users can add clients and log calls with them",
        reporter=SilentReporter(),
        catalog=CATALOG,
        planner=OfflinePlanner(),
    )


def edit(base, message: str):
    return edit_site(base.plan, message, reporter=SilentReporter(), catalog=CATALOG)


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def data(files):
    return json.loads(files["data.js"][len("window.AW_SPEC = ") : -2])


def test_a_new_field_changes_only_the_data(crm):
    out = edit(crm, "add a birthday field to clients")
    assert changed(crm.files, out.files) == {"data.js"}
    field = out.plan.app.entity("client").field("birthday")
    assert field.type == "date" and field.label == "Birthday"
    assert any(f["key"] == "birthday" for f in data(out.files)["entities"]["client"]["fields"])


def test_a_new_page_is_in_every_navigation(crm):
    out = edit(crm, "add a calendar page")
    assert out.files.keys() - crm.files.keys() == {"calendar.html"}
    for path, html in out.files.items():
        if path.endswith(".html"):
            assert 'href="calendar.html"' in html, path
    assert out.qa_report["score"] == 100


def test_renaming_an_entity_renames_its_page_and_keeps_its_records(crm):
    out = edit(crm, "rename clients to customers")
    assert [p.title for p in out.plan.app.pages][1] == "Customers"
    assert out.plan.app.entity("client").records == crm.plan.app.entity("client").records
    assert ">Customers<" in out.files["index.html"]


def test_currency_changes_only_the_data(crm):
    out = edit(crm, "show prices in euros")
    assert out.plan.app.facts.currency == "EUR"
    assert changed(crm.files, out.files) == {"data.js"}


def test_the_home_page_words_and_the_name(crm):
    out = edit(crm, "change the tagline to Calls made easy")
    assert "Calls made easy" in out.files["index.html"] and out.plan.app.facts.tagline == "Calls made easy"
    for message in ("rename the business to Ringwise", "rename it to Ringwise", "call it Ringwise"):
        renamed = edit(crm, message)
        assert renamed.plan.app.facts.name == "Ringwise" and "Ringwise" in renamed.files["clients.html"], message


def test_comments_are_turned_on_for_lists(crm):
    out = edit(crm, "add comments")
    uses = [u.config() for _, u in out.plan.app.features() if u.feature == "collection"]
    assert all(u.get("comments") for u in uses)
    assert "comments" in out.files["app.js"]


def test_an_edit_naming_what_the_app_lacks_says_what_it_has(crm):
    with pytest.raises(EngineError, match="clients"):
        edit(crm, "add a colour field to spaceships")


def test_spec_edits_are_understood_before_a_plan_is_read():
    ops = edits.read_edit("add a birthday field to clients", list(CATALOG.templates.values()))
    assert ops and ops[0].action == "spec" and ops[0].describe() == "birthday field added to clients"
