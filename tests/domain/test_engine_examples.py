"""The worked examples in tests/domain/examples/*.json: facts → expected outcome and basis."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nanmu_desktop.domain.decisions import basis_for, ruling
from nanmu_desktop.domain.engine import determine
from nanmu_desktop.domain.facts import ITEM_COUNTS, Facts
from nanmu_desktop.domain.outcomes import Ground, Outcome
from nanmu_desktop.domain.regulation_loader import load_regulation

EXAMPLES = sorted((Path(__file__).parent / "examples").glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_worked_example(path: Path) -> None:
    example = _load(path)
    result = determine(Facts.from_dict(example["facts"]))
    assert result.outcome == Outcome(example["outcome"])
    assert result.ground == Ground(example["ground"])
    assert list(result.basis) == example["basis"]
    assert len(result.warnings) == example["warning_count"], result.warnings
    assert list(result.accountability) == example.get("accountability", [])
    rulebook = load_regulation().rulebook
    assert rulebook is not None
    for decision in example.get("decisions", ()):
        decided = Outcome(decision["decided"])
        verdict = ruling(result.ground, decided, Facts.from_dict(example["facts"]))
        assert verdict.allowed == decision["allowed"], decision
        if verdict.allowed:
            assert verdict.needs_reason == decision["departure"]
            facts = Facts.from_dict(example["facts"])
            cited = [c.format() for c in basis_for(facts, result.ground, decided, rulebook)]
            assert cited == decision["basis"]
        else:
            assert verdict.refusal.startswith(decision["refused_by"] + "："), verdict.refusal


def test_examples_cover_every_item_and_outcome() -> None:
    examples = [_load(p) for p in EXAMPLES]
    assert len(examples) >= 30
    for name, count in ITEM_COUNTS.items():
        chosen = {n for e in examples for n in e["facts"].get(name, [])}
        assert chosen == set(range(1, count + 1)), name
    assert {e["outcome"] for e in examples} == {o.value for o in Outcome}
    assert {e["ground"] for e in examples} == {g.value for g in Ground}
    decided = [d for e in examples for d in e.get("decisions", ())]
    assert any(d["allowed"] and d["departure"] for d in decided)
    assert any(not d["allowed"] for d in decided)
