"""A PostgreSQL test server when NANMU_TEST_PG_URL names one (`scripts/pg_cluster.sh`): each
test gets a new, empty database, dropped afterwards. Without the variable the test is skipped,
unless NANMU_REQUIRE_PG=1 (CI), where it fails."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from nanmu_desktop.services.office_move import driver_url


def server_url() -> str:
    url = os.environ.get("NANMU_TEST_PG_URL", "")
    if not url:
        if os.environ.get("NANMU_REQUIRE_PG") == "1":
            pytest.fail("NANMU_REQUIRE_PG=1 但未设置 NANMU_TEST_PG_URL")
        pytest.skip("NANMU_TEST_PG_URL 未设置：跳过 PostgreSQL 部分")
    return url


@pytest.fixture
def empty_server_db() -> Iterator[str]:
    """The URL of a new, empty database on the test server."""
    base = make_url(driver_url(server_url()))
    name = f"nanmu_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
