"""A writer to be killed: `python -m tests.storage.crash_workload DB OUT_DIR`.

It walks cases through every kind of write — register, determine, decide, issue (to a PDF file
beside OUT_DIR), void, edit — and prints one line per committed write ("kind key") with a flush,
so whoever kills it knows what was committed. Used by tests/storage/test_crash.py and
bench/crash_trials.py.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(db_path: Path, out_dir: Path) -> None:
    from nanmu_desktop.domain.vocabulary import DocumentKind
    from nanmu_desktop.services.cases import get_case, register_case, update_case
    from nanmu_desktop.services.decisions import DecisionInput, record_decision
    from nanmu_desktop.services.determinations import save_proposal
    from nanmu_desktop.services.documents import DocumentTarget
    from nanmu_desktop.services.issuing import issue_document, void_document
    from nanmu_desktop.storage.db import open_database

    from .write_workload import J1_FACTS, case_input

    officer_id = int((db_path.parent / "officer_id").read_text())
    db = open_database(db_path)
    say("ready", 0)
    from datetime import date

    i = 0
    while True:
        i += 1
        case = register_case(db, case_input(officer_id, f"崩溃-{i}"))
        say("register", case.number)
        save_proposal(db, case.id, J1_FACTS)
        say("determine", case.id)
        record_decision(db, case.id, DecisionInput(date.today(), ("乌力吉",)))
        say("decide", case.id)
        target = DocumentTarget(DocumentKind.exemption_decision, case.id)
        issued = issue_document(db, target, output=out_dir / f"{i}.pdf")
        say("issue", issued.number)
        if i % 2 == 0:
            void_document(db, issued.number, "崩溃测试作废")
            say("void", issued.number)
        seen = get_case(db, case.id)
        update_case(db, case.id, case_input(officer_id, f"改-{i}"), expected_version=seen.version)
        say("edit", f"{case.id}:{seen.version + 1}")


def say(kind: str, key: object) -> None:
    sys.stdout.write(f"{kind} {key}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
