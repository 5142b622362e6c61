"""The parser on a held-out set of speeches written for this project (tests/fixtures/speeches).

The texts were written after the parser, to measure it on unseen text; the misses they
showed were then fixed (see the set's README), so they are regression fixtures now. Their
outlines were made by hand following the conventions of ../shared/corpus/INDEX.md. The
floors below are what the parser achieves, rounded down a little, so that a regression
fails; ``python benchmarks/corpus_score.py --corpus tests/fixtures/speeches -v``
(and ``--flatten``) prints the same figures and lists every mismatch.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from corpusscorer import scorer

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "speeches"
NAMES = sorted(p.stem for p in (HELDOUT / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    total, _ = scorer().score_corpus(HELDOUT)
    result: dict[str, float] = total.scores()
    return result


@pytest.fixture(scope="module")
def flat_scores() -> dict[str, float]:
    total, _ = scorer().score_corpus(HELDOUT, flat=True)
    result: dict[str, float] = total.scores()
    return result


# achieved on 2026-12-01, after the fixes this set prompted, rounded down
FLOORS = {
    "heading_f1": 0.99, "title_exact": 0.98, "parent_accuracy": 0.99, "point_f1": 0.99,
    "lead_exact": 0.99, "point_heading_accuracy": 0.99, "salutation_exact": 0.99,
    "doc_title_exact": 0.99, "closing_exact": 0.99, "page_marker_f1": 0.99,
}
FLAT_FLOORS = {
    "heading_f1": 0.99, "title_exact": 0.91, "parent_accuracy": 0.99, "point_f1": 0.99,
    "lead_exact": 0.99, "point_heading_accuracy": 0.99, "salutation_exact": 0.99,
    "doc_title_exact": 0.90, "closing_exact": 0.90, "page_marker_f1": 0.99,
}


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_heldout_floors(scores: dict[str, float], metric: str, floor: float) -> None:
    assert scores[metric] >= floor


@pytest.mark.parametrize(("metric", "floor"), sorted(FLAT_FLOORS.items()))
def test_heldout_flattened_floors(flat_scores: dict[str, float], metric: str, floor: float) -> None:
    assert flat_scores[metric] >= floor


def test_heldout_never_crashes(scores: dict[str, float], flat_scores: dict[str, float]) -> None:
    assert scores["crashes"] == 0
    assert flat_scores["crashes"] == 0


def test_heldout_set_is_large_and_varied() -> None:
    assert len(NAMES) >= 10
    golds = [json.loads((HELDOUT / "gold" / f"{n}.json").read_text("utf-8")) for n in NAMES]
    assert {"speech", "report", "greeting", "not_speech"} <= {g["kind"] for g in golds}
    shapes = {s for g in golds for s in g["shape"]}
    assert {"single_line", "stray_spaces", "page_markers", "pdf_breaks", "site_chrome", "placeholders",
            "halfwidth_punct", "footnotes"} <= shapes


def _check_gold(root: Path, name: str, *, shortest: int, title_gap: str, lead_ends: str, longest: int = 3000) -> None:
    """Every gold string of ``root``'s ``name`` is in the text as written (``title_gap``: what
    may stand between a marker and its title; ``lead_ends``: what may follow a lead); parents
    and headings point backwards."""
    gold: dict[str, Any] = json.loads((root / "gold" / f"{name}.json").read_text("utf-8"))
    text = (root / "texts" / f"{name}.txt").read_bytes().decode("utf-8")
    assert gold["id"] == name
    assert shortest <= len(text) <= longest
    for key in ("title", "salutation", "closing"):
        assert gold[key] is None or gold[key] in text
    assert all(m in text for m in gold["page_markers"])
    for i, h in enumerate(gold["headings"]):
        assert re.search(re.escape(h["marker"]) + title_gap + re.escape(h["title"]), text), h
        assert h["parent"] is None or 0 <= h["parent"] < i
    for p in gold["points"]:
        assert re.search(re.escape(p["marker"]) + "[，,、]?" + re.escape(p["lead"]) + f"[{lead_ends}]", text), p
        assert p["heading"] is None or 0 <= p["heading"] < len(gold["headings"])


@pytest.mark.parametrize("name", NAMES)
def test_heldout_gold_is_consistent_with_its_text(name: str) -> None:
    _check_gold(HELDOUT, name, shortest=800, title_gap="", lead_ends="。；！？;!?")


# ------------------------------------------------- the second and third sets (rounds of 6-8)

SECOND = ROOT / "tests" / "fixtures" / "speeches2"
THIRD = ROOT / "tests" / "fixtures" / "speeches3"


def _names(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "gold").glob("*.json"))


# what each set achieves after the fixes it prompted, rounded down (its README: what stays)
SET_FLOORS: dict[str, tuple[Path, dict[str, float], dict[str, float]]] = {
    # 2026-12-05
    "second": (SECOND, {
        "heading_f1": 0.99, "title_exact": 0.95, "parent_accuracy": 0.99, "point_f1": 0.99,
        "lead_exact": 0.99, "salutation_exact": 0.99, "doc_title_exact": 0.99, "closing_exact": 0.99,
    },
        # point F1 0.974: a flattened run-on title ends before its （1） sub-items, which then read as
        # the inline list points that flattened （1） items are elsewhere in that text (deep_levels)
        {"heading_f1": 0.96, "title_exact": 0.83, "point_f1": 0.97, "doc_title_exact": 0.96}),
    # 2026-12-07 (62 texts since rounds 13 and 14: the flattened point F1 and document title floors
    # follow the harder texts they brought, one-line and glued pages; the title and page floors rose;
    # 86 texts since rounds 16 and 17: parent 0.986 (blank_lines_numeral_headings' 第一、 lines, gold
    # headings, read as points), flattened heading F1 0.956 and point F1 0.955 (（1） sub-headings of
    # flattened reports read as inline list points, as in corpus 006) set the lower floors)
    "third": (THIRD, {
        "heading_f1": 0.98, "title_exact": 0.96, "parent_accuracy": 0.98, "point_f1": 0.98,
        "lead_exact": 0.99, "salutation_exact": 0.99, "doc_title_exact": 0.98, "closing_exact": 0.93,
    # 144 texts since rounds 23 and 24 (2026-12-08): flattened document title 0.868, their glued
    # page titles and breadcrumbs before the real title (paged_party_lecture, oneline_youth_report);
    # 176 since rounds 27 and 28: 0.852, round 27's reprints flattened (an editor's note, a digest
    # and a news lead glued before the speech's own title: 0.375 there)
    }, {"heading_f1": 0.95, "title_exact": 0.79, "point_f1": 0.95, "doc_title_exact": 0.85, "page_marker_f1": 0.94}),
}
_SCORES: dict[tuple[str, bool], dict[str, float]] = {}


def _set_scores(name: str, flat: bool) -> dict[str, float]:
    if (name, flat) not in _SCORES:
        total, _ = scorer().score_corpus(SET_FLOORS[name][0], flat=flat)
        _SCORES[(name, flat)] = total.scores()
    return _SCORES[(name, flat)]


@pytest.mark.parametrize(("name", "flat", "metric", "floor"), [
    (name, flat, metric, floor) for name, (_, floors, flat_floors) in SET_FLOORS.items()
    for flat, table in ((False, floors), (True, flat_floors)) for metric, floor in sorted(table.items())])
def test_set_floors(name: str, flat: bool, metric: str, floor: float) -> None:
    scores = _set_scores(name, flat)
    assert scores[metric] >= floor
    assert scores["crashes"] == 0


@pytest.mark.parametrize("name", _names(SECOND))
def test_second_heldout_gold_is_consistent_with_its_text(name: str) -> None:
    # a heading's title may stand after white space or on the line below its marker; a
    # chained lead may end at the comma before the next marker; an excerpt is short
    _check_gold(SECOND, name, shortest=600, title_gap=r"\s*", lead_ends="。；！？;!?，,", longest=5000)


@pytest.mark.parametrize("name", _names(THIRD))
def test_third_heldout_gold_is_consistent_with_its_text(name: str) -> None:
    # as the second set's; one text ends its sentences with a half-width '.'
    _check_gold(THIRD, name, shortest=450, title_gap=r"\s*", lead_ends="。；！？;!?，,.", longest=3500)


@pytest.mark.parametrize(("root", "least"), [(SECOND, 20), (THIRD, 176)])
def test_the_later_sets_are_varied(root: Path, least: int) -> None:
    golds = [json.loads((root / "gold" / f"{n}.json").read_text("utf-8")) for n in _names(root)]
    assert len(golds) >= least
    assert {"speech", "report", "greeting", "not_speech"} <= {g["kind"] for g in golds}
