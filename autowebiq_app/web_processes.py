"""The Reflex backend's processes behind the one port (WEB_PROCESSES), as rxconfig sets them up.

Reflex serves the backend with Granian, `GRANIAN_WORKERS` processes of it. Granian stops the
whole server when one of its processes dies, unless told to start a new one, and Reflex does
not pass that option: `respawn_failed_workers` makes a killed process come back while the
others keep serving (the browsers' state is in Redis, so any process can take any browser).
"""

from __future__ import annotations

import os

from autowebiq_app.core.config import Settings


def configure(settings: Settings) -> None:
    """Set the number of processes and have Granian replace one that dies."""
    os.environ.setdefault("GRANIAN_WORKERS", str(settings.web_processes))
    _respawn_failed_workers()


def _respawn_failed_workers() -> None:
    try:
        from granian.server.common import AbstractServer
    except ImportError:  # Reflex serving with something else
        return
    original = AbstractServer.__init__
    if getattr(original, "respawns", False):
        return

    def init(self, *args, **kwargs):
        kwargs.setdefault("respawn_failed_workers", True)
        original(self, *args, **kwargs)

    init.respawns = True
    AbstractServer.__init__ = init
