"""`autowebiq health` and `autowebiq workers`: what an operator asks a running deployment."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request

import redis

EXIT_CODES = {"healthy": 0, "degraded": 1, "unhealthy": 2}
"""Like a monitoring plugin: 0 all up, 1 serving with something missing, 2 down."""


def health_report(url: str | None = None) -> dict:
    """The health report of every dependency: probed from this process, or asked of the app
    at `url` (an app that does not answer is `unhealthy`)."""
    if url is None:
        from autowebiq_app.api.health import check_all

        return asyncio.run(check_all())
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/api/health", timeout=5) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:  # 503 still carries the report
        try:
            return json.loads(exc.read())
        except ValueError:
            return {"status": "unhealthy", "error": f"{url} answered {exc.code}"}
    except (OSError, ValueError) as exc:
        return {"status": "unhealthy", "error": f"{url} did not answer: {exc}"}


def format_health(report: dict) -> str:
    lines = [f"AutoWebIQ: {report['status']}"]
    if "error" in report:
        lines.append(f"  {report['error']}")
    for name, state in report.get("databases", {}).items():
        lines.append(f"  {name:<12} {state}")
    services = report.get("services", {})
    if "redis" in services:
        lines.append(f"  {'redis':<12} {services['redis']}")
    if "dramatiq" in services:
        count = services.get("dramatiq_workers", 0)
        lines.append(f"  {'dramatiq':<12} {services['dramatiq']} ({count} live worker{'s' if count != 1 else ''})")
    return "\n".join(lines)


def health(*, url: str | None, as_json: bool) -> int:
    report = health_report(url)
    print(json.dumps(report, indent=2) if as_json else format_health(report), flush=True)
    return EXIT_CODES.get(report.get("status"), 2)


def workers_report() -> dict:
    """Live workers, what each is doing, and each queue's depth; raises redis.RedisError if
    the broker is unreachable."""
    from autowebiq_app.services import queue_stats, worker_heartbeats

    now = time.time()
    return {
        "workers": [
            {
                "worker": state.worker,
                "pid": state.pid,
                "up_seconds": round(now - state.started, 1),
                "last_beat_seconds_ago": round(now - state.last_beat, 1),
                "processed": state.processed,
                "active": [
                    {
                        "actor": task.actor,
                        "queue": task.queue,
                        "message_id": task.message_id,
                        "args": task.args,
                        "running_seconds": round(now - task.started, 1),
                    }
                    for task in state.active
                ],
            }
            for state in worker_heartbeats.live_worker_states()
        ],
        "queues": [depth.__dict__ for depth in queue_stats.queue_depths()],
    }


def format_workers(report: dict) -> str:
    workers = report["workers"]
    lines = [f"{len(workers)} live worker{'s' if len(workers) != 1 else ''}"]
    for worker in workers:
        doing = "; ".join(
            f"{task['actor']}({', '.join(map(str, task['args']))}) for {task['running_seconds']:.0f} s"
            for task in worker["active"]
        )
        lines.append(
            f"  {worker['worker']}  up {worker['up_seconds']:.0f} s, beat {worker['last_beat_seconds_ago']:.0f} s ago, "
            f"{worker['processed']} done, {doing or 'idle'}"
        )
    lines.append("queues:")
    for queue in report["queues"]:
        lines.append(
            f"  {queue['queue']:<8} {queue['waiting']} waiting, {queue['delayed']} delayed, {queue['dead']} dead-lettered"
        )
    return "\n".join(lines)


def workers(*, as_json: bool) -> int:
    """Print the live workers; 0 with at least one, 1 with none, 2 when the broker is unreachable."""
    try:
        report = workers_report()
    except redis.RedisError as exc:
        print(f"the broker's Redis is unreachable: {exc}", flush=True)
        return 2
    print(json.dumps(report, indent=2) if as_json else format_workers(report), flush=True)
    return 0 if report["workers"] else 1
