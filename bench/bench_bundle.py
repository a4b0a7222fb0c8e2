"""The frozen bundle's weight and start-up: `bench_bundle.py [BUNDLE ...] [--runs N]`.

Targets: ≤ 170 MB unpacked on Linux, setup.exe ≤ 80 MB. For each bundle folder (default
dist/nanmu-desktop) prints its size (bytes of its files, MB = 10^6), its file count, the biggest
parts, and the median (of 5 runs by default) wall-clock and CPU time of the program's start
(`nanmu-desktop-cli --help`: the bootloader, Python and the CLI's imports) and of the offscreen
smoke (demo data into a new database, one notice rendered to PDF). CPU time is the steadier
figure on a busy machine. Then the installers found beside the bundle (the .deb, the
setup.exe, in the bundle's parent folder and in dist/windows/..). Give two folders (before,
after) to compare a change; their runs alternate.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE_TARGET_MB = 170.0
SETUP_TARGET_MB = 80.0


def folder_size(bundle: Path) -> tuple[float, int]:
    """MB of the regular files (a symlink counts as a file, not its target's bytes) and count."""
    total = 0
    count = 0
    for path in bundle.rglob("*"):
        if path.is_symlink() or path.is_file():
            count += 1
            total += path.lstat().st_size
    return total / 1e6, count


def biggest_parts(bundle: Path, top: int = 6) -> list[tuple[str, float]]:
    """The top-level entries of _internal/ (and the launchers) by MB."""
    sizes: Counter[str] = Counter()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(bundle).parts
            key = "/".join(rel[:3] if rel[0] == "_internal" and rel[1] == "PySide6" else rel[:2])
            sizes[key] += path.stat().st_size
    return [(name, size / 1e6) for name, size in sizes.most_common(top)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one process."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr[-2000:]}")
    return elapsed, _children_cpu() - cpu


def smoke(cli: Path, work: Path) -> tuple[float, float]:
    """demo → notice in a fresh database: the bundle's whole document path."""
    db = work / "bench.sqlite3"
    db.unlink(missing_ok=True)
    demo = timed([str(cli), "--db", str(db), "demo"], work)
    notice = timed([str(cli), "--db", str(db), "notice", "--case", "RC-2026-001", "--kind",
                    "exemption-decision", "-o", str(work / "notice.pdf")], work)
    return demo[0] + notice[0], demo[1] + notice[1]


def launcher(bundle: Path) -> Path:
    cli = bundle / ("nanmu-desktop-cli.exe" if os.name == "nt" else "nanmu-desktop-cli")
    if not cli.exists():
        raise SystemExit(f"no bundle at {bundle}")
    return cli


def report(label: str, samples: list[tuple[float, float]]) -> str:
    walls = [s[0] for s in samples]
    cpus = [s[1] for s in samples]
    return (f"  {label:7} median {statistics.median(walls):5.2f} s wall "
            f"(worst {max(walls):.2f}), {statistics.median(cpus):5.2f} s CPU")


def installers(bundle: Path) -> list[tuple[str, float, str]]:
    """(name, MB, verdict) of the .deb and setup.exe built next to the bundle."""
    found: list[tuple[str, float, str]] = []
    for folder in (bundle.parent, bundle.parent.parent):
        for path in sorted(folder.glob("nanmu-desktop_*.deb")) + sorted(
                folder.glob("nanmu-desktop-*setup.exe")):
            mb = path.stat().st_size / 1e6
            verdict = ""
            if path.suffix == ".exe":
                over = f" (over the {SETUP_TARGET_MB:.0f} MB target)"
                verdict = " (ok)" if mb <= SETUP_TARGET_MB else over
            found.append((path.name, mb, verdict))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("bundles", nargs="*", type=Path,
                        default=[ROOT / "dist" / "nanmu-desktop"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundles = [b.resolve() for b in args.bundles]
    clis = [launcher(b) for b in bundles]
    helps: dict[Path, list[tuple[float, float]]] = {b: [] for b in bundles}
    smokes: dict[Path, list[tuple[float, float]]] = {b: [] for b in bundles}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for _ in range(args.runs):  # alternate the bundles: load on the machine hits both
            for bundle, cli in zip(bundles, clis, strict=True):
                helps[bundle].append(timed([str(cli), "--help"], work))
                smokes[bundle].append(smoke(cli, work))
    for bundle in bundles:
        size_mb, files = folder_size(bundle)
        verdict = "ok" if size_mb <= SIZE_TARGET_MB else f"over the {SIZE_TARGET_MB:.0f} MB target"
        print(f"{bundle}\n  size {size_mb:.1f} MB in {files} files ({verdict})")
        for name, mb in biggest_parts(bundle):
            print(f"    {mb:7.1f} MB  {name}")
        for name, mb, note in installers(bundle):
            print(f"  {name}: {mb:.1f} MB{note}")
        print(report("start", helps[bundle]) + "  [nanmu-desktop-cli --help]")
        print(report("smoke", smokes[bundle]) + "  [demo + notice PDF, offscreen]")


if __name__ == "__main__":
    main()
