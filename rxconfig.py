"""Reflex configuration; every value comes from `autowebiq_app.core.config.Settings`."""

import reflex as rx
from reflex.plugins.sitemap import SitemapPlugin

from autowebiq_app.core.config import get_settings

settings = get_settings()

config = rx.Config(
    app_name="autowebiq_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    cors_allowed_origins=settings.cors_origins,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", radius="large"))],
    disable_plugins=[SitemapPlugin],
)
