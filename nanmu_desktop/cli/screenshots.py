"""`screenshots [--db FILE] -o DIR`: PNGs of the real main window, its wizards and a notice.

Qt is imported only inside the handler, so every other subcommand stays free of it. Runs on
Qt's offscreen platform unless QT_QPA_PLATFORM says otherwise: no window flashes up.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from nanmu_desktop.errors import NotFoundError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshots",
        help="保存主窗口各页面、向导各步和文书预览的截图（PNG）",
        description="以 1366×768 打开主窗口，逐页截图后退出；不修改数据库。",
    )
    # Also accepted after the subcommand; a separate dest keeps the global --db intact.
    parser.add_argument("--db", dest="screenshots_db", type=Path, default=None, metavar="文件",
                        help="数据库文件（同全局 --db）")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="文件夹",
                        help="截图保存到此文件夹")
    parser.set_defaults(handler=run_screenshots)


def run_screenshots(args: argparse.Namespace) -> int:
    from nanmu_desktop.paths import default_db_path

    db_path: Path = args.screenshots_db or args.db or default_db_path()
    if not db_path.is_file():
        raise NotFoundError(f"找不到数据库文件：{db_path}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from nanmu_desktop.ui.screenshots import take_screenshots

    written = take_screenshots(db_path, args.output)
    for path in written:
        sys.stdout.write(f"{path}\n")
    sys.stdout.write(f"共保存 {len(written)} 张截图。\n")
    return 0
