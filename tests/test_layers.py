"""The layer rule of docs/architecture.md, read from every module's imports with `ast`.

ui/ and the cli → services → domain + storage + documents. domain imports nothing of ours but
errors and paths; storage and documents know the domain, never each other, the services, the
UI or the CLI; the services never the UI or the CLI; Qt only in ui/. The front ends (ui/, cli)
reach storage only for the `Database` handle they pass to the services; any other reach past
the services is listed in FRONT_END_EXCEPTIONS, which may only shrink: a new one fails, and so
does an entry that no longer happens.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "nanmu_desktop"
# Shared by every layer: the package itself, errors, paths, atomic file writes, the JSON reader,
# the schema's head revision (read by 待办's start-up reader without the storage layer).
BASE = {
    "nanmu_desktop",
    "nanmu_desktop.errors",
    "nanmu_desktop.paths",
    "nanmu_desktop.files",
    "nanmu_desktop.json_input",
    "nanmu_desktop.schema_revision",
}
QT = ("PySide6", "shiboken6")

# (importing module, imported module): today's reaches from a front end past the services.
FRONT_END_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("nanmu_desktop.ui.cases.list_model", "nanmu_desktop.storage.case_search"):
        "SortKey, a type of the case query (under TYPE_CHECKING)",
    ("nanmu_desktop.cli.cases", "nanmu_desktop.storage.case_search"):
        "MAX_LIMIT, the page size of the case query",
    ("nanmu_desktop.cli.check", "nanmu_desktop.storage.checks"):
        "`check` runs the storage's integrity checks",
    ("nanmu_desktop.cli.documents", "nanmu_desktop.documents.fonts"):
        "`fonts` lists the font files the documents would use",
    ("nanmu_desktop.ui.common.fonts", "nanmu_desktop.documents.font_roles"):
        "the bundled fonts, loaded into Qt for the on-screen previews",
    ("nanmu_desktop.ui.settings.font_specimen", "nanmu_desktop.documents.fonts"):
        "FontRole, to label a font specimen",
    ("nanmu_desktop.ui.settings.page", "nanmu_desktop.documents.fonts"):
        "font roles and sets of the 字体 settings",
    ("nanmu_desktop.ui.settings.profile", "nanmu_desktop.documents.fonts"):
        "the default fonts of the header preview",
    ("nanmu_desktop.ui.settings.profile", "nanmu_desktop.documents.mongolian_text"):
        "the live header preview joins Mongolian suffixes exactly as the document will",
    ("nanmu_desktop.cli.backup", "nanmu_desktop.storage.audit"):
        "`secret` shows which database id and hash the audit key belongs to",
    ("nanmu_desktop.cli.backup", "nanmu_desktop.storage.chain_key"):
        "`secret show|export|import|init` manage the audit key file beside the user config",
    ("nanmu_desktop.cli.backup", "nanmu_desktop.storage.instance_lock"):
        "`restore` refuses while another instance holds the database",
    ("nanmu_desktop.ui.app", "nanmu_desktop.storage.instance_lock"):
        "the desktop app takes the database's instance lock at start",
    ("nanmu_desktop.ui.common.instance", "nanmu_desktop.storage.instance_lock"):
        "tells the clerk who holds the database (user, host) and offers read-only",
    ("nanmu_desktop.ui.common.header_preview", "nanmu_desktop.documents.notice_model"):
        "the header preview lays out a sample notice",
    ("nanmu_desktop.ui.common.header_preview", "nanmu_desktop.documents.render"):
        "the header preview renders the sample notice",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> Iterator[tuple[str, Path]]:
    """Our modules but the generated Designer forms (they import only Qt)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[:2] != ("ui", "forms"):
            yield _module_name(path), path


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module `name` imports, at the top or inside a function, relative ones resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            # `from nanmu_desktop.domain import interview` imports a module too
            found.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known)
    return found


def _layer(module: str) -> str | None:
    """The layer of one of our modules (None for another project's)."""
    if module in BASE:
        return "base"
    if module in ("nanmu_desktop.__main__", "nanmu_desktop.cli") or module.startswith(
        "nanmu_desktop.cli."
    ):
        return "cli"
    parts = module.split(".")
    if parts[0] != "nanmu_desktop" or len(parts) == 1:
        return None
    return parts[1] if parts[1] in ("domain", "storage", "documents", "services", "ui") else None


