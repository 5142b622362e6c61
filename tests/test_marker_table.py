"""The marker grammar's table (parse/marker_table.py): the shipped file is what Lark
compiles from the grammar now, a parse never imports Lark while it matches, and the
interpreter reads every marker the scanner can find as the grammar's LALR parser reads it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech.build_marker_table import dumps, source_path
from officialspeech.numerals import stem_to_int, to_int
from officialspeech.parse import marker_table as mt
from officialspeech.parse import markers
from officialspeech.parse.markers import Marker, category_pattern, interpret, scanner

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def lark_reading(text: str) -> Marker | None:
    """The marker ``text`` is as the LALR parser of the grammar parses it (the reference)."""
    from lark import Token, Tree
    from lark.exceptions import LarkError

    parser = markers.marker_parser()
    categories = {r.alias or r.origin.name: r.origin.name for r in parser.rules}
    try:
        tree = parser.parse(text, start="start")
    except LarkError:
        return None
    form_tree = tree.children[0]
    assert isinstance(form_tree, Tree)
    numbers: list[int] = []
    word = ""
    for tok in form_tree.children:
        assert isinstance(tok, Token)
        if tok.type in ("CN_NUM", "ARABIC", "CIRCLED", "PAREN_CN_NUM", "DOT_ARABIC", "STEM"):
            value = stem_to_int(str(tok)) if tok.type == "STEM" else to_int(str(tok))
            if value is None:
                return None
            numbers.append(value)
        elif tok.type in ("POINT_VERB", "DI_POINT_VERB", "SEQUENCE_WORD"):
            word = str(tok)
        elif tok.type == "COMMA":
            word = "，"
    form = str(form_tree.data)
    return Marker(category=categories[form], form=form, numbers=tuple(numbers), word=word)  # type: ignore[arg-type]


def found_markers(text: str) -> set[str]:
    """Every marker text the scanner (all categories) and the page pattern find in ``text``."""
    page = regex.compile(category_pattern("page"))
    return {m.group() for m in scanner().finditer(text)} | {m.group() for m in page.finditer(text)}


def test_the_shipped_table_is_the_one_lark_compiles() -> None:
    assert source_path().read_text("utf-8") == dumps(mt.compiled_builtin()), \
        "data/marker_table.json is stale: run python -m officialspeech.build_marker_table"


def test_the_shipped_table_is_used_for_the_builtin_grammar() -> None:
    assert mt.marker_table() is mt.shipped()


def test_an_edited_grammar_gets_its_table_from_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = mt.shipped()
    assert shipped is not None
    stale = dataclasses.replace(shipped, key="0" * 64, terminals={**shipped.terminals, "DUN": "X"})
    monkeypatch.setattr(mt, "shipped", lambda: stale)
    table = mt.marker_table.__wrapped__()  # type: ignore[attr-defined]
    assert table is not stale
    assert table == shipped  # compiled anew by Lark from the grammar as it is


def test_a_parse_does_not_import_lark() -> None:
    code = ("import sys, officialspeech\n"
            "officialspeech.parse_json('关于工作的讲话\\n同志们：\\n一、总体要求\\n（一）目标。一是抓好，二是落实。"
            "第一，要做。①甲。\\n1. 细则\\n（1）内容。首先，其次。\\n第 2 页 共 5 页\\n— 3 —\\n谢谢大家！\\n')\n"
            "print('lark' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


FRAGMENTS = [*"〇一二三十百两0123４５、.．（）()［］〔〕第其点是要还也，,页共—－-/／ 　\n①⑴❶㈠⒈甲乙否章了",
             "部分", "附件", "首先", "其次", "再次", "最后", "\r\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join))
def test_a_found_marker_reads_as_the_lalr_parser_reads_it(text: str) -> None:
    for found in found_markers(text):
        assert interpret(found) == lark_reading(found), found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map("".join))
def test_a_text_the_scanner_finds_whole_reads_as_the_parser_reads_it(text: str) -> None:
    if scanner().fullmatch(text) or regex.fullmatch(f"(?:{category_pattern('page')})", text):
        assert interpret(text) == lark_reading(text)


def test_the_markers_of_the_repositorys_texts_read_as_the_parser_reads_them() -> None:
    texts = [p.read_text("utf-8") for d in ("examples", "tests/fixtures") for p in (ROOT / d).rglob("*.txt")]
    found = set().union(*(found_markers(t) for t in texts))
    assert len(found) > 50
    assert {f: interpret(f) for f in found} == {f: lark_reading(f) for f in found}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent")
def test_the_markers_of_the_shared_texts_read_as_the_parser_reads_them() -> None:
    texts = [p.read_text("utf-8", errors="replace") for p in SHARED.rglob("*") if p.suffix in (".txt", ".md")]
    found = set().union(*(found_markers(t) for t in texts))
    assert {f: interpret(f) for f in found} == {f: lark_reading(f) for f in found}
