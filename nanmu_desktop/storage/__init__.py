"""SQLAlchemy models, the database file, Alembic migrations: no Qt."""

from .db import Database, open_database

__all__ = ["Database", "open_database"]
