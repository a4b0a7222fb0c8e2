"""The newest migration's id. Opening an up-to-date file compares against this constant, so
start-up never imports Alembic; tests/storage/test_migrations.py checks it is Alembic's head.
Re-exported by storage/migrate.py; kept outside `storage` so reading it loads no SQLAlchemy."""

HEAD_REVISION = "0008_service_of_notice"
