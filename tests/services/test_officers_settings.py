"""Officers and departments; the township profile and first run (holidays: test_work_calendar)."""

from __future__ import annotations

import pytest

from nanmu_desktop.errors import ConflictError, ValidationError
from nanmu_desktop.services.history import entity_history
from nanmu_desktop.services.officers import (
    OfficerInput,
    add_department,
    add_officer,
    ensure_default_departments,
    list_officers,
    update_officer,
)
from nanmu_desktop.services.settings import (
    ProfileInput,
    complete_first_run,
    get_profile,
    is_first_run,
    update_profile,
)
from nanmu_desktop.storage.db import Database

from .conftest import audit_count


def test_default_departments_once(db: Database) -> None:
    first = ensure_default_departments(db)
    assert [d.name for d in first][:2] == ["党政综合办公室", "综合行政执法办公室"]
    assert len(ensure_default_departments(db)) == 6
    with pytest.raises(ConflictError, match="已存在"):
        add_department(db, "党政综合办公室")


def test_officer_badge_checked_and_unique(db: Database) -> None:
    dept = ensure_default_departments(db)[1].id
    added = add_officer(db, OfficerInput("莫日根", dept, "15-0783-00125", "达斡尔族"))
    assert added.display_name == "莫日根（15-0783-00125）"
    assert added.department_name == "综合行政执法办公室"
    before = audit_count(db)
    with pytest.raises(ValidationError) as err:
        add_officer(db, OfficerInput("", dept, "15-0783-00125"))
    assert {p.field for p in err.value.problems} == {"姓名", "执法证号"}
    with pytest.raises(ValidationError, match="数字、字母"):
        add_officer(db, OfficerInput("巴特尔", dept, "证号 12"))
    assert audit_count(db) == before
    changed = update_officer(
        db, added.id, OfficerInput("莫日根", dept, "15-0783-00126", "达斡尔族")
    )
    assert changed.badge_number == "15-0783-00126"
    assert [e.action_label for e in entity_history(db, "officer", added.id)] == ["新建", "修改"]
    assert [o.name for o in list_officers(db)] == ["莫日根"]


def test_profile_first_run_and_prefixes(db: Database) -> None:
    assert is_first_run(db)
    profile = complete_first_run(
        db,
        ProfileInput(
            name_zh="萨马街鄂温克民族乡人民政府",
            document_prefixes={"exemption-decision": "萨政发"},
            signer="某某",
            default_cc=("扎兰屯市司法局", " "),
        ),
    )
    assert not is_first_run(db)
    assert profile.prefix_for("exemption-decision") == "萨政发"
    assert profile.prefix_for("notification") == "鄂政发"
    assert profile.default_cc == ("扎兰屯市司法局",)
    with pytest.raises(ValidationError) as err:
        update_profile(db, ProfileInput("", document_prefixes={"notification": "萨〔政〕"}))
    assert {p.field for p in err.value.problems} == {"单位名称", "代字[notification]"}
    assert get_profile(db).name_zh == "萨马街鄂温克民族乡人民政府"
    # a second first-run wizard (another window) does not silently overwrite the first
    with pytest.raises(ConflictError, match="另一窗口"):
        complete_first_run(db, ProfileInput(name_zh="另一个乡人民政府"))
    assert get_profile(db).name_zh == "萨马街鄂温克民族乡人民政府"
