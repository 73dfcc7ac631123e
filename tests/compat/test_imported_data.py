"""Data imported from the original AutoWebIQ's MongoDB, used through the running app as its
clients would: the same password, the same dashed project ids, the same balance."""

from __future__ import annotations

import pytest

from autowebiq_app.core.db import session_scope
from autowebiq_app.services.import_original import import_original
from tests.compat.original_client import bearer, wait_for_status
from tests.services import original_data as original

pytestmark = pytest.mark.worker


@pytest.fixture
def imported():
    with session_scope() as session:
        return import_original(session=session, mongo=original.original_database())


def _sign_in(http, email: str, password: str):
    return http.post("/api/auth/login", json={"email": email, "password": password})


def test_an_imported_user_signs_in_with_the_original_password_and_finds_everything(http, imported):
    assert _sign_in(http, "ada@example.com", "not-her-password").status_code == 401
    login = _sign_in(http, "Ada@Example.com", original.ADA_PASSWORD)
    assert login.status_code == 200, login.text
    user = login.json()["user"]
    assert user["id"] == original.ADA_ID.replace("-", "") and user["username"] == "Ada Lovelace"
    assert user["credits"] == 35
    headers = bearer(login.json()["access_token"])

    shop = http.get(f"/api/projects/{original.SHOP_ID}", headers=headers)
    assert shop.status_code == 200, shop.text
    assert shop.json()["generated_code"] == original.SHOP_HTML and shop.json()["status"] == "completed"
    assert [p["name"] for p in http.get("/api/projects", headers=headers).json()["projects"]] == ["Aurum shop"]
    assert http.get(f"/api/projects/{original.ARCHIVED_ID}", headers=headers).status_code == 404
    page = http.get(f"/api/v2/projects/{original.SHOP_ID}/versions/1/files/about.html", headers=headers)
    assert page.status_code == 200 and page.text == "<h1>About</h1>"

    history = http.get("/api/v2/credits/history", headers=headers).json()
    assert history["current_balance"] == 35 == sum(row["amount"] for row in history["items"])
    assert [t["transaction_type"] for t in history["transactions"]] == [
        "adjustment",
        "refund",
        "deduction",
        "signup_bonus",
    ]
    assert http.get("/api/v2/stats", headers=headers).json()["credits_spent"] == 30

    # The first sign-in replaced the bcrypt hash; the password still works.
    assert _sign_in(http, "ada@example.com", original.ADA_PASSWORD).status_code == 200


def test_an_imported_project_builds_on(http, imported):
    login = _sign_in(http, "ada@example.com", original.ADA_PASSWORD).json()
    headers = bearer(login["access_token"])
    started = http.post(
        f"/api/v2/projects/{original.SHOP_ID}/build",
        json={"prompt": "Build a jewellery shop called Aurum", "uploaded_images": []},
        headers=headers,
    )
    assert started.status_code == 200, started.text
    assert started.json()["kind"] == "create" and started.json()["cost"] == 10
    status = wait_for_status(http, headers, original.SHOP_ID, started.json()["task_id"])
    assert status["status"] == "SUCCESS" and status["version"] == 2
    assert http.get("/api/credits/balance", headers=headers).json()["credits"] == 25
