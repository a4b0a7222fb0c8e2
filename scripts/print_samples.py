"""Page images of every document kind, from the demo data: `docs/print/<kind>-<page>.png`.

Fills a fresh database with the demo data set (which issues one document of every kind, dated
when the office would have issued it), then turns each issued PDF into PNG pages with
`pdftoppm` (Debian's poppler-utils). Run from the repository root:

    PYTHONPATH=$PWD python scripts/print_samples.py [--dpi 60] [--out docs/print]

The images are regenerated whole: old ones in the folder are removed first.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from nanmu_desktop.domain.vocabulary import DocumentKind
from nanmu_desktop.services.demo import fill_demo
from nanmu_desktop.services.issuing import IssuedDocumentInfo, document_pdf, list_documents
from nanmu_desktop.storage.db import open_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--out", type=Path, default=Path("docs/print"))
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        sys.stderr.write("找不到 pdftoppm，请先安装 poppler-utils"
                         "（apt-get install poppler-utils）。\n")
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite3")
        try:
            fill_demo(db)
            samples: dict[str, IssuedDocumentInfo] = {}
            for info in reversed(list_documents(db)):  # the first of each kind (and format)
                letter = info.kind == DocumentKind.notification.value and "函" in info.number
                samples.setdefault(info.kind + ("-letter" if letter else ""), info)
            for name, info in sorted(samples.items(), key=lambda s: _order(s[0])):
                pdf = document_pdf(db, info.number)[1]
                source = Path(tmp) / f"{name}.pdf"
                source.write_bytes(pdf)
                subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(source),
                                str(args.out / name)], check=True)
                pages = sorted(args.out.glob(f"{name}-*.png"))
                sys.stdout.write(f"{name}\t{info.kind_label}\t{info.number}\t{len(pages)} 页\n")
        finally:
            db.close()
    return 0


def _order(name: str) -> int:
    kinds = [k.value for k in DocumentKind]
    base = name.removesuffix("-letter")
    return 2 * kinds.index(base) + (name != base)


if __name__ == "__main__":
    sys.exit(main())
