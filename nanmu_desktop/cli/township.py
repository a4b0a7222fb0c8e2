"""`township show|set`: the township's profile from the command line, so an office can script
its set-up (name, type, Mongolian name, 代字 for all kinds and per kind, signer, 印发机关,
default 抄送, the counting rule)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import Any

from nanmu_desktop.domain.township import TownshipType
from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.errors import Problem, ValidationError

_TYPES = {t.label: t.value for t in TownshipType} | {t.value: t.value for t in TownshipType}
_COUNTING = {
    "calendar": "calendar", "working": "working", "自然日": "calendar", "工作日": "working"
}


def register(subparsers: Any) -> None:
    township = subparsers.add_parser(
        "township", help="本单位信息（名称、类型、代字、签发人等）",
        description="查看或修改本单位信息：印在每一份文书上的名称、类型、代字、签发人、印发机关、"
        "默认抄送，以及告知期限的计算方法。",
    )
    actions = township.add_subparsers(
        title="操作", dest="township_action", metavar="操作", required=True
    )
    show = actions.add_parser("show", help="显示本单位信息",
                              description="显示本单位信息，并列出仍为南木乡或尚未填写的项。")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=run_show)

    put = actions.add_parser(
        "set", help="修改本单位信息",
        description="只修改给出的项，其余不变；保存后即视为已完成首次设置。任何一项有误则全部"
        "不写入。",
    )
    put.add_argument("--name", metavar="名称", help="单位中文名称，如 萨马街鄂温克民族乡人民政府")
    put.add_argument("--type", metavar="类型",
                     help="乡、镇、苏木或街道（决定文书中的“乡党委”等用语）")
    put.add_argument("--mongolian-name", metavar="蒙古文",
                     help="经批准的蒙古文名称；空字符串表示不印")
    put.add_argument("--prefix", metavar="代字", help="所有文书的发文机关代字，如 萨政发")
    put.add_argument("--prefix-for", action="append", default=[], metavar="种类=代字",
                     help="某一种文书单独使用的代字（可重复；代字为空则取消单独设置），"
                     "种类为代码或中文名称，如 notification=萨政告")
    put.add_argument("--signer", metavar="姓名", help="签发人")
    put.add_argument("--issuer", metavar="机关", help="印发机关")
    put.add_argument("--cc", metavar="机关",
                     help="默认抄送机关，以逗号或顿号分隔；空字符串表示不抄送")
    put.add_argument("--counting", metavar="方法", help="7日告知期限的计算方法：calendar（自然日）"
                     "或 working（工作日）")
    put.set_defaults(handler=run_set)


def _profile_dict(profile: Any, checks: list[Any]) -> dict[str, Any]:
    return {
        "name_zh": profile.name_zh,
        "short_name": profile.short_name,
        "township_type": profile.township_type,
        "township_type_label": profile.type_label,
        "wording": profile.wording.placeholders(),
        "name_mn": profile.name_mn,
        "default_prefix": profile.default_prefix,
        "prefixes": {kind.value: profile.prefix_for(kind.value) for kind in DocumentKind},
        "signer": profile.signer,
        "issuing_authority": profile.issuing_authority,
        "default_cc": list(profile.default_cc),
        "day_counting": profile.day_counting,
        "day_counting_label": profile.day_counting_label,
        "first_run_done": profile.first_run_done,
        "checks": [{"field": c.field, "message": c.message, "nanmu": c.nanmu} for c in checks],
    }


def run_show(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services.settings import get_profile
    from nanmu_desktop.services.township_check import check_database

    db = open_cli_database(args)
    try:
        profile = get_profile(db)
        checks = check_database(db)
    finally:
        db.close()
    data = _profile_dict(profile, checks)
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    prefixes = data["prefixes"]
    own = {k: v for k, v in prefixes.items() if v != profile.default_prefix}
    lines = [
        f"单位名称：{profile.name_zh or '（未填写）'}",
        f"单位类型：{profile.type_label}（{profile.wording.party_committee}、{profile.wording.we}）",
        f"蒙古文名称：{profile.name_mn or '（无，版头只印中文）'}",
        f"代字：{profile.default_prefix or '（未填写）'}",
        *(f"  {DocumentKind(k).label}：{v}" for k, v in own.items()),
        f"签发人：{profile.signer or '（未填写）'}",
        f"印发机关：{profile.issuing_authority or '（未填写）'}",
        f"默认抄送：{'、'.join(profile.default_cc) or '（无）'}",
        f"告知期限：{profile.day_counting_label}",
    ]
    lines += [f"注意：{c.message}" for c in checks]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _kind(text: str) -> str:
    for kind in DocumentKind:
        if text in (kind.value, kind.label):
            return kind.value
    raise ValidationError([Problem("--prefix-for", f"没有“{text}”这种文书")])


def run_set(args: argparse.Namespace) -> int:
    from nanmu_desktop.cli.support import open_cli_database
    from nanmu_desktop.services import settings
    from nanmu_desktop.services.settings import ProfileInput, get_profile, split_cc

    changes: dict[str, Any] = {}
    if args.type is not None:
        if args.type.strip() not in _TYPES:
            raise ValidationError(
                [Problem("--type", f"单位类型应为乡、镇、苏木或街道，不能为“{args.type}”")]
            )
        changes["township_type"] = _TYPES[args.type.strip()]
    if args.counting is not None:
        if args.counting.strip() not in _COUNTING:
            raise ValidationError(
                [Problem("--counting", f"应为 calendar 或 working，不能为“{args.counting}”")]
            )
        changes["day_counting"] = _COUNTING[args.counting.strip()]
    overrides: dict[str, str] = {}
    for item in args.prefix_for:
        kind, sep, prefix = item.partition("=")
        if not sep:
            raise ValidationError([Problem("--prefix-for", f"应写作“种类=代字”，不能为“{item}”")])
        overrides[_kind(kind.strip())] = prefix.strip()
    simple = {"name": "name_zh", "mongolian_name": "name_mn", "prefix": "default_prefix",
              "signer": "signer", "issuer": "issuing_authority"}
    for option, field in simple.items():
        value = getattr(args, option)
        if value is not None:
            changes[field] = value.strip()
    if args.cc is not None:
        changes["default_cc"] = split_cc(args.cc)
    if not changes and not overrides:
        raise ValidationError([Problem("township set", "没有给出要修改的项，见 township set -h")])

    db = open_cli_database(args)
    try:
        current = get_profile(db)
        data = ProfileInput(
            name_zh=current.name_zh,
            name_mn=current.name_mn,
            document_prefixes=dict(current.document_prefixes),
            signer=current.signer,
            issuing_authority=current.issuing_authority,
            default_cc=current.default_cc,
            day_counting=current.day_counting,
            township_type=current.township_type,
            default_prefix=current.default_prefix,
        )
        data = replace(data, **changes)
        prefixes = dict(data.document_prefixes)
        if "default_prefix" in changes:
            prefixes = {}  # --prefix is for every kind: earlier overrides end
        for kind, prefix in overrides.items():
            if prefix:
                prefixes[kind] = prefix
            else:
                prefixes.pop(kind, None)
        data = replace(data, document_prefixes=prefixes)
        # The first `township set` completes the set-up (a script's first run); later ones edit.
        save = settings.complete_first_run if settings.is_first_run(db) else settings.update_profile
        saved = save(db, data)
    finally:
        db.close()
    sys.stdout.write(f"已保存本单位信息：{saved.name_zh}（{saved.type_label}）。\n")
    return 0
