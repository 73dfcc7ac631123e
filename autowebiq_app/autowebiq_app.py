"""The Reflex app: pages register themselves; the FastAPI app serves preview, API and health."""

import reflex as rx

import workers.builds  # noqa: F401  (registers the build queue the services send builds to)
from autowebiq_app.api.app import create_api
from autowebiq_app.api.limits import ApiPathGuard
from autowebiq_app.pages import (  # noqa: F401  (registers the pages)
    admin_monitor,
    auth,
    components_gallery,
    credits,
    dashboard,
    landing,
    not_found,
    templates_gallery,
    workspace,
)


class AutoWebIQApp(rx.App):
    """The Reflex app, with the API's path guard outermost: a path no router can match
    (control characters) must still get a JSON answer under /api/, not a bare text 404."""

    def __call__(self):
        return ApiPathGuard(super().__call__())


app = AutoWebIQApp(api_transformer=create_api())
