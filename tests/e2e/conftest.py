"""Browser tests share one running app (Reflex prod, single port) plus a real worker."""

from __future__ import annotations

from tests.helpers import package_app_fixtures

running_app, app_url = package_app_fixtures()
