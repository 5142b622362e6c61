"""The slice contract on real text: mutations of the texts in ../shared keep every text field
equal to its span's slice minus the node's gaps, every span inside its node, nothing lost."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHARED
from officialspeech import parse_speech
from spanchecks import contract_violations

INSERTS = ["第2页 共3页", "— 3 —", "共9页 第1页", "- 12 -", "\n", "\r\n", "", " ", "\u3000", "一、", "（二）", "3.",
           "一是", "第二，", "首先，", "下载文档", "\n此文档下载收益归作者所有\n", "同志们：", "谢谢大家！", "。"]


@cache
def _texts() -> list[str]:
    folders = [SHARED / "corpus" / "texts", SHARED / "wild" / "texts"]
    return [p.read_text("utf-8", errors="replace") for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))]


def _mutated(data: st.DataObject) -> str:
    texts = _texts()
    if not texts:
        pytest.skip("../shared is not available")
    text = texts[data.draw(st.integers(0, len(texts) - 1), label="text")]
    start = data.draw(st.integers(0, max(0, len(text) - 1)), label="start")
    piece = text[start:start + data.draw(st.integers(50, 3000), label="length")]
    for _ in range(data.draw(st.integers(0, 8), label="edits")):
        at = data.draw(st.integers(0, len(piece)), label="at")
        if data.draw(st.booleans(), label="delete"):
            piece = piece[:at] + piece[at + data.draw(st.integers(1, 40), label="n"):]
        else:
            piece = piece[:at] + data.draw(st.sampled_from(INSERTS), label="insert") + piece[at:]
    if data.draw(st.booleans(), label="flatten"):
        piece = piece.replace("\n", data.draw(st.sampled_from(["", " "]), label="join"))
    return piece


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_real_text_keeps_the_slice_contract(data: st.DataObject) -> None:
    text = _mutated(data)
    details: dict[str, str] = {}
    assert not contract_violations(text, parse_speech(text), details), details


@pytest.mark.parametrize("text", [
    "二、压实—3 —责任\n",  # a page footer inside a heading title
    "一、各第2页共3页.",  # a page marker between the title and its end
    "一、第2页 共3页（一）（二）",  # an empty title before a page marker
    "同志们：\n一是压实第2页 共3页责任。二是强化督导。\n",  # a page marker inside a lead
])
def test_page_markers_inside_headings_and_leads_are_gaps(text: str) -> None:
    speech = parse_speech(text)
    details: dict[str, str] = {}
    assert not contract_violations(text, speech, details), details
    assert speech.page_markers


def test_a_title_cut_by_a_page_marker_lists_it() -> None:
    text = "同志们：\n二、压实—3 —责任\n要层层落实。\n"
    section = parse_speech(text).sections()[0]
    assert section.title == "压实责任"
    assert [text[g.span.start:g.span.end] for g in section.gaps] == ["—3 —"]
    assert section.gaps[0].reason == "page_marker"


def test_the_shared_texts_are_found() -> None:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not available")
    assert len(_texts()) >= 25
