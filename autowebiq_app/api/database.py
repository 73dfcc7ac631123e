"""A route's database session, as a FastAPI dependency beside `CurrentUser`:

    def get_project(project_id: ProjectId, user: CurrentUser, session: SessionDep): ...

One session per request, closed when the route is done (rolled back on an error); services
commit what they change.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends
from sqlmodel import Session

from autowebiq_app.core.db import session_scope


def db_session() -> Iterator[Session]:
    with session_scope() as session:
        yield session


SessionDep = Annotated[Session, Depends(db_session)]
