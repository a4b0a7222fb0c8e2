"""The township profile: type, one 代字 for every kind with overrides that really save, the
Mongolian name stored with its suffixes joined, and the check of what is still Nanmu's."""

from __future__ import annotations

import pytest

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import ValidationError
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.issuing import next_number
from nanmu_desktop.services.settings import (
    ProfileInput,
    complete_first_run,
    get_profile,
    update_profile,
)
from nanmu_desktop.services.township_check import check_database
from nanmu_desktop.storage.db import Database


def test_one_prefix_for_all_kinds_and_an_override(db: Database) -> None:
    profile = complete_first_run(db, ProfileInput(
        name_zh="巴彦托海镇人民政府", township_type="zhen", default_prefix="巴政发",
        # An override equal to the 代字 for all kinds is no override.
        document_prefixes={"notification": "巴政告", "exemption-decision": "巴政发"},
    ))
    assert profile.document_prefixes == {"notification": "巴政告"}
    # The 反馈函 is a letter: its series is the 代字's 函 form.
    assert {profile.prefix_for(k.value) for k in DocumentKind} == {"巴政发", "巴政告", "巴政函"}
    assert profile.wording.party_committee == "镇党委"
    assert profile.product_name == "巴彦托海镇容错纠错办理系统"
    assert next_number(db, DocumentKind.exemption_decision).startswith("巴政发〔")
    assert next_number(db, DocumentKind.notification).startswith("巴政告〔")
    # Changing the 代字 for all kinds moves every kind without an override.
    update_profile(db, ProfileInput(name_zh="巴彦托海镇人民政府", township_type="zhen",
                                    default_prefix="巴政字",
                                    document_prefixes=dict(profile.document_prefixes)))
    assert get_profile(db).prefix_for("rectification-order") == "巴政字"
    assert get_profile(db).prefix_for("notification") == "巴政告"


def test_bad_type_or_prefix_is_refused_and_nothing_written(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        update_profile(db, ProfileInput(name_zh="某镇人民政府", township_type="city",
                                        default_prefix="某[政]"))
    assert {p.field for p in err.value.problems} == {"单位类型", "代字"}
    assert get_profile(db).name_zh == ""


def test_the_mongolian_name_is_stored_with_suffixes_joined(db: Database) -> None:
    profile = update_profile(db, ProfileInput(name_zh="某乡人民政府", name_mn="ᠠᠷᠠᠳ ᠤᠨ ᠵᠠᠰᠠᠭ"))
    assert profile.name_mn == "ᠠᠷᠠᠳ\u202fᠤᠨ ᠵᠠᠰᠠᠭ"


def test_the_demo_township_is_reported_as_nanmu(db: Database) -> None:
    fill_demo(db)
    fields = {item.field for item in check_database(db) if item.nanmu}
    assert {"单位名称", "蒙古文名称", "代字", "签发人", "印发机关", "默认抄送", "制度"} <= fields


def test_a_new_database_reports_what_is_empty(db: Database) -> None:
    items = check_database(db)
    empty = {item.field for item in items if not item.nanmu}
    # 科室 start from the editable starter list (migration 0004), so they are never empty.
    assert {"单位名称", "蒙古文名称", "签发人", "印发机关", "默认抄送"} <= empty
