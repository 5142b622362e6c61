"""Split body text between headings into paragraphs."""

from __future__ import annotations

import re

# Plain `re` here: these patterns need no Unicode properties and `re` runs them about 1.6x
# faster than `regex` over whole texts.
# A paragraph: the content of a line (without the white space around it; blank lines never
# match), then every next line that continues it: the line before does not end a sentence,
# a single line break lies between (blank lines part paragraphs) and the next line does not
# open with a dash, bracket or quote, a digit or an enclosed or dingbat number or letter
# (1 １ ² ① ⑴ ⒈ ⓐ ❶ …: U+2460-24FF, U+2776-2793).
_JOIN_ENDS = "。！？；：!?;:…”’》）)】"
_LINE = r"\S(?:[^\r\n]*\S)?"
_ONE_BREAK = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\r\n]*\r[^\S\r\n]*)"
_NUMBERS = r"\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u24ff\u2776-\u2793"
_CONTINUES = rf"(?=[^—\-（(［\[【“{_NUMBERS}])"
_PARAGRAPH = re.compile(f"{_LINE}(?:(?<![{re.escape(_JOIN_ENDS)}]){_ONE_BREAK}{_CONTINUES}{_LINE})*")
# sentences of a run-on line joined by spaces: the gap after a sentence end
_GAP_CHARS = " \t\u3000\u00a0"  # (single characters: a text without any is spared the scan)
_SPLIT_IN_LINE = re.compile(rf"[。！？!?”’]([{_GAP_CHARS}]+)(?=\S)")

Range = tuple[int, int]


def has_gaps(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds any of the white space that can join sentences."""
    return any(text.find(ch, start, end) != -1 for ch in _GAP_CHARS)


def split_paragraphs(text: str, start: int, end: int, gaps_possible: bool = True) -> list[Range]:
    """Paragraph ranges in ``text[start:end]``: one per line (or blank-line block), lines broken
    mid-sentence joined back, and sentences joined by spaces in run-on lines split apart
    (``gaps_possible`` False: the caller knows the stretch has no such white space)."""
    merged = [m.span() for m in _PARAGRAPH.finditer(text, start, end)]
    if not (gaps_possible and has_gaps(text, start, end)) or _SPLIT_IN_LINE.search(text, start, end) is None:
        return merged  # no sentences joined by spaces anywhere in this stretch
    out: list[Range] = []
    for s, e in merged:
        pos = s
        for m in _SPLIT_IN_LINE.finditer(text, s, e):
            out.append((pos, m.start(1)))
            pos = m.end(1)
        out.append((pos, e))
    return out
