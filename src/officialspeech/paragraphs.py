"""Split body text between headings into paragraphs."""

from __future__ import annotations

import regex

# a paragraph: the content of a line (without the white space around it; blank lines never
# match), then every next line that continues it: the line before does not end a sentence,
# a single line break lies between (blank lines part paragraphs) and the next line does not
# open with a dash, bracket, quote or digit unless it opens with clause punctuation
_JOIN_ENDS = "。！？；：!?;:…”’》）)】"
_LINE = r"(?>\S(?:[^\r\n]*\S)?)"  # atomic: a line once matched is not re-cut
_ONE_BREAK = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\r\n]*\r[^\S\r\n]*)"
_CONTINUES = r"(?=[。，、；：]|[^—\-（(［\[【“\p{nt=de}\p{nt=di}])"
_PARAGRAPH = regex.compile(
    f"{_LINE}(?:(?<![{regex.escape(_JOIN_ENDS)}]){_ONE_BREAK}{_CONTINUES}{_LINE})*")
# sentences of a run-on line joined by spaces: the gap after a sentence end
_GAP_CHARS = " \t\u3000\u00a0"  # (single characters: a text without any is spared the scan)
_SPLIT_IN_LINE = regex.compile(rf"(?<=[。！？!?”’])[{_GAP_CHARS}]+(?=\S)")

Range = tuple[int, int]


def split_paragraphs(text: str, start: int, end: int) -> list[Range]:
    """Paragraph ranges in ``text[start:end]``: one per line (or blank-line block), lines broken
    mid-sentence joined back, and sentences joined by spaces in run-on lines split apart."""
    merged = [m.span() for m in _PARAGRAPH.finditer(text, start, end)]
    if all(text.find(ch, start, end) == -1 for ch in _GAP_CHARS) or _SPLIT_IN_LINE.search(text, start, end) is None:
        return merged  # no sentences joined by spaces anywhere in this stretch
    out: list[Range] = []
    for s, e in merged:
        pos = s
        for m in _SPLIT_IN_LINE.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
    return out
