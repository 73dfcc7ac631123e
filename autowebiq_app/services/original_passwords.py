"""Password hashes imported from the original AutoWebIQ: bcrypt, as its passlib wrote them.

They are only verified here; the first successful sign-in replaces them with argon2
(`accounts.authenticate`).
"""

from __future__ import annotations

import bcrypt

BCRYPT_PREFIXES = ("$2a$", "$2b$", "$2y$")
BCRYPT_MAX_BYTES = 72  # passlib's bcrypt silently used only the first 72 bytes


def is_original_hash(stored_hash: str | None) -> bool:
    return bool(stored_hash) and stored_hash.startswith(BCRYPT_PREFIXES)


def verify(stored_hash: str, password: str) -> bool:
    """Whether `password` matches the bcrypt hash; False for a malformed hash."""
    try:
        return bcrypt.checkpw(password.encode("utf-8")[:BCRYPT_MAX_BYTES], stored_hash.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return False
