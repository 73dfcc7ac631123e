"""The queue the services send builds to, registered by the workers' package when it is
imported (`workers.builds`), so the services, pages and API never import the workers.

The app's entry point (`autowebiq_app.py`) and the CLI import `workers.builds` once; a
service asked to queue a build with nothing registered says so instead of guessing.
"""

from __future__ import annotations

from typing import Protocol


class BuildQueue(Protocol):
    """The build queue as the services see it."""

    def send(self, build_id: str) -> str:
        """Send the build's first step; returns the task id."""

    def holds(self, build_id: str) -> bool:
        """Whether the build's latest step is still in the broker (waiting, delayed, or being
        worked on)."""

    def ready(self) -> bool:
        """Whether a live worker would pick the job up."""


_registered: BuildQueue | None = None


def register(queue: BuildQueue) -> None:
    global _registered
    _registered = queue


def registered() -> BuildQueue:
    if _registered is None:
        raise RuntimeError("No build queue is registered: import workers.builds first (the app's entry point does).")
    return _registered
