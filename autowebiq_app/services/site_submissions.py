"""What visitors send through the forms of published sites, kept for each site's owner.

A published site's forms that collect something for the owner (a message, a booking, a
subscription: the forms marked `data-aw-deliver`) post it here as well as keeping it in the
visitor's browser. Each submission is checked (size, field count, a spam trap), limited per
visitor, capped per site, and shown to the owner in the workspace's Data tab and as CSV.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, func, select

from autowebiq_app.core.config import get_settings
from autowebiq_app.errors import Conflict, SiteNotPublished, ValidationFailed
from autowebiq_app.models import Project, SiteSubmission
from autowebiq_app.services import projects, throttle

MAX_BODY_BYTES = 16 * 1024
MAX_FIELDS = 30
MAX_NAME_CHARS = 60
MAX_VALUE_CHARS = 5000
TRAP_FIELD = "aw_hp"
"""A field hidden from people (the delivery script adds it to each form): a bot that fills
it in gets the same answer as anyone and nothing is kept."""
_NAME = re.compile(r"^[A-Za-z0-9_.:\-\[\] ]{1,60}$")


@dataclass(frozen=True)
class Submission:
    id: str
    form: str
    page: str
    fields: list[tuple[str, str]]
    created_at: datetime


def parse(body: bytes) -> tuple[str, str, list[tuple[str, str]], bool]:
    """The form name, page, fields (in order) and whether the spam trap was filled, from the
    delivery script's JSON body; ValidationFailed for anything else."""
    if len(body) > MAX_BODY_BYTES:
        raise ValidationFailed(f"A form submission is limited to {MAX_BODY_BYTES // 1024} KB.")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise ValidationFailed("The submission is not JSON.") from None
    if not isinstance(data, dict):
        raise ValidationFailed("The submission is not a JSON object.")
    form, page, pairs = data.get("form"), data.get("page", "/"), data.get("fields")
    if not isinstance(form, str) or not _NAME.match(form):
        raise ValidationFailed("The form needs a name of letters, digits and dashes.")
    if not isinstance(page, str) or len(page) > 200:
        raise ValidationFailed("The page is not a path.")
    if not isinstance(pairs, list) or not pairs:
        raise ValidationFailed("The submission has no fields.")
    if len(pairs) > MAX_FIELDS + 1:
        raise ValidationFailed(f"A form may send at most {MAX_FIELDS} fields.")
    fields: list[tuple[str, str]] = []
    trapped = False
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)):
            raise ValidationFailed("Each field is a [name, value] pair of strings.")
        name, value = pair
        if name == TRAP_FIELD:
            trapped = trapped or value != ""
            continue
        if not _NAME.match(name):
            raise ValidationFailed(f"A field name is letters, digits and dashes (at most {MAX_NAME_CHARS}).")
        if len(value) > MAX_VALUE_CHARS:
            raise ValidationFailed(f"The field {name} is longer than {MAX_VALUE_CHARS} characters.")
        fields.append((name, value))
    if not fields or len(fields) > MAX_FIELDS:
        raise ValidationFailed(f"A form sends between 1 and {MAX_FIELDS} fields.")
    return form, page, fields, trapped


def receive(*, session: Session, slug: str, body: bytes, client_ip: str) -> bool:
    """Keep a submission for the owner of the site published at `slug`; False when it was
    spam (nothing kept, and the sender is not told). Commits.

    Raises:
        ValidationFailed: the body is not a submission (nothing kept).
        SiteNotPublished: no site is published at `slug`.
        RateLimited: this visitor sent SITE_SUBMISSIONS_PER_MINUTE already.
        Conflict: the site keeps SITE_SUBMISSIONS_KEPT already.
    """
    form, page, fields, trapped = parse(body)
    project = session.exec(select(Project).where(Project.published_slug == slug)).first()
    if project is None or project.published_version is None:
        raise SiteNotPublished()
    settings = get_settings()
    throttle.hit(f"site-form:{project.id}:{client_ip}", limit=settings.site_submissions_per_minute, window_seconds=60)
    if trapped:
        return False
    # One writer at a time per site, so the cap holds under concurrent submissions.
    session.exec(select(Project.id).where(Project.id == project.id).with_for_update()).one()
    kept = session.exec(select(func.count()).where(SiteSubmission.project_id == project.id)).one()
    if kept >= settings.site_submissions_kept:
        session.rollback()
        raise Conflict("This site's inbox is full; its owner has not made room for more messages yet.")
    session.add(SiteSubmission(project_id=project.id, form=form, page=page[:200], fields=[list(f) for f in fields]))
    session.commit()
    return True


def for_project(*, session: Session, user_id: str, project_id: str, limit: int | None = None) -> list[Submission]:
    """The project's submissions, newest first (its owner only)."""
    project = projects.get_project(session=session, user_id=user_id, project_id=project_id)
    query = (
        select(SiteSubmission)
        .where(SiteSubmission.project_id == project.id)
        .order_by(col(SiteSubmission.created_at).desc(), col(SiteSubmission.id).desc())
    )
    rows = session.exec(query.limit(limit) if limit else query).all()
    return [
        Submission(
            id=row.id, form=row.form, page=row.page, fields=[tuple(f) for f in row.fields], created_at=row.created_at
        )
        for row in rows
    ]


def as_csv(submissions: list[Submission]) -> str:
    """One row per submission: when, form, page, then a column for each field name (in the
    order they first appear). Values that a spreadsheet would run as a formula are quoted."""
    names = list(dict.fromkeys(name for submission in submissions for name, _ in submission.fields))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["received", "form", "page", *names])
    for submission in submissions:
        values = dict(submission.fields)
        writer.writerow(
            [
                submission.created_at.isoformat(timespec="seconds"),
                _cell(submission.form),
                _cell(submission.page),
                *[_cell(values.get(name, "")) for name in names],
            ]
        )
    return out.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
