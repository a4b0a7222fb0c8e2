"""Everything about one case gathered for `case show`, as JSON-ready data or as text."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from nanmu_desktop.cli.investigation import investigation_lines
from nanmu_desktop.storage.db import Database


def gather_case(db: Database, ref: str) -> dict[str, Any]:
    from nanmu_desktop.services.cases import find_case
    from nanmu_desktop.services.determinations import current_determination
    from nanmu_desktop.services.history import case_history
    from nanmu_desktop.services.investigations import get_investigation
    from nanmu_desktop.services.notices import list_notices
    from nanmu_desktop.services.rectification import list_orders
    from nanmu_desktop.services.reviews import case_reviews

    case = find_case(db, ref)
    determination = current_determination(db, case.id)
    view = asdict(case)
    view["not_an_enforcement_error"] = case.not_an_enforcement_error
    view["determination"] = asdict(determination) if determination else None
    # The decision is what every document prints; the proposal stays labelled as such.
    view["decision"] = determination.decision_dict() if determination else None
    view["proposal"] = determination.proposal_dict() if determination else None
    view["warnings"] = list(determination.warnings) if determination else []
    investigation = get_investigation(db, case.id)
    view["investigation"] = investigation.to_dict() if investigation else None
    deadline = determination.notification_deadline if determination else None
    view["notification_deadline"] = deadline.isoformat() if deadline else None
    view["notices"] = [asdict(n) for n in list_notices(db, case.id)]
    view["rectification_orders"] = [asdict(o) for o in list_orders(db, case.id)]
    view["reviews"] = [r.to_dict() for r in case_reviews(db, case.id)]
    # Who did each step, from the audit rows (the logged-in user once the database has users).
    view["steps"] = [
        {"at": h.at.isoformat(), "actor": h.actor, "action": h.action,
         "action_label": h.action_label, "entity": h.entity, "entity_id": h.entity_id}
        for h in case_history(db, case.id)
    ]
    return view


def case_text(view: dict[str, Any]) -> str:
    """The case as a short report in Chinese."""
    officers = "、".join(
        f"{o['officer']['name']}（{o['officer']['badge_number'] or '无执法证号'}，"
        f"{o['officer']['department_name'] or '未分科室'}）"
        for o in view["officers"]
    )
    lines = [
        f"案件 {view['number']}　状态：{view['status_label']}",
        f"当事执法人员：{officers}",
        f"来源：{view['source_label']}　执法类型：{view['enforcement_type_label']}"
        f"　领域：{view['field_label']}",
        f"发生日期：{view['occurred_on']}　登记日期：{view['reported_on']}",
        f"情况：{view['description']}",
    ]
    for key, label in (("loss_text", "损失"), ("impact", "影响"), ("remedial_actions", "补救措施")):
        if view[key]:
            lines.append(f"{label}：{view[key]}")
    lines += investigation_lines(view.get("investigation"))
    lines += _determination_lines(view["determination"])
    if view["outcome"]:
        note = "不作为执法错误认定（第十四条）" if view["not_an_enforcement_error"] else ""
        lines.append(f"认定结果：{view['outcome_label']}　{note}".rstrip())
    for n in view["notices"]:
        late = "（超过7日期限）" if n["deadline"] and n["done_on"] > n["deadline"] else ""
        role = f"{n['recipient_role_label']} " if n.get("recipient_role_label") else ""
        lines.append(
            f"{n['kind_label']}：{n['done_on']} {role}{n['recipient']}，{n['method']}{late}"
        )
    for o in view["rectification_orders"]:
        lines.append(
            f"纠错整改：{o['ordered_on']} 下达，期限至 {o['deadline']}，{o['status_label']}"
        )
        lines += [f"  {i + 1}. {item}" for i, item in enumerate(o["items"])]
        for e in o["extensions"]:
            lines.append(
                f"  延期申请 {e['requested_on']}：{e['requested_days']} 日，{e['status_label']}"
            )
        for f in o["follow_ups"]:
            done = "，已销号" if f["verified"] else ""
            findings = f['findings'].rstrip('。')
            lines.append(f"  回访 {f['followed_on']}（{f['method']}）：{findings}{done}")
    for r in view.get("reviews", []):
        comment = f"：{r['comment']}" if r["comment"] else ""
        lines.append(f"审核：{r['verdict_label']}（{r['reviewer']}）{comment}")
    for a in view["attachments"]:
        lines.append(f"附件：{a['file_name']}（{a['size']} 字节）")
    return "\n".join(lines) + "\n"


def _determination_lines(d: dict[str, Any] | None) -> list[str]:
    if d is None:
        return ["认定意见：尚未认定"]
    basis = "、".join(d["basis"]) or "不援引条款"
    lines = [f"认定建议：{d['outcome_label']}（依据：{basis}）"]
    lines += [f"  {line}" for line in d["explanation"]]
    if d.get("accountability"):
        circumstances = "、".join(d["accountability"])
        lines.append(f"  追责情节：{circumstances}（追究责任时可以从轻或者减轻，"
                     "不改变不予容错的结论）")
    lines += [f"  提示：{w}" for w in d["warnings"]]
    if d["decided_outcome"]:
        leniency = f"（{d['leniency_label']}）" if d["leniency_label"] else ""
        decided = "、".join(d["decided_basis"]) or "不援引条款"
        lines.append(
            f"党委决定：{d['meeting_date']} {d['decided_outcome_label']}{leniency}"
            f"（依据：{decided}），参会：{'、'.join(d['attendees'])}"
        )
        if d["measure"]:
            lines.append(f"  处理措施：{d['measure']}")
        if d["differing_reason"]:
            lines.append(f"  与认定建议不同的理由：{d['differing_reason']}")
        if d["correction_reason"]:
            lines.append(f"  更正理由：{d['correction_reason']}")
        if d["notification_deadline"]:
            lines.append(f"告知期限：{d['notification_deadline']}（{d['day_counting_label']}）")
        else:
            lines.append("告知期限：非容错决定，不适用第十三条的告知期限")
    return lines
