"""The smaller faults: body size on a chunked upload, a build the queue refuses, a worker
started without settings, the password rule."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import redis

from autowebiq_app.errors import WeakPassword
from autowebiq_app.services import accounts, worker_heartbeats
from tests.helpers import ROOT


def test_a_chunked_oversize_body_is_413(api, sign_up):
    headers = {**sign_up(), "content-type": "application/json"}

    def chunks():
        yield b'{"name": "'
        for _ in range(40):
            yield b"x" * 8192
        yield b'"}'

    response = api.post("/api/v2/projects", content=chunks(), headers=headers)
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "payload_too_large"


def test_a_build_the_queue_refuses_is_503_and_refunded(api, sign_up, monkeypatch):
    from workers import builds as build_actors

    def queue_down(build_id: str) -> str:
        raise redis.ConnectionError("the broker is down")

    monkeypatch.setattr(build_actors, "enqueue_build", queue_down)
    worker_heartbeats.beat("queue-test:0")  # a worker is alive; the queue itself refuses
    try:
        headers = sign_up()
        project = api.post("/api/v2/projects", json={"name": "Queue down"}, headers=headers).json()
        response = api.post(f"/api/v2/projects/{project['id']}/build", json={"prompt": "A cafe"}, headers=headers)
    finally:
        worker_heartbeats.forget("queue-test:0")
    assert response.status_code == 503 and int(response.headers["retry-after"]) > 0, response.text
    assert response.json()["error"]["code"] == "queue_unavailable"
    assert api.get("/api/v2/user/credits", headers=headers).json()["balance"] == 100


def test_a_worker_started_without_database_and_redis_settings_refuses_to_start(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "BROKER_URL")}
    env["PYTHONPATH"] = str(ROOT)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "dramatiq", "workers.builds", "--processes", "1", "--threads", "1"],
            cwd=tmp_path,  # no .env here
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the worker started (and would take jobs from the local Redis)")
    assert result.returncode != 0
    assert "DATABASE_URL and REDIS_URL" in result.stdout + result.stderr


@pytest.mark.parametrize("password", ["password1", "Password1", "qwerty123", "12345678"])
def test_the_most_used_passwords_are_refused(password):
    with pytest.raises(WeakPassword):
        accounts.check_password_strength(password)


@pytest.mark.parametrize("password", ["сложныйпароль", "長いパスワードです", "correct horse battery"])
def test_a_long_password_in_any_script_is_accepted(password):
    accounts.check_password_strength(password)


def test_the_launcher_stores_a_random_secret_key_once(tmp_path, monkeypatch):
    from autowebiq_app.cli import ensure_secret_key

    monkeypatch.delenv("SECRET_KEY", raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text("PUBLIC_URL=http://localhost:3000")
    assert ensure_secret_key(env_file) is True
    key = os.environ["SECRET_KEY"]
    assert len(key) >= 32 and f"SECRET_KEY={key}" in env_file.read_text().splitlines()
    assert "PUBLIC_URL=http://localhost:3000" in env_file.read_text().splitlines()

    monkeypatch.delenv("SECRET_KEY")
    assert ensure_secret_key(env_file) is False  # the next run keeps it
    assert os.environ["SECRET_KEY"] == key and env_file.read_text().count("SECRET_KEY=") == 1


def test_the_default_secret_key_is_warned_about_at_start(settings_override, caplog):
    from autowebiq_app.api.app import create_api
    from autowebiq_app.core.config import DEFAULT_SECRET_KEY

    settings_override(SECRET_KEY=DEFAULT_SECRET_KEY)
    create_api()
    assert any("INSECURE: SECRET_KEY" in record.getMessage() for record in caplog.records)
