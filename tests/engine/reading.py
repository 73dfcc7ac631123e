"""What the offline reader makes of a prompt, for the tests of reading: the app spec, read
over the bundled catalog (a prompt that yields none fails the test that asked)."""

from __future__ import annotations

from autowebiq_app.catalog.app_spec import AppSpec
from autowebiq_app.catalog.files import bundled_catalog
from autowebiq_app.engine.app_reader import read_app
from autowebiq_app.engine.brief import read_brief

CATALOG = bundled_catalog()


def spec(prompt: str) -> AppSpec:
    found = read_app(read_brief(prompt), CATALOG.domains, CATALOG.features)
    assert found is not None, prompt
    return found
