"""Ids in paths: ours (32 hex digits) or the original AutoWebIQ's dashed UUIDs, which name
the same rows (its ids were imported as their hex digits)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import AfterValidator

from autowebiq_app.models import canonical_id

ID_PATTERN = r"^([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"


def _canonical(value: str) -> str:
    return canonical_id(value) or value


ProjectId = Annotated[
    str,
    Path(pattern=ID_PATTERN, description="the project's id (32 hex digits, or as a dashed UUID)"),
    AfterValidator(_canonical),
]
