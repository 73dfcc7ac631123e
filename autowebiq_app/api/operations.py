"""What operators and load balancers ask: /api/health, /metrics, and the timing of every request."""

from __future__ import annotations

import time

from fastapi import APIRouter, FastAPI, Request
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

    @api.middleware("http")
    async def timed(request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        metrics.HTTP_LATENCY.labels(
            method=request.method, route=getattr(route, "path", "unmatched"), status=str(response.status_code)
        ).observe(time.perf_counter() - started)
        return response
