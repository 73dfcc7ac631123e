"""Text a person types: no NUL or control characters reach storage; names made into URL slugs."""

from __future__ import annotations

import re
import unicodedata

from autowebiq_app.errors import ValidationFailed

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f]")


def reject_control_characters(value: str, *, field: str, multiline: bool = False) -> str:
    """`value` unchanged, or ValidationFailed naming the field (PostgreSQL refuses NUL anyway)."""
    pattern = _CONTROL if multiline else _CONTROL_OR_NEWLINE
    if pattern.search(value or ""):
        raise ValidationFailed(f"The {field} contains characters that cannot be stored.")
    return value


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60] or "site"
