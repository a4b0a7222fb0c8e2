"""`user …`, `--user` and the role checks, as real processes on a copy of the demo database."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from .cli_helpers import Run, assert_refused, run_cli

ADMIN_PW, CLERK_PW, SIGNER_PW = "admin-pass-1", "clerk-pass-1", "signer-pass-1"


def nanmu(db: Path, *args: str, password: str | None = None, new: str | None = None) -> Run:
    env = {}
    if password is not None:
        env["NANMU_PASSWORD"] = password
    if new is not None:
        env["NANMU_NEW_PASSWORD"] = new
    return run_cli("--db", db, *args, env=env)


def state(db: Path) -> tuple[int, ...]:
    with sqlite3.connect(db) as con:
        row = tuple(
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("users", "audit_log", "issued_documents", "document_voids", "cases")
        )
    con.close()
    return row


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-users") / "demo.sqlite3"
    assert nanmu(path, "demo").code == 0
    return path


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "nanmu.sqlite3"
    shutil.copyfile(demo_db, copy)
    return copy


def documents(db: Path) -> list[dict[str, object]]:
    result = nanmu(db, "documents", "--json")
    assert result.code == 0, result.err
    listed: list[dict[str, object]] = json.loads(result.out)
    return listed


def set_up_office(db: Path) -> None:
    assert "尚未设置用户" in nanmu(db, "user", "list").out
    assert_refused(nanmu(db, "user", "add", "张经办", "--role", "经办", new=CLERK_PW))
    done = nanmu(db, "user", "add", "王管理", "--role", "管理员", new=ADMIN_PW)
    assert done.code == 0 and "王管理" in done.out, done.err
    for name, role, pw in (("张经办", "经办", CLERK_PW), ("赵签发", "签发,经办", SIGNER_PW)):
        added = nanmu(db, "--user", "王管理", "user", "add", name, "--role", role,
                      password=ADMIN_PW, new=pw)
        assert added.code == 0, added.err


def test_users_roles_and_who_did_each_step(db: Path, tmp_path: Path) -> None:
    set_up_office(db)
    users = json.loads(nanmu(db, "user", "list", "--json").out)
    assert [(u["name"], u["roles_text"]) for u in users] == [
        ("王管理", "管理员"), ("张经办", "经办"), ("赵签发", "经办、签发")
    ]
    number = str(documents(db)[0]["number"])
    before = state(db)

    # Without --user, without the role, with a wrong password: one Chinese line, nothing written.
    for result in (
        nanmu(db, "document", "void", number, "--reason", "主送单位有误"),
        nanmu(db, "--user", "张经办", "document", "void", number, "--reason", "主送单位有误",
              password=CLERK_PW),
        nanmu(db, "--user", "赵签发", "document", "void", number, "--reason", "主送单位有误",
              password="wrong-password"),
    ):
        assert_refused(result)
        assert len(result.err.strip().splitlines()) == 1
    assert "作废文书" in nanmu(db, "--user", "张经办", "document", "void", number, "--reason",
                               "x", password=CLERK_PW).err
    assert state(db) == before

    voided = nanmu(db, "--user", "赵签发", "document", "void", number, "--reason", "主送单位有误",
                   password=SIGNER_PW)
    assert voided.code == 0, voided.err
    entry = next(d for d in documents(db) if d["number"] == number)
    assert entry["voided_by"] == "赵签发" and "issued_by" in entry

    case = str(entry["case_number"])
    out = tmp_path / "notice.pdf"
    issued = nanmu(db, "--user", "赵签发", "notice", "--case", case, "--kind", "notification",
                   "--issue", "-o", str(out), password=SIGNER_PW)
    assert issued.code == 0, issued.err
    new_number = issued.out.strip()
    assert next(d for d in documents(db) if d["number"] == new_number)["issued_by"] == "赵签发"

    shown = nanmu(db, "case", "show", case, "--json")
    assert shown.code == 0, shown.err
    steps = json.loads(shown.out)["steps"]
    assert {"actor": "赵签发", "action_label": "签发文书"} in [
        {"actor": s["actor"], "action_label": s["action_label"]} for s in steps
    ]
    assert {"actor": "赵签发", "action_label": "作废文书"} in [
        {"actor": s["actor"], "action_label": s["action_label"]} for s in steps
    ]


def test_passwd_and_review_from_the_command_line(db: Path) -> None:
    set_up_office(db)
    changed = nanmu(db, "--user", "张经办", "user", "passwd", "张经办", password=CLERK_PW,
                    new="clerk-pass-2")
    assert changed.code == 0, changed.err
    assert_refused(nanmu(db, "--user", "张经办", "user", "list", password=CLERK_PW))
    assert nanmu(db, "--user", "张经办", "user", "list", password="clerk-pass-2").code == 0
    case = str(documents(db)[0]["case_number"])
    assert_refused(nanmu(db, "--user", "张经办", "review", case, "--approve",
                         password="clerk-pass-2"))
    assert_refused(nanmu(db, "--user", "王管理", "user", "roles", "张经办", "--role", "局长",
                         password=ADMIN_PW))
    assert nanmu(db, "--user", "王管理", "user", "roles", "张经办", "--role", "经办,审核",
                 password=ADMIN_PW).code == 0
    reviewed = nanmu(db, "--user", "张经办", "review", case, "--return", "--comment",
                     "请补充证据", password="clerk-pass-2")
    assert reviewed.code == 0, reviewed.err
    view = json.loads(nanmu(db, "case", "show", case, "--json").out)
    assert view["reviews"][-1]["reviewer"] == "张经办"
    assert view["reviews"][-1]["comment"] == "请补充证据"
