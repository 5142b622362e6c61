"""firsts.LedScan: the starts of a pattern's finditer matches, found from their first characters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech.firsts import LedScan
from officialspeech.parse.headings import titleend

# overlapping alternatives, a repeat, a lookahead, an end anchor: each may differ between a
# naive "every position" reading and finditer's, which goes on past each match
PATTERNS = [
    "一是|是一|一一",
    "第[一二三]+|三是",
    "(?:我们|我)要",
    "是(?=一)|一$",
    "[一二][是要]+",
]
ALPHABET = "一二三是要第我们。"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), pattern=st.sampled_from(PATTERNS),
       pos=st.integers(0, 45), endpos=st.integers(0, 45))
def test_starts_equal_finditer(text: str, pattern: str, pos: int, endpos: int) -> None:
    scan = LedScan(pattern)
    assert scan.starts(text, pos, endpos) == [m.start() for m in re.compile(pattern).finditer(text, pos, endpos)]
    assert scan.search(text, pos, endpos) == (re.compile(pattern).search(text, pos, endpos) is not None)


def test_led_only_where_first_characters_are_known() -> None:
    assert LedScan("一是|二是")._led is not None
    assert LedScan(r"\w是")._led is None  # a category: no leading set, the plain pattern is run
    assert LedScan(r"(一)\1")._led is None  # a group m before it would renumber the backreference
    assert LedScan(r"(一)\1").starts("一一二一一", 0, 5) == [0, 3]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="我们要坚持党的领导一是二是首先其次，。“”（一）①", max_size=60))
def test_body_openers_as_finditer(text: str) -> None:
    """The sentence openers and point markers of the vocabulary, as the title-end evidence reads them."""
    scan = titleend._body_openers()
    plain = re.compile(scan.pattern)
    assert scan.starts(text, 0, len(text)) == [m.start() for m in plain.finditer(text)]
    enclosed = titleend._enclosed_scan()
    assert enclosed.starts(text, 1, len(text)) == [m.start() for m in titleend._enclosed_markers().finditer(text, 1)]
