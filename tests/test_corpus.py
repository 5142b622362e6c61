"""The parser against the hand-made gold outlines of ../shared/corpus (skipped when absent).

Targets from the issue that introduced the parser; benchmarks/corpus_score.py prints the
same figures per text (``-v`` lists every mismatch).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpusscorer import scorer


@pytest.fixture(scope="module")
def scores(shared_dir: Path) -> dict[str, float]:
    total, _ = scorer().score_corpus(shared_dir / "corpus")
    result: dict[str, float] = total.scores()
    return result


@pytest.fixture(scope="module")
def flat_scores(shared_dir: Path) -> dict[str, float]:
    total, _ = scorer().score_corpus(shared_dir / "corpus", flat=True)
    result: dict[str, float] = total.scores()
    return result


@pytest.mark.parametrize(("metric", "target"), [
    ("heading_f1", 0.97), ("title_exact", 0.93), ("parent_accuracy", 0.95), ("point_f1", 0.90),
    ("lead_exact", 0.85), ("salutation_exact", 0.95), ("doc_title_exact", 0.85),
])
def test_corpus_targets(scores: dict[str, float], metric: str, target: float) -> None:
    assert scores[metric] >= target


def test_corpus_never_crashes(scores: dict[str, float], flat_scores: dict[str, float]) -> None:
    assert scores["crashes"] == 0
    assert flat_scores["crashes"] == 0


def test_flattened_corpus_headings(flat_scores: dict[str, float]) -> None:
    assert flat_scores["heading_f1"] >= 0.95
    assert flat_scores["title_exact"] >= 0.90


def test_flattened_corpus_document_titles(flat_scores: dict[str, float]) -> None:
    # titles glued to chrome, subtitles and first sentences when line breaks are lost
    assert flat_scores["doc_title_exact"] >= 0.80
