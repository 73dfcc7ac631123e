"""Reflex configuration; every value comes from `autowebiq_app.core.config.Settings`."""

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

from autowebiq_app import web_processes
from autowebiq_app.core.config import get_settings

settings = get_settings()
web_processes.configure(settings)  # WEB_PROCESSES behind the one port, a dead one replaced

config = rx.Config(
    app_name="autowebiq_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    cors_allowed_origins=settings.cors_origins,
    redis_url=settings.reflex_state_redis_url,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", radius="large"))],
    disable_plugins=[SitemapPlugin],
)
