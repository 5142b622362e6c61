"""The title-end evidence (src/officialspeech/titleend.py)."""

from __future__ import annotations

import re

import regex

from officialspeech.titleend import HAN, cut_scores


def test_han_ranges_are_the_han_script() -> None:
    ours = re.compile(f"[{HAN}]")
    script = regex.compile(r"\p{Han}")
    differ = [hex(c) for c in range(0x34000) if bool(ours.match(chr(c))) != bool(script.match(chr(c)))]
    assert differ == []


def test_a_restated_last_word_is_evidence_where_the_body_starts() -> None:
    text = "一、积极发展协商民主协商民主是实践全过程人民民主的重要形式。"
    ts = text.index("积极")
    scores = dict(cut_scores(text, ts, text.index("。")))
    k = text.index("协商民主是")
    assert scores[k] == max(scores.values())
