"""Page-engine performance: prints each figure against its target.

    .venv/bin/python bench/bench_notice.py

- first notice in a fresh process (imports and font loading included) ≤ 400 ms
- each later notice ≤ 30 ms median; 100 notices ≤ 4 s
- peak RSS rendering 1,000 notices ≤ 200 MB; growth from the 100th to the 1,000th ≤ 20 MB
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Runs in a child process so "first notice" includes interpreter-level imports.
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from datetime import date
from nanmu_desktop.documents.notice_model import (
    Colophon, Header, HeadingLevel, Notice, Paragraph, Signature)
from nanmu_desktop.documents.render import render_notice

def notice(i):
    text = ("2024年5月，乡综合行政执法队在对辖区内经营场所开展检查时，执法人员因对新修订的规定"
            "理解不到位，作出的处罚决定适用条款有误，当事人提出异议后及时复核并主动纠正。")
    body = (Paragraph("一、基本情况", HeadingLevel.LEVEL1),
            Paragraph("（一）调查经过", HeadingLevel.LEVEL2)) + (Paragraph(text),) * 5
    return Notice(
        header=Header("扎兰屯市南木鄂伦春民族乡人民政府文件",
                      "ᠵᠠᠯᠠᠨᠲᠤᠰᠢ ᠨᠠᠮᠤ ᠡᠯᠦᠨᠴᠢᠨ ᠨᠠᠮᠤ ᠶ᠋ᠢᠨ ᠭᠤᠨ ᠲᠤᠰᠤ"),
        title=f"关于对第{i}号案件行政执法过错予以容错免责的决定书",
        body=body, number=f"南政发〔2024〕{i}号",
        recipients=("乡综合行政执法队",),
        signature=Signature("扎兰屯市南木鄂伦春民族乡人民政府", date(2024, 7, 1), True),
        colophon=Colophon("扎兰屯市南木鄂伦春民族乡党政综合办公室", date(2024, 7, 2)))

def rss_mb():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

render_notice(notice(1))
first = (time.perf_counter() - t0) * 1000
count = int(sys.argv[1])
times, rss = [], {}
start = time.perf_counter()
for i in range(2, count + 2):
    t = time.perf_counter()
    render_notice(notice(i))
    times.append((time.perf_counter() - t) * 1000)
    if i - 1 in (100, count):
        rss[i - 1] = rss_mb()
hundred = sum(times[:100]) / 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"first_ms": first, "times": times, "hundred_s": hundred,
                  "rss": rss, "peak_mb": peak}))
"""


def run(count: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(count)], cwd=ROOT, check=True,
                         capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def report(name: str, value: float, target: float, unit: str) -> bool:
    ok = value <= target
    print(f"{name:<44} {value:9.1f} {unit:<3} target ≤ {target:g} {unit}  "
          f"{'OK' if ok else 'OVER'}")
    return ok


def main() -> int:
    firsts = [float(run(0)["first_ms"]) for _ in range(3)]
    big = run(1000)
    times = [float(t) for t in big["times"]]
    rss = {int(k): float(v) for k, v in big["rss"].items()}
    results = [
        report("first notice, fresh process (median of 3)", statistics.median(firsts), 400,
               "ms"),
        report("later notice, median", statistics.median(times), 30, "ms"),
        report("100 notices", float(big["hundred_s"]), 4, "s"),
        report("peak RSS, 1,000 notices", float(big["peak_mb"]), 200,
               "MB"),
        report("RSS growth 100th → 1,000th", rss[1000] - rss[100], 20, "MB"),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
