"""The platform floor: the Linux bundle built on Debian 11 (glibc 2.31) by
scripts/build_on_floor.sh runs there — the glibc check (no bundled binary needs a GLIBC_
version above 2.28), the offscreen smoke (demo, notice, PDF/A copy, 台账, screenshots) and the
.deb installed, run from /opt and removed — all inside the bullseye chroot.

Runs when the chroot (.cache/bullseye, with its CPython) and the floor bundle (dist/floor/)
exist, as root; `bash scripts/build_on_floor.sh` makes both (about half an hour the first
time). Skipped otherwise, and with NANMU_SKIP_BUNDLE=1.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROOT = Path(os.environ.get("FLOOR_CHROOT", ROOT / ".cache" / "bullseye"))
BUNDLE = ROOT / "dist" / "floor" / "nanmu-desktop"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("NANMU_SKIP_BUNDLE") == "1", reason="NANMU_SKIP_BUNDLE=1"),
    pytest.mark.skipif(not (CHROOT / "opt" / "python3.11" / "bin" / "python3.11").exists(),
                       reason="no Debian 11 chroot: bash scripts/build_on_floor.sh makes one"),
    pytest.mark.skipif(not (BUNDLE / "nanmu-desktop").exists(),
                       reason="no floor bundle in dist/floor: bash scripts/build_on_floor.sh"),
    pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="chroot needs root"),
]


def test_floor_bundle_smokes_and_its_deb_installs_on_debian_11() -> None:
    done = subprocess.run(["bash", "scripts/build_on_floor.sh", "--smoke"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=1800,
                          check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"glibc 2\.31", done.stdout)  # the chroot is Debian 11's C library
    newest = re.search(r"newest glibc needed: (\d+\.\d+)", done.stdout)
    assert newest and tuple(map(int, newest.group(1).split("."))) <= (2, 28)
    assert re.search(r"smoke ok: notice \d+ bytes, [1-9]\d* screenshots", done.stdout)
    assert "deb ok: installed, ran from /opt, removed cleanly" in done.stdout
    assert not (CHROOT / "opt" / "nanmu-desktop").exists()
