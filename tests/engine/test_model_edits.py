"""Free-form chat edits: a message the rule reader does not understand goes to the model as a
patch of the plan (or a rewrite of a custom feature's module); files the edit did not touch
stay byte for byte the same, and the chat names the files that changed."""

from __future__ import annotations

import json

import pytest

from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine import browser, edits
from autowebiq_app.engine.pipeline import EngineError, build_site, edit_site
from autowebiq_app.engine.providers import OfflinePlanner, OpenAIPlanner
from autowebiq_app.models import Build, BuildKind, BuildStatus
from autowebiq_app.services import credits, projects, versions
from tests.engine.test_custom_features import CSS, WORKING, WRONG_TOTAL, module, spec_with_dice
from tests.engine.test_custom_features import PROMPT as DICE_PROMPT
from tests.engine.test_providers import Recorder
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.helpers import run_build_now

CATALOG = bundled_catalog()
PROMPT = "A CRM for Harbour Roofing in Leeds where we add clients and log calls with them, prices in euros"
MESSAGE = "Tell people on the clients page that we only take jobs within 20 miles of Leeds"
INTRO = "We only take jobs within 20 miles of Leeds."


def patch(*operations: dict, summary: str = "The clients page now says you work within 20 miles of Leeds.") -> str:
    return json.dumps({"summary": summary, "patch": list(operations)})


INTRO_PATCH = {"op": "replace", "path": "/app/pages/1/intro", "value": INTRO}


@pytest.fixture
def server():
    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture(scope="module")
def base():
    return build_site(PROMPT, reporter=Recorder(), catalog=CATALOG, planner=OfflinePlanner())


def planner(server):
    return OpenAIPlanner(base_url=server.base_url, api_key="sk-test", model="fake-model", spec_max_tokens=8000)


def test_the_rules_do_not_understand_the_message_so_without_a_model_it_is_answered_with_help(base):
    assert edits.read_edit(MESSAGE, list(CATALOG.templates.values())) is None
    with pytest.raises(EngineError, match="I can change the site by chat"):
        edit_site(base.plan, MESSAGE, reporter=Recorder(), catalog=CATALOG, planner=OfflinePlanner())


def test_a_free_form_edit_changes_only_the_files_it_touches(server, base):
    server.script(Reply(patch(INTRO_PATCH)))
    old = base.plan.app.pages[1].intro
    editor = planner(server)
    out = edit_site(base.plan, MESSAGE, reporter=Recorder(), catalog=CATALOG, planner=editor, base_files=base.files)

    assert out.plan.app.pages[1].intro == INTRO
    changed = {path for path in out.files if out.files[path] != base.files[path]}
    assert changed == {"clients.html", "index.html"}  # the clients page, and the home page that opens with it
    for path in changed:  # and in them, nothing but the intro
        assert out.files[path].replace(INTRO, old) == base.files[path]
    assert set(out.files) == set(base.files)
    assert "Changed 2 of 11 files (clients.html, index.html)." in out.summary
    assert "now says you work within 20 miles" in out.summary
    assert editor.usage["total_tokens"] > 0 and editor.usage["model"] == "fake-model"
    sent = json.loads(server.requests[0]["messages"][1]["content"].split("\n", 1)[1].rsplit("\n\nRequest:", 1)[0])
    assert sent["app"]["pages"][1]["intro"] == old and "images" not in sent and "seed" not in sent


def test_a_patch_that_cannot_be_applied_goes_back_to_the_model_with_why(server, base):
    server.script(
        Reply(patch({"op": "replace", "path": "/template", "value": "dashboard-app"})),
        Reply(patch({"op": "replace", "path": "/app/pages/9/intro", "value": INTRO})),
        Reply(patch({"op": "add", "path": "/app/pages/1/features/-", "value": {"feature": "teleporter"}})),
        Reply(patch(INTRO_PATCH)),
    )
    with pytest.raises(EngineError, match="did not return a usable change after 3 attempts: .*teleporter"):
        edit_site(base.plan, MESSAGE, reporter=Recorder(), catalog=CATALOG, planner=planner(server))
    said = [r["messages"][-1]["content"] for r in server.requests[1:]]
    assert "'/template' cannot be changed" in said[0]
    assert "'/app/pages/9/intro' does not exist" in said[1]
    assert len(server.requests) == 3


def test_a_patch_making_an_invalid_plan_is_refused_with_the_reason(server, base):
    server.script(
        Reply(patch({"op": "replace", "path": "/app/pages/0/slug", "value": "start"})),
        Reply(patch({"op": "replace", "path": "/app/custom_features", "value": []}, INTRO_PATCH)),
    )
    out = edit_site(base.plan, MESSAGE, reporter=Recorder(), catalog=CATALOG, planner=planner(server))
    assert "pages start with 'home'" in server.requests[1]["messages"][-1]["content"]
    assert out.plan.app.pages[1].intro == INTRO


@pytest.mark.browser
def test_a_rewritten_module_is_proven_again_and_repaired_before_it_ships(server):
    server.script(Reply(json.dumps(spec_with_dice())), Reply(module(WORKING)))
    first = build_site(
        DICE_PROMPT, reporter=Recorder(), catalog=CATALOG, planner=planner(server), browser=browser.run_selftests
    )
    assert first.plan.app.custom_features[0].verified
    rewrite = {"op": "replace", "path": "/app/custom_features/0/js", "value": WRONG_TOTAL}
    server.script(Reply(patch(rewrite, summary="The dice roller shows the first die.")), Reply(module(WORKING)))
    out = edit_site(
        first.plan,
        "Make the dice roller shorter",
        reporter=Recorder(),
        catalog=CATALOG,
        planner=planner(server),
        browser=browser.run_selftests,
        base_files=first.files,
    )

    assert "the total is the sum of the dice" in server.requests[-1]["messages"][-1]["content"]
    dice = out.plan.app.custom_features[0]
    assert dice.verified and dice.js == WORKING and dice.css == CSS
    assert out.files == first.files and "No file changed." in out.summary


@pytest.fixture
def model_project(session, make_user, settings_override):
    """A project with a version built offline, whose later messages go to the fake model."""
    user, _ = make_user()
    project = projects.create_project(session=session, user_id=user.id, name="Harbour")
    run_build_now(session, project, PROMPT)
    with FakeOpenAI() as fake:
        settings_override(
            LLM_PROVIDER="openai", LLM_BASE_URL=fake.base_url, LLM_MODEL="fake-model", LLM_SPEC_MAX_TOKENS="8000"
        )
        yield fake, project


def test_a_message_the_rules_do_not_understand_becomes_a_model_edit_of_the_latest_version(session, model_project):
    fake, project = model_project
    fake.script(Reply(patch(INTRO_PATCH)))
    before = versions.latest_version(session=session, project_id=project.id)
    build = run_build_now(session, project, MESSAGE)

    assert build.kind == BuildKind.EDIT and build.status == BuildStatus.SUCCEEDED, build.error
    after = versions.latest_version(session=session, project_id=project.id)
    assert after.number == before.number + 1
    untouched = set(before.files) - {"clients.html", "index.html"}
    assert all(after.files[path] == before.files[path] for path in untouched)
    answer = projects.list_messages(session=session, user_id=project.user_id, project_id=project.id)[-1].content
    assert "Changed 2 of 11 files (clients.html, index.html)." in answer
    spent = 100 - credits.balance(session=session, user_id=project.user_id)
    assert spent == build.cost + session.get(Build, before.build_id).cost  # the fixed costs, tokens or not
