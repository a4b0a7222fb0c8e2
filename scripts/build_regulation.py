"""Build resources/regulations/2024-127.json from the OCR'd seed text of 鄂政发〔2024〕127号.

    .venv/bin/python scripts/build_regulation.py [SEED] [OUT]

Repairs the OCR: joins lines broken by page breaks (a line that does not end a sentence, 。；：,
continues on the next), writes item markers full-width, drops the stray space in the title.
The metadata the text does not state in a parseable form (version id, trial flag, the
"三个区分开来" guidance) is set here. The JSON is committed; rerun after changing the seed.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT / "tests" / "domain" / "data" / "regulation-2024-127.txt"
DEFAULT_OUT = ROOT / "resources" / "regulations" / "2024-127.json"

NUM = "[一二三四五六七八九十]+"
CHAPTER_RE = re.compile(rf"^第({NUM})章\s*(.+)$")
ARTICLE_RE = re.compile(rf"^第({NUM})条\s*(.+)$")
ITEM_RE = re.compile(rf"^[（(]({NUM})[）)]\s*(.+)$")
DIGITS = "零一二三四五六七八九"

THREE_DISTINCTIONS = (
    "把干部在推进改革中因缺乏经验、先行先试出现的失误错误，同明知故犯的违纪违法行为区分开来；"
    "把尚无明确限制的探索性试验中的失误错误，同明令禁止后依然我行我素的违纪违法行为区分开来；"
    "把为推动发展的无意过失，同为谋取私利的违纪违法行为区分开来。"
)

GUIDANCE_SOURCE = "中共中央办公厅《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）"


def numeral(text: str) -> int:
    if text == "十":
        return 10
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return DIGITS.index(text)
    return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(units) if units else 0)


def join_page_breaks(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and not joined[-1].endswith(("。", "；", "：")) and not (
            CHAPTER_RE.match(line) or ARTICLE_RE.match(line) or ITEM_RE.match(line)
        ):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def build(seed: str) -> dict[str, Any]:
    lines = [line.strip() for line in seed.splitlines() if line.strip()]
    header, mongolian, number, signer_line, title = lines[:5]
    issuer = header.removesuffix("文件")
    footer_at = lines.index(issuer, 5)
    issue_date = date(*map(int, re.findall(r"\d+", lines[footer_at + 1]))).isoformat()
    chapters: list[dict[str, Any]] = []
    for line in join_page_breaks(lines[5:footer_at]):
        if m := CHAPTER_RE.match(line):
            chapters.append({"number": numeral(m[1]), "title": m[2], "articles": []})
            continue
        articles = chapters[-1]["articles"]
        if m := ARTICLE_RE.match(line):
            articles.append({"number": numeral(m[1]), "paragraphs": [{"text": m[2], "items": []}]})
        elif m := ITEM_RE.match(line):
            articles[-1]["paragraphs"][-1]["items"].append(m[2])
        else:  # a line after items that is not an item: the article's next 款
            articles[-1]["paragraphs"].append({"text": line, "items": []})
    return {
        "format": 2,
        "version": "2024-127",
        "title": re.sub(r"(?<=\S)\s+(?=\S)", "", title),
        "number": number,
        "issuer": issuer,
        "header": header,
        "header_mongolian": mongolian,
        "signer": signer_line.split("：", 1)[1],
        "issue_date": issue_date,
        "effective_date": issue_date,  # 第十九条: 自印发之日起施行
        "trial": "试行" in title,
        "chapters": chapters,
        "guidance": [
            {
                "key": "three_distinctions",
                "title": "三个区分开来",
                "article": 10,
                "kind": "guidance",
                "source": GUIDANCE_SOURCE,
                "text": THREE_DISTINCTIONS,
            }
        ],
        "rulebook": rulebook(issue_date),
    }


def rulebook(effective: str) -> dict[str, Any]:
    """Which unit each fact group answers, each ground's modality, the dated parameters.

    第十三条 says 7日; the thresholds of 第十七条 and the caps of 第十六条 ("适当延长") are not in
    the text: they are the office's defaults, dated like the rest, editable in a later version.
    """
    return {
        "facts": {
            "exclusion": "第十二条",
            "art10_conditions": "第十条第二款",
            "art9": "第九条",
            "art10": "第十条第一款",
            "art11": "第十一条",
        },
        "grounds": {
            "art12": {"modality": "不予", "units": ["第十二条"]},
            "art9": {"modality": "应当", "units": ["第九条"]},
            "art10_exempt": {"modality": "可以", "units": ["第十条第一款", "第十条第二款"]},
            "art10_lenient": {"modality": "应当", "units": ["第十条第一款"]},
            "art11": {"modality": "可以", "units": ["第十一条"]},
            "none": {"modality": "不予", "units": []},
        },
        "parameters": {
            name: [{"from": effective, "value": value}]
            for name, value in (
                ("notification_days", 7),
                ("risk_min_count", 3),
                ("risk_period_days", 183),
                ("rectification_max_days", 365),
                ("extension_max_days", 180),
            )
        },
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> None:
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    data = build(seed.read_text(encoding="utf-8"))
    out.write_text(render(data), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main(sys.argv)
