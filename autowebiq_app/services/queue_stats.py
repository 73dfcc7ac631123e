"""How many messages wait in each Dramatiq queue, read from the broker's Redis keys.

The Redis broker keeps a queue's waiting message ids in the list `{ns}:{queue}`, delayed
ones (retries, `send_with_options(delay=…)`) in `{ns}:{queue}.DQ`, and dead-lettered ones in
the sorted set `{ns}:{queue}.XQ`.
"""

from __future__ import annotations

from dataclasses import dataclass

from autowebiq_app.core.config import BROKER_NAMESPACE
from autowebiq_app.services import worker_heartbeats

QUEUES = ("builds", "images", "default")


@dataclass(frozen=True)
class QueueDepth:
    queue: str
    waiting: int
    delayed: int
    dead: int


def queue_depths(queues: tuple[str, ...] = QUEUES) -> list[QueueDepth]:
    """Each queue's waiting, delayed and dead-lettered counts; raises redis.RedisError if the
    broker is unreachable."""
    pipe = worker_heartbeats.client().pipeline(transaction=False)
    for queue in queues:
        key = f"{BROKER_NAMESPACE}:{queue}"
        pipe.llen(key)
        pipe.llen(f"{key}.DQ")
        pipe.zcard(f"{key}.XQ")
    counts = pipe.execute()
    return [QueueDepth(queue, *counts[i * 3 : i * 3 + 3]) for i, queue in enumerate(queues)]
