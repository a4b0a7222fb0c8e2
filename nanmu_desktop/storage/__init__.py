"""SQLAlchemy models, the database file, Alembic migrations: no Qt."""
