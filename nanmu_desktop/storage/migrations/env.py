"""Alembic environment: runs on the connection the application hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from nanmu_desktop.storage.migrate import is_managed
from nanmu_desktop.storage.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("nanmu migrations run only through nanmu_desktop.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy-and-move
    compare_type=True,
    include_name=is_managed,
)
with context.begin_transaction():
    context.run_migrations()
