"""Fixtures for every test: an audit-key folder for the test session (the key lives outside the
database, in the user's configuration; CLI processes inherit it) and writes outside the one
write path failing loudly."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_backends import BACKENDS

from nanmu_desktop.storage.chain_key import CONFIG_ENV
from nanmu_desktop.storage.db import Database


@pytest.fixture(autouse=True, scope="session")
def _own_config_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    earlier = os.environ.get(CONFIG_ENV)
    os.environ[CONFIG_ENV] = str(tmp_path_factory.mktemp("config"))
    yield
    if earlier is None:
        os.environ.pop(CONFIG_ENV, None)
    else:
        os.environ[CONFIG_ENV] = earlier


@pytest.fixture(autouse=True)
def _strict_writes(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # Storage tests build rows directly; everything above storage writes through services.
    if Path(str(request.path)).parent.name != "storage":
        monkeypatch.setattr(Database, "strict_writes", True)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The engine a storage or services test runs on (its database fixtures follow it)."""
    return str(request.param)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A test marked `sqlite_only` (it reaches into SQLite itself) runs on SQLite alone; one
    marked `postgresql_only` (what only a server is for) on PostgreSQL alone."""
    kept, dropped = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        engine = callspec.params.get("backend") if callspec is not None else None
        other = {"postgresql": "sqlite_only", "sqlite": "postgresql_only"}.get(str(engine))
        (dropped if other and item.get_closest_marker(other) else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
