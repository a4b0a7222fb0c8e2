"""Resident memory: the main window on a 100,000-case database (target ≤ 300 MB), then growth
after opening and closing 200 case forms and showing 100 notice previews (target ≤ 30 MB).

    .venv/bin/python bench/bench_ui_memory.py
"""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

from bench_ui_support import big_database, rss_mb, verdict

TARGET_RSS_MB = 300
TARGET_GROWTH_MB = 30
FORMS = 200
PREVIEWS = 100
WARM_UP = 10  # first forms/previews load code and fonts: not growth


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.errors import NanmuError
    from nanmu_desktop.services.case_list import CaseQuery, list_cases
    from nanmu_desktop.services.demo import fill_demo
    from nanmu_desktop.services.documents import DocumentTarget, draft_pdf
    from nanmu_desktop.storage.db import open_database
    from nanmu_desktop.ui.app import create_application
    from nanmu_desktop.ui.common.context import UiContext
    from nanmu_desktop.ui.main_window import CASES, DOCUMENTS, MainWindow

    app = create_application(["bench"])  # kept: the QApplication must outlive the window
    scratch = Path(tempfile.mkdtemp(prefix="nanmu-mem-"))
    settings = QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)
    context = UiContext(None, big_database(), settings)
    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()

    def settle() -> None:
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

    settle()
    opened_rss = rss_mb()

    cases_page = window.page(CASES)
    ids = [c.id for c in list_cases(context.database, CaseQuery(limit=FORMS)).rows]
    form_rss: list[float] = []
    for n, case_id in enumerate(ids):
        form = cases_page.open_case(case_id)  # type: ignore[attr-defined]
        settle()
        form.close()
        settle()
        if n == WARM_UP:
            gc.collect()
            form_rss.append(rss_mb())
    gc.collect()
    settle()
    form_rss.append(rss_mb())

    # Real drafts, rendered by the engine from a small demo database, shown in the 文书 page.
    demo = open_database(scratch / "demo.sqlite3")
    fill_demo(demo)
    decided = [c.id for c in list_cases(demo, CaseQuery(limit=50)).rows
               if c.status not in ("registered", "investigating", "determining")]
    kinds = (DocumentKind.exemption_decision, DocumentKind.notification,
             DocumentKind.determination_worksheet, DocumentKind.mitigation_decision)
    drafts = []
    for case_id in decided:
        for kind in kinds:
            try:
                drafts.append(draft_pdf(demo, DocumentTarget(kind, case_id=case_id)))
            except NanmuError:  # a kind that does not fit this case's outcome
                continue
    demo.close()
    documents = window.show_page(DOCUMENTS)
    preview = documents.preview  # type: ignore[attr-defined]
    preview_rss: list[float] = []
    for n in range(PREVIEWS):
        preview.show_pdf(drafts[n % len(drafts)])
        while preview.document.status() != QPdfDocument.Status.Ready:
            QApplication.processEvents()
        window.grab()  # paint the pages, as on screen
        settle()
        if n == WARM_UP:
            gc.collect()
            preview_rss.append(rss_mb())
    gc.collect()
    settle()
    preview_rss.append(rss_mb())
    peak = max(opened_rss, *form_rss, *preview_rss)
    growth = (form_rss[-1] - form_rss[0]) + (preview_rss[-1] - preview_rss[0])
    window.close()
    context.database.close()
    app.processEvents()

    opened_ok = verdict(opened_rss <= TARGET_RSS_MB)
    print(f"main window on the 100,000-case database: "
          f"{opened_rss:.0f} MB (target ≤ {TARGET_RSS_MB} MB) {opened_ok}")
    print(f"case forms: {form_rss[0]:.0f} → {form_rss[-1]:.0f} MB over {FORMS - WARM_UP} forms")
    print(f"previews ({len(drafts)} distinct drafts): {preview_rss[0]:.0f} → "
          f"{preview_rss[-1]:.0f} MB over {PREVIEWS - WARM_UP} previews")
    print(f"peak {peak:.0f} MB (target ≤ {TARGET_RSS_MB} MB) {verdict(peak <= TARGET_RSS_MB)}")
    print(f"growth after warm-up: {growth:.1f} MB (target ≤ {TARGET_GROWTH_MB} MB) "
          f"{verdict(growth <= TARGET_GROWTH_MB)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
