"""The case full-text index: the one home of its tokenising, and keeping it in step.

On SQLite it is an FTS5 table over a character-bigram copy of each case's text; on PostgreSQL
a table of the normalised text with a GIN-indexed tsvector of the same bigrams (the backends
hold the SQL: storage/backends/).

FTS5's trigram tokenizer cannot match two-character Chinese words (容错), and unicode61
treats a run of Han characters as one token. So the text is re-written as overlapping
bigrams plus the run's last character ("容错纠错" → "容错 错纠 纠错 错"): a query of
n ≥ 2 characters becomes the phrase of its n-1 bigrams; a single character becomes the
prefix query "容"*, which the trailing unigram makes complete. The index is kept in
step by the ORM after every flush (`sync_after_flush`), so change cases through ORM
objects: a bulk `update(Case)` statement would bypass it. Deleting needs no tokenising
and is done by a trigger, whoever deletes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from .models import Case, CaseOfficer, Officer

FTS_TABLE = "case_search_index"
_RUN = re.compile(r"\w+")  # letters and digits of any script; punctuation splits runs


def _runs(value: str) -> list[str]:
    normal = unicodedata.normalize("NFKC", value).casefold()
    return [run.replace("_", "") for run in _RUN.findall(normal) if run.strip("_")]


def _grams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_text(parts: Iterable[str]) -> str:
    """The tokenised form stored in the index for the given pieces of text."""
    return " ".join(" ".join(_grams(run)) for part in parts for run in _runs(part))


def query_runs(query: str) -> list[str]:
    """The words of a search, normalised like the indexed text."""
    return _runs(query)


def index_body(parts: Iterable[str]) -> str:
    """The normalised text (its runs, space-separated) a word is looked for in."""
    return " ".join(run for part in parts for run in _runs(part))


def index_grams(parts: Iterable[str]) -> list[str]:
    """The distinct bigrams (and each run's last character) of the given pieces of text."""
    return sorted({gram for part in parts for run in _runs(part) for gram in _grams(run)})


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH string requiring every word of `query`; None when it has no word."""
    terms = []
    for run in _runs(query):
        if len(run) == 1:
            terms.append(f'"{run}"*')
        else:
            terms.append('"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(terms) if terms else None


_CASE_TEXT = text(
    "SELECT c.id, c.number, c.title, c.description, c.loss_text, c.impact,"
    " c.remedial_actions FROM cases c WHERE c.id IN :ids"
).bindparams(bindparam("ids", expanding=True))
_OFFICER_NAMES = text(
    "SELECT co.case_id, o.name FROM case_officers co JOIN officers o ON o.id = co.officer_id"
    " WHERE co.case_id IN :ids ORDER BY co.case_id, co.position, o.id"
).bindparams(bindparam("ids", expanding=True))


def reindex_cases(connection: Connection, case_ids: Iterable[int]) -> None:
    """Replace the index rows of these cases with their current text (missing cases: removed)."""
    from .backends import backend_of

    ids = sorted(set(case_ids))
    if not ids:
        return
    backend = backend_of(connection)
    names: dict[int, list[str]] = {}
    for case_id, name in connection.execute(_OFFICER_NAMES, {"ids": ids}):
        names.setdefault(case_id, []).append(name)
    rows = [
        (row[0], [*(p or "" for p in row[1:]), " ".join(names.get(row[0], []))])
        for row in connection.execute(_CASE_TEXT, {"ids": ids})
    ]
    found = {case_id for case_id, _ in rows}
    backend.unindex_cases(connection, [i for i in ids if i not in found])
    backend.index_cases(connection, rows)


def sync_after_flush(session: Session, _flush_context: Any) -> None:
    """ORM hook: re-index every case whose text or officers this flush touched."""
    touched: set[int] = set()
    renamed_officers: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Case):
            touched.add(obj.id)
        elif isinstance(obj, CaseOfficer):
            touched.add(obj.case_id)
        elif isinstance(obj, Officer) and obj in session.dirty:
            renamed_officers.add(obj.id)
    connection = session.connection()
    if renamed_officers:
        linked = text("SELECT case_id FROM case_officers WHERE officer_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        touched.update(connection.execute(linked, {"ids": sorted(renamed_officers)}).scalars())
    reindex_cases(connection, touched)
