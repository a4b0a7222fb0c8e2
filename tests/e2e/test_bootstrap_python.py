"""scripts/bootstrap.sh checks the Python version before anything else: too old or missing, it
says in Chinese what is needed and exits 2, leaving nothing behind. A stub `python3` that
reports an old version stands in for a UOS/Kylin system Python (3.7/3.8)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ("dirname", "sed", "sort", "head", "cat")


def _checkout(tmp_path: Path) -> Path:
    """The script and pyproject.toml in a scratch checkout (a .venv would land here)."""
    work = tmp_path / "checkout"
    (work / "scripts").mkdir(parents=True)
    shutil.copy2(ROOT / "scripts" / "bootstrap.sh", work / "scripts" / "bootstrap.sh")
    shutil.copy2(ROOT / "pyproject.toml", work / "pyproject.toml")
    return work


def _stub_python(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    stub = folder / "python3"
    stub.write_text(f'#!/bin/sh\necho "{version}"\n', encoding="utf-8")
    stub.chmod(0o755)
    return stub


def _run(work: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    bash = shutil.which("bash")
    assert bash is not None
    return subprocess.run([bash, str(work / "scripts" / "bootstrap.sh")], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)


def _required() -> str:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    return text.split('requires-python = ">=', 1)[1].split('"', 1)[0]


def test_an_old_python_given_is_refused_in_chinese(tmp_path: Path) -> None:
    work = _checkout(tmp_path)
    stub = _stub_python(tmp_path / "bin", "3.8")
    done = _run(work, {**os.environ, "PYTHON": str(stub)})
    assert done.returncode == 2
    assert f"需要 Python {_required()} 或更新版本，当前为 3.8" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not (work / ".venv").exists()


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason="needs coreutils")
def test_only_an_old_python3_on_the_path_is_refused(tmp_path: Path) -> None:
    work = _checkout(tmp_path)
    bin_dir = tmp_path / "bin"
    _stub_python(bin_dir, "3.7")
    for tool in TOOLS:  # nothing else on PATH: no other python3.x to fall back to
        (bin_dir / tool).symlink_to(shutil.which(tool) or tool)
    env = {k: v for k, v in os.environ.items() if k != "PYTHON"}
    env["PATH"] = str(bin_dir)
    done = _run(work, env)
    assert done.returncode == 2
    assert f"需要 Python {_required()} 或更新版本，当前为 3.7" in done.stderr
    assert not (work / ".venv").exists()


def test_a_missing_python_is_named(tmp_path: Path) -> None:
    work = _checkout(tmp_path)
    done = _run(work, {**os.environ, "PYTHON": str(tmp_path / "no-such-python")})
    assert done.returncode == 2
    assert "未找到可用的 Python" in done.stderr and f"需要 Python {_required()}" in done.stderr
    assert not (work / ".venv").exists()
