"""Build resources/regulations/2024-127.json from the OCR'd seed text of 鄂政发〔2024〕127号.

    .venv/bin/python scripts/build_regulation.py [SEED] [OUT]

The parsing (and the OCR repairs: lines broken by page breaks joined, item markers full-width,
the title's stray space dropped) is `nanmu_desktop.domain.regulation_text`, shared with the
import of a township's own regulation.
The metadata the text does not state in a parseable form (version id, trial flag, the
"三个区分开来" guidance) is set here. The JSON is committed; rerun after changing the seed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from nanmu_desktop.domain.regulation_text import parse_regulation_text

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT / "tests" / "domain" / "data" / "regulation-2024-127.txt"
DEFAULT_OUT = ROOT / "resources" / "regulations" / "2024-127.json"

THREE_DISTINCTIONS = (
    "把干部在推进改革中因缺乏经验、先行先试出现的失误错误，同明知故犯的违纪违法行为区分开来；"
    "把尚无明确限制的探索性试验中的失误错误，同明令禁止后依然我行我素的违纪违法行为区分开来；"
    "把为推动发展的无意过失，同为谋取私利的违纪违法行为区分开来。"
)

GUIDANCE_SOURCE = "中共中央办公厅《关于进一步激励广大干部新时代新担当新作为的意见》（2018年）"


def build(seed: str) -> dict[str, Any]:
    data = parse_regulation_text(seed, version="2024-127")
    data["guidance"] = [
        {
            "key": "three_distinctions",
            "title": "三个区分开来",
            "article": 10,
            "kind": "guidance",
            "source": GUIDANCE_SOURCE,
            "text": THREE_DISTINCTIONS,
        }
    ]
    data["rulebook"] = rulebook(data["issue_date"])
    return data


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
