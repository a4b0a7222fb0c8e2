"""The session user: who is acting on this database, and the check every writing service makes.

The logged-in `Actor` is bound to the open `Database` (`db.user`, set by the UI's login and the
CLI's `--user`) and travels into each session. A database without users keeps working as a
one-PC office before set-up: writes are named by the service's `actor` text, as before.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nanmu_desktop.domain.roles import Actor, Operation, PermissionDeniedError, denial
from nanmu_desktop.storage import Database
from nanmu_desktop.storage.models import User

SESSION_USER = "user"  # the key of the Actor in Session.info


# Any user at all: then every start asks for a login (also read at start-up without the ORM,
# services/due_queries.py).
FIRST_USER = select(User.id).limit(1)


def has_users(session: Session) -> bool:
    return session.scalars(FIRST_USER).first() is not None


def database_has_users(db: Database) -> bool:
    with db.session() as session:
        return has_users(session)


def require(db: Database, operation: Operation) -> None:
    """Refuse (PermissionDeniedError, nothing written) unless the session user may do this."""
    user = db.user
    if user is None and not database_has_users(db):
        return
    problem = denial(user, operation)
    if problem is not None:
        raise PermissionDeniedError(problem)


def session_user(session: Session) -> Actor | None:
    user = session.info.get(SESSION_USER)
    return user if isinstance(user, Actor) else None


def acting_name(session: Session, actor: str) -> str:
    """The name a written row carries: the logged-in user's, else the service's `actor` text.

    Once the database has users, writing without a logged-in user is refused here too, so a
    service that forgot its `require` still cannot write anonymously.
    """
    user = session_user(session)
    if user is not None:
        return user.name
    if has_users(session):
        raise PermissionDeniedError("此数据库已设用户，请先登录。")
    return actor
