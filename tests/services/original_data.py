"""An original AutoWebIQ installation's MongoDB (in mongomock), with documents shaped as its
server wrote them: `/auth/register` and the Firebase sync (users), `/projects/create` and the
multi-agent build (projects), the chat (messages) and its credit manager (ledger)."""

from __future__ import annotations

import bcrypt
import mongomock

ADA_ID = "4f9c2d1e-7b3a-4c8e-9d21-5a6b7c8d9e0f"
GRACE_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
FIREBASE_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
SHOP_ID = "11111111-2222-4333-8444-555555555555"
ARCHIVED_ID = "66666666-7777-4888-9999-000000000000"
DRAFT_ID = "abcdefab-cdef-4abc-8def-abcdefabcdef"
ADA_PASSWORD = "lovelace-1815"
SHOP_HTML = "<!DOCTYPE html><html><head><title>Aurum</title></head><body><h1>Aurum</h1></body></html>"


def passlib_bcrypt(password: str, rounds: int = 12) -> str:
    """What passlib's CryptContext(schemes=["bcrypt"]) stored: `$2b$`, 12 rounds by default."""
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=rounds, prefix=b"2b")).decode()


def original_database(*, ada_credits: int = 35) -> mongomock.Database:
    db = mongomock.MongoClient(tz_aware=True)["autowebiq_db"]
    db.users.insert_many(
        [
            {
                "id": ADA_ID,
                "username": "Ada Lovelace",
                "email": "Ada@Example.com",
                "password_hash": passlib_bcrypt(ADA_PASSWORD),
                "credits": ada_credits,
                "created_at": "2025-10-01T09:00:00.123456+00:00",
            },
            {
                "id": GRACE_ID,
                "username": "grace",
                "email": "grace@example.com",
                "password_hash": passlib_bcrypt("hopper-1906", rounds=4),
                "credits": -15,
                "created_at": "2025-10-02T10:00:00+00:00",
            },
            {
                "id": FIREBASE_ID,
                "firebase_uid": "fb-uid-123",
                "username": "Fire Base",
                "email": "fire@example.com",
                "password_hash": "",
                "credits": 20,
                "initial_credits_granted": True,
                "picture": None,
                "auth_provider": "google",
                "created_at": "2025-10-03T11:00:00+00:00",
            },
            {"id": "broken-user", "username": "nobody", "email": "not-an-address", "credits": 5},
        ]
    )
    db.projects.insert_many(
        [
            {
                "id": SHOP_ID,
                "user_id": ADA_ID,
                "name": "Aurum shop",
                "description": "Jewellery",
                "generated_code": SHOP_HTML,
                "all_pages": {"index.html": SHOP_HTML, "about.html": "<h1>About</h1>", "../etc/passwd": "x"},
                "multipage": True,
                "model": "claude-4.5-sonnet-200k",
                "status": "completed",
                "created_at": "2025-10-05T08:00:00+00:00",
                "updated_at": "2025-10-06T08:00:00+00:00",
            },
            {
                "id": ARCHIVED_ID,
                "user_id": ADA_ID,
                "name": "Old idea",
                "description": "",
                "generated_code": "",
                "model": "gpt-5",
                "status": "archived",
                "created_at": "2025-10-05T09:00:00+00:00",
                "updated_at": "2025-10-07T09:00:00+00:00",
            },
            {
                "id": DRAFT_ID,
                "user_id": GRACE_ID,
                "name": "  Compiler\tdocs  ",
                "description": "Notes",
                "generated_code": "",
                "model": "claude-4.5-sonnet-200k",
                "status": "active",
                "created_at": "2025-10-08T09:00:00+00:00",
                "updated_at": "2025-10-08T09:00:00+00:00",
            },
            {"id": "orphan-project", "user_id": "nobody-here", "name": "Orphan", "description": ""},
        ]
    )
    db.messages.insert_many(
        [
            {
                "id": "m1",
                "project_id": SHOP_ID,
                "role": "system",
                "content": "Project created: Aurum shop. Jewellery",
                "credits_used": 0,
                "created_at": "2025-10-05T08:00:00+00:00",
            },
            {
                "id": "m2",
                "project_id": SHOP_ID,
                "role": "user",
                "content": "Build a jewellery shop called Aurum",
                "images": [],
                "created_at": "2025-10-05T08:01:00+00:00",
            },
            {
                "id": "m3",
                "project_id": SHOP_ID,
                "role": "assistant",
                "content": "✅ Multi-page website generated successfully! 🎉",
                "created_at": "2025-10-05T08:02:00+00:00",
            },
            {"id": "m4", "project_id": "gone", "role": "user", "content": "lost", "created_at": "2025-10-05"},
        ]
    )
    db.credit_transactions.insert_many(
        [
            {
                "id": "bonus_20251001090000_4f9c2d1e",
                "user_id": ADA_ID,
                "type": "signup_bonus",
                "amount": 20,
                "status": "completed",
                "created_at": "2025-10-01T09:00:01+00:00",
            },
            {
                "id": "txn_20251005080100_4f9c2d1e",
                "user_id": ADA_ID,
                "type": "deduction",
                "amount": -40,
                "operation": "multi_agent_build",
                "status": "completed",
                "metadata": {"project_id": SHOP_ID},
                "created_at": "2025-10-05T08:01:00+00:00",
            },
            {
                # The original's ids repeat within a second; Mongo's _id tells them apart.
                "id": "txn_20251005080100_4f9c2d1e",
                "user_id": ADA_ID,
                "transaction_type": "refund",
                "amount": 10,
                "reason": "Partial refund for multi_agent_build",
                "status": "completed",
                "created_at": "2025-10-05T08:03:00+00:00",
            },
            {"id": "weird", "user_id": ADA_ID, "type": "deduction", "amount": "lots", "created_at": "2025-10-06"},
            {"id": "stray", "user_id": "nobody-here", "type": "deduction", "amount": -5},
        ]
    )
    return db
