"""Top-level headings whose 、 was stripped: 一过去五年的工作… in punctuation-stripped text.

Corpus pipelines sometimes delete every ，、。 of a speech.  The （一） sub-headings
survive and are found as usual; the 一、 headings become a bare numeral glued between
the end of one section and its own title.  Each group of （一）… sub-headings needs a
top-level heading before it, and childless sections sit between them; the numerals are
placed in order where the text gives the best evidence of a title starting there.
"""

from __future__ import annotations

from functools import cache

from ...numerals import to_chinese
from ...vocab import vocabulary
from ..markers import GLUED
from ..positions import LineIndex
from .candidates import Candidate
from .titleend import SEARCH_PENALTY, best_cut

MIN_LENGTH = 3000
PLACE_SCORE = 3.5
MIN_SCORE = 2.0
MARGIN = 1.5
SURVIVING_ENDS = "！？：；!?:;”"
MAX_TOP = 30
MAX_SCORED = 1000  # places scored per numeral and window (a stripped 30,000-character report has ~200 一)


def is_stripped(text: str, start: int, end: int) -> bool:
    """True when the body is long and has none of 。，、 left."""
    return end - start >= MIN_LENGTH and not vocabulary().stripped.search(text, start, end)


@cache
def _numeral_names() -> dict[int, str]:
    return {n: to_chinese(n) for n in range(1, MAX_TOP + 1)}


def _blocked(text: str, s: int, e: int) -> bool:
    voc = vocabulary()
    prev = text[s - 1] if s > 0 else ""
    nxt = text[e] if e < len(text) else ""
    if (prev and (prev in voc.heading_bad_prev or prev in "（(")) or nxt in "）)":
        return True
    if nxt and (nxt in voc.point_bad_next or nxt in voc.bare_numeral_bad_next):
        return True
    return bool(any(m.start() < e and m.end() > s for m in voc.numeral_words.finditer(text, max(0, s - 4), e + 4)))


def _score(text: str, s: int, e: int, limit: int) -> float:
    if _blocked(text, s, e):
        return -1.0
    score = best_cut(text, e, min(limit, e + vocabulary().max_title_length), SEARCH_PENALTY)[1]
    if s > 0 and text[s - 1] in SURVIVING_ENDS:
        score += 2.0  # the sentence before ended with a mark the stripping kept
    return score


def bare_numeral_headings(text: str, start: int, end: int, groups: list[tuple[int, int]],
                          lines: LineIndex) -> list[Candidate]:
    """Bare top-level numerals before and between the ``groups`` ((start of （一）, start of its
    last sibling)) of sub-headings."""
    names = _numeral_names()
    found: list[Candidate] = []
    pos, gi, k = start, 0, 1
    while k <= MAX_TOP:
        name = names[k]
        window_end = groups[gi][0] if gi < len(groups) else end
        best, second, best_at = -1.0, -1.0, -1
        s = text.find(name, pos, window_end)
        for _ in range(MAX_SCORED):  # (bounded work per numeral, however dense the text is in 一)
            if s == -1:
                break
            sc = _score(text, s, s + len(name), window_end)
            if sc > best:
                best, second, best_at = sc, best, s
            elif sc > second:
                second = sc
            s = text.find(name, s + len(name), window_end)
        placed_since_group = bool(found) and found[-1].start >= (groups[gi - 1][1] if gi > 0 else start)
        clear = best >= PLACE_SCORE or (best >= MIN_SCORE and best - second >= MARGIN)
        if clear or (best_at >= 0 and gi < len(groups) and not placed_since_group):
            s = best_at
            found.append(Candidate(s, s + len(name), name, "cn_dun", k, GLUED, min(lines.line_end(s), end)))
            pos = s + len(name)
            k += 1
            continue
        if gi >= len(groups):
            break
        # the group belongs to the last top-level heading: look after it
        pos = max(pos, groups[gi][1])
        gi += 1
    return found
