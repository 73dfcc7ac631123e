"""How long each agent took on a build, from its event stream: an agent's time runs from its
first event to the next agent's first event (the last one's to the end). Stored on the build
when it succeeds; the monitor shows p50/p95 per agent."""

from __future__ import annotations

from collections.abc import Iterable

from autowebiq_app.events import BuildEvent

AGENTS = ("planner", "image", "frontend", "qa")


def spans(events: Iterable[BuildEvent], *, end: float) -> dict[str, int]:
    """Milliseconds per agent, in the order the agents first spoke; agents that never spoke
    (or a stream without timestamps) are left out."""
    starts: dict[str, float] = {}
    for event in events:
        if event.agent in AGENTS and event.ts and event.agent not in starts:
            starts[event.agent] = event.ts
    ordered = sorted(starts.items(), key=lambda item: item[1])
    bounds = [ts for _, ts in ordered[1:]] + [end]
    return {agent: max(0, round((until - since) * 1000)) for (agent, since), until in zip(ordered, bounds)}
