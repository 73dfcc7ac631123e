"""Schemathesis (all checks) against the running API: no server errors, no schema violations."""

from __future__ import annotations

import subprocess
import sys
import uuid

import httpx
import pytest

from tests.helpers import ROOT, start_app

CONFIG = ROOT / "tests/api/schemathesis.toml"


@pytest.fixture(scope="module")
def running_app(tmp_path_factory):
    # Generated traffic is heavy: lift the per-caller rate limit for this module only.
    with start_app(tmp_path_factory.mktemp("schemathesis-app"), API_REQUESTS_PER_MINUTE="1000000") as app:
        yield app


@pytest.fixture(scope="module")
def app_url(running_app) -> str:
    return running_app.url


def test_schemathesis_finds_no_server_errors_or_schema_violations(app_url, tmp_path):
    email = f"st-{uuid.uuid4().hex[:8]}@example.com"
    token = httpx.post(f"{app_url}/api/auth/register", json={"email": email, "password": "schema-pass-1"}).json()[
        "access_token"
    ]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(CONFIG),
            "run",
            f"{app_url}/api/openapi.json",
            "--checks",
            "all",
            "--header",
            f"Authorization: Bearer {token}",
            "--max-examples",
            "25",
            "--workers",
            "1",
            "--phases",
            "examples,coverage,fuzzing",
            "--seed",
            "20261129",
            "--suppress-health-check",
            "too_slow",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = result.stdout[-6000:] + result.stderr[-2000:]
    (tmp_path / "schemathesis.txt").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, report
