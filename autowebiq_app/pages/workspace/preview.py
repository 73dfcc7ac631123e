"""The workspace's preview: which version it shows, at which width, reloaded on demand. Both
the workspace (its latest version) and the Versions tab (a version viewed or restored) point
it, so neither of their states needs the other's."""

from __future__ import annotations

import reflex as rx

from autowebiq_app import routes
from autowebiq_app.services import preview_links


class PreviewState(rx.State):
    url: str = ""
    device: str = "desktop"
    """The preview's width: phone, tablet or desktop."""
    reloads: int = 0

    def show(self, version_id: str | None) -> None:
        """Show a version (none: nothing to show yet)."""
        self.url = routes.preview(preview_links.sign(version_id)) if version_id else ""

    @rx.event
    def set_device(self, device: str | list[str]):
        self.device = device if isinstance(device, str) else "desktop"

    @rx.event
    def reload(self):
        self.reloads += 1
