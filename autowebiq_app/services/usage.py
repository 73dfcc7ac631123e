"""Tokens the models used: recorded on each build, summed per user.

Credits stay the documented fixed costs (BUILD_COST, EDIT_COST); tokens are shown beside
them so a user sees what their builds asked of the model.
"""

from __future__ import annotations

from typing import TypedDict

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from autowebiq_app.models import Build


class TokenUsage(TypedDict):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    model: str


class ModelTotals(TypedDict):
    model: str
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    builds: int


class TokenTotals(TypedDict):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    builds: int
    by_model: list[ModelTotals]


def of_planner(planner: object) -> dict | None:
    """What a model planner used (`ModelPlanner.usage`); None if no request reached a model."""
    used = getattr(planner, "usage", None)
    return used if used and used.get("requests") else None


def record(*, session: Session, build_id: str, used: dict | None) -> TokenUsage | None:
    """Add one run's tokens (`of_planner`) to the build and return the build's totals; commits.

    Added, not set: a redelivered build runs the model again and both runs used tokens.
    """
    if used is None:
        build = session.get(Build, build_id, populate_existing=True)
        return of_build(build) if build else None
    session.execute(
        update(Build)
        .where(col(Build.id) == build_id)
        .values(
            prompt_tokens=func.coalesce(Build.prompt_tokens, 0) + int(used.get("prompt_tokens", 0)),
            completion_tokens=func.coalesce(Build.completion_tokens, 0) + int(used.get("completion_tokens", 0)),
            total_tokens=func.coalesce(Build.total_tokens, 0) + int(used.get("total_tokens", 0)),
            llm_model=str(used.get("model") or "")[:120] or None,
        )
    )
    session.commit()
    return of_build(session.get(Build, build_id, populate_existing=True))


def of_build(build: Build) -> TokenUsage | None:
    """The tokens recorded on a build; None when no model was used."""
    if build.total_tokens is None:
        return None
    return TokenUsage(
        prompt_tokens=build.prompt_tokens or 0,
        completion_tokens=build.completion_tokens or 0,
        total_tokens=build.total_tokens,
        model=build.llm_model or "",
    )


def of_builds(*, session: Session, build_ids: list[str]) -> dict[str, TokenUsage]:
    """The tokens recorded on each of these builds that used a model, by build id."""
    if not build_ids:
        return {}
    rows = session.exec(select(Build).where(col(Build.id).in_(build_ids), col(Build.total_tokens).is_not(None)))
    return {build.id: of_build(build) for build in rows}


def totals(*, session: Session, user_id: str) -> TokenTotals:
    """The user's tokens over all their builds, overall and per model (most used first)."""
    rows = session.exec(
        select(
            Build.llm_model,
            func.sum(Build.prompt_tokens),
            func.sum(Build.completion_tokens),
            func.sum(Build.total_tokens),
            func.count(),
        )
        .where(Build.user_id == user_id, col(Build.total_tokens).is_not(None))
        .group_by(Build.llm_model)
    ).all()
    by_model = sorted(
        (
            ModelTotals(
                model=model or "",
                prompt_tokens=int(prompt or 0),
                completion_tokens=int(completion or 0),
                total_tokens=int(total or 0),
                builds=int(count),
            )
            for model, prompt, completion, total, count in rows
        ),
        key=lambda m: (-m["total_tokens"], m["model"]),
    )
    return TokenTotals(
        prompt_tokens=sum(m["prompt_tokens"] for m in by_model),
        completion_tokens=sum(m["completion_tokens"] for m in by_model),
        total_tokens=sum(m["total_tokens"] for m in by_model),
        builds=sum(m["builds"] for m in by_model),
        by_model=by_model,
    )


def describe(used: TokenUsage | None) -> str:
    """The tokens in words ("1,234 tokens (gpt-4o-mini)"), or "" when no model was used."""
    if used is None:
        return ""
    return f"{used['total_tokens']:,} tokens" + (f" ({used['model']})" if used["model"] else "")