ALLOWED: dict[str, set[str]] = {
    "base": {"base"},
    "domain": {"base", "domain"},
    "storage": {"base", "domain", "storage"},
    "documents": {"base", "domain", "documents"},
    "services": {"base", "domain", "storage", "documents", "services"},
    "ui": {"base", "domain", "services", "ui"},
    "cli": {"base", "domain", "services", "ui", "cli"},  # the CLI starts the desktop app
}


def _graph() -> dict[str, set[str]]:
    modules = dict(_modules())
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def test_the_scan_sees_the_package() -> None:
    graph = _graph()
    expected = {
        "nanmu_desktop.domain.facts",
        "nanmu_desktop.ui.cases.form",
        "nanmu_desktop.cli.main",
    }
    assert expected <= set(graph)
    assert "nanmu_desktop.domain.plain_text" in graph["nanmu_desktop.domain.facts"]
    assert "nanmu_desktop.storage.models" in graph["nanmu_desktop.storage.case_search"]


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong: list[str] = []
    exceptions_seen: set[tuple[str, str]] = set()
    for name, imported in _graph().items():
        layer = _layer(name)
        assert layer is not None, name
        for target in sorted(imported):
            target_layer = _layer(target)
            if target_layer is None or target_layer in ALLOWED[layer]:
                continue
            if target == "nanmu_desktop.storage.db" and layer in ("ui", "cli"):
                continue  # the Database handle the front ends open and hand to the services
            key = (name, target)
            if key in FRONT_END_EXCEPTIONS:
                exceptions_seen.add(key)
                continue
            wrong.append(f"{name} ({layer}) imports {target} ({target_layer})")
    assert wrong == []
    assert set(FRONT_END_EXCEPTIONS) - exceptions_seen == set(), "stale exceptions: remove them"


def test_qt_is_imported_only_in_ui() -> None:
    outside = [
        f"{name} imports {target}"
        for name, imported in _graph().items()
        if _layer(name) != "ui"
        for target in imported
        if target.split(".")[0] in QT
    ]
    assert outside == []


def test_the_domain_imports_nothing_of_ours_but_errors_and_paths() -> None:
    for name, imported in _graph().items():
        if _layer(name) == "domain":
            ours = {t for t in imported if t.startswith("nanmu_desktop") and t != "nanmu_desktop"}
            assert all(
                t.startswith("nanmu_desktop.domain")
                or t in ("nanmu_desktop.errors", "nanmu_desktop.paths")
                for t in ours
            ), (name, ours)


# Engine drivers: only storage/ speaks to them (storage/backends/ holds what differs).
ENGINE_MODULES = ("sqlite3", "psycopg", "psycopg2", "sqlalchemy.dialects")
# (services module, engine module): the SQLite file's own backup and restore (a copy through
# SQLite's backup API, checked with PRAGMA quick_check). May only shrink.
SERVICES_ENGINE_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("nanmu_desktop.services.backup", "sqlite3"): "the backup of a database file",
    ("nanmu_desktop.services.restore", "sqlite3"): "staging a backup file to restore",
    ("nanmu_desktop.services.due_light", "sqlite3"):
        "the 待办 start page read from the file before SQLAlchemy loads (start-up)",
    ("nanmu_desktop.services.due_queries", "sqlalchemy.dialects"):
        "compiles the 待办 statements to the SQLite text of due_sql.py (its test checks it)",
}


def test_services_never_import_a_database_engine_or_run_pragmas() -> None:
    wrong: list[str] = []
    seen: set[tuple[str, str]] = set()
    modules = dict(_modules())
    for name, imported in _graph().items():
        if _layer(name) != "services":
            continue
        for target in sorted(imported):
            engine = next((e for e in ENGINE_MODULES if target == e or
                           target.startswith(e + ".")), None)
            if engine is None:
                continue
            if (name, engine) in SERVICES_ENGINE_EXCEPTIONS:
                seen.add((name, engine))
            else:
                wrong.append(f"{name} imports {target}")
        pragmas = "PRAGMA " in modules[name].read_text(encoding="utf-8").replace(
            "`PRAGMA quick_check`", ""
        )
        if pragmas and (name, "sqlite3") not in SERVICES_ENGINE_EXCEPTIONS:
            wrong.append(f"{name} runs a PRAGMA")
    assert wrong == []
    assert set(SERVICES_ENGINE_EXCEPTIONS) - seen == set(), "stale exceptions: remove them"
