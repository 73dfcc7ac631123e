"""Dramatiq middleware: a worker refuses to start without being told where its services are."""

from __future__ import annotations

import dramatiq

from autowebiq_app.core.config import get_settings

REQUIRED = {"database_url": "DATABASE_URL", "redis_url": "REDIS_URL"}


class RequireExplicitServices(dramatiq.Middleware):
    """Without DATABASE_URL and REDIS_URL a worker would fall back to a local SQLite file and
    the local Redis, and take another deployment's jobs. `autowebiq run` always sets both."""

    def after_process_boot(self, broker) -> None:
        missing = [REQUIRED[name] for name in get_settings().unset(*REQUIRED)]
        if missing:
            raise SystemExit(
                f"refusing to start a build worker: set {' and '.join(missing)} "
                "(in the environment or .env), or start everything with `autowebiq run`"
            )
