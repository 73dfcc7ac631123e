"""The broker's idle consumers look for new messages at least every WORKER_POLL_MS, so a
build's next step is noticed at once (bench.build_time shows the effect)."""

from __future__ import annotations

from workers.broker import broker


def test_idle_consumers_poll_at_least_every_worker_poll_ms(settings_override):
    settings_override(WORKER_POLL_MS="40")
    consumer = broker.consume("builds", prefetch=1, timeout=1000)  # Dramatiq's worker asks for 1 s
    try:
        assert consumer.timeout == 40
    finally:
        consumer.close()
    settings_override(WORKER_POLL_MS="5000")
    consumer = broker.consume("builds", prefetch=1, timeout=1000)
    try:
        assert consumer.timeout == 1000  # never longer than what the worker asked for
    finally:
        consumer.close()
