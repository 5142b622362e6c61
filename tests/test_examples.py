"""The three example speeches (written for this project) are one speech in three shapes:
they must parse to the same outline."""

from __future__ import annotations

from pathlib import Path

import pytest

from officialspeech import Point, Section, Speech, parse_file
from officialspeech.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SHAPES = ["clean_lines.txt", "run_on.txt", "scraped_page.txt"]
_HALF = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})


def _outline(speech: Speech) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for s in speech.sections():
        out.append(("section", s.level, s.marker.translate(_HALF), s.number, s.title.translate(_HALF)))
        out.extend(("point", p.marker.translate(_HALF), p.number, p.lead.translate(_HALF))
                   for p in s.children if isinstance(p, Point))
    return out


@pytest.mark.parametrize("name", SHAPES[1:])
def test_shapes_share_the_clean_outline(name: str) -> None:
    clean = parse_file(str(EXAMPLES / "clean_lines.txt"))
    other = parse_file(str(EXAMPLES / name))
    assert _outline(other) == _outline(clean)
    assert other.salutation is not None
    assert other.closing is not None


def test_clean_example_has_the_expected_skeleton() -> None:
    speech = parse_file(str(EXAMPLES / "clean_lines.txt"))
    levels = [s.level for s in speech.sections()]
    assert levels == [1, 1, 2, 3, 3, 2, 2, 1]
    assert all(isinstance(s, Section) and s.confidence == "certain" for s in speech.sections())
    assert len(speech.points()) == 9


def test_scraped_example_records_pages_and_metadata() -> None:
    speech = parse_file(str(EXAMPLES / "scraped_page.txt"))
    assert [(p.page, p.total) for p in speech.page_markers] == [(1, 3), (2, None), (3, 3)]
    assert speech.metadata.pages == 3
    assert speech.metadata.format == "DOCX"
    assert speech.metadata.date == "2024-05-10"


def test_quick_start_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(EXAMPLES / "clean_lines.txt")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "在全市乡村振兴工作推进会上的讲话"
    assert "一、提高站位，切实增强推进乡村振兴的责任感紧迫感" in out
