"""What operators and load balancers ask: /api/health, /metrics, and the timing of every request."""

from __future__ import annotations

import time

from fastapi import APIRouter, FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST

from autowebiq_app import metrics
from autowebiq_app.api import health, schemas

router = APIRouter()


@router.get(
    "/api/health", tags=["health"], response_model=schemas.HealthOut, responses={503: {"model": schemas.HealthOut}}
)
async def get_health() -> JSONResponse:
    report = await health.check_all()
    return JSONResponse(report, status_code=200 if report["status"] != "unhealthy" else 503)


@router.get("/metrics", include_in_schema=False)
async def get_metrics() -> Response:
    """Every process's metrics in the Prometheus text format (see `autowebiq_app.metrics`)."""
    return Response(await run_in_threadpool(metrics.exposition), media_type=CONTENT_TYPE_LATEST)


def time_requests(api: FastAPI) -> None:
    """Count every request's latency by method, route and status in /metrics."""
    api.add_middleware(RequestTiming)


class RequestTiming:
    """The timing middleware, plain ASGI: Starlette's `BaseHTTPMiddleware` (`@app.middleware`)
    cost every request a task group and a memory stream, more than a build POST's own SQL."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500  # unless a response starts: an exception reaches the server's 500

        async def noting_status(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_status)
        finally:
            route = getattr(scope.get("route"), "path", "unmatched")  # the router notes it in the scope
            metrics.HTTP_LATENCY.labels(method=scope["method"], route=route, status=str(status)).observe(
                time.perf_counter() - started
            )
