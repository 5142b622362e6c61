"""The title-end evidence (src/officialspeech/titleend.py)."""

from __future__ import annotations

import re

import regex

from officialspeech.parse.chars import HAN
from officialspeech.parse.headings.titleend import cut_scores


def test_han_ranges_are_the_han_script() -> None:
    ours = re.compile(f"[{HAN}]")
    script = regex.compile(r"\p{Han}")
    differ = [hex(c) for c in range(0x34000) if bool(ours.match(chr(c))) != bool(script.match(chr(c)))]
    assert differ == []


def test_a_restated_last_word_is_evidence_where_the_body_starts() -> None:
    text = "一、持续推进接诉即办接诉即办是回应群众关切的重要抓手。"
    ts = text.index("持续")
    scores = dict(cut_scores(text, ts, text.index("。")))
    k = text.index("接诉即办是")
    assert scores[k] == max(scores.values())
