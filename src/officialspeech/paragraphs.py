"""Split body text between headings into paragraphs."""

from __future__ import annotations

import regex

# the content of a line without the white space around it (blank lines never match)
_CONTENT = regex.compile(r"[^\s](?:[^\r\n]*[^\s])?")
# sentences of a run-on line joined by spaces: the gap after a sentence end
_SPLIT_IN_LINE = regex.compile(r"[。！？!?”’]([ \t\u3000\u00a0]+)(?=\S)")
_JOIN_ENDS = "。！？；：!?;:…”’》）)】"

Range = tuple[int, int]


def split_paragraphs(text: str, start: int, end: int) -> list[Range]:
    """Paragraph ranges in ``text[start:end]``: one per line (or blank-line block), lines broken
    mid-sentence joined back, and sentences joined by spaces in run-on lines split apart."""
    lines = [m.span() for m in _CONTENT.finditer(text, start, end)]
    merged: list[Range] = []
    for s, e in lines:
        if merged:
            ps, pe = merged[-1]
            if text[pe - 1] not in _JOIN_ENDS and _continues(text, s) and _one_break(text, pe, s):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    if _SPLIT_IN_LINE.search(text, start, end) is None:
        return merged  # no sentences joined by spaces anywhere in this stretch
    out: list[Range] = []
    for s, e in merged:
        pos = s
        for m in _SPLIT_IN_LINE.finditer(text, s, e):
            out.append((pos, m.start(1)))
            pos = m.end(1)
        out.append((pos, e))
    return out


def _one_break(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` holds a single line break (no blank line between the two lines)."""
    for ch in ("\n", "\r"):
        at = text.find(ch, start, end)
        if at != -1:
            return text.find(ch, at + 1, end) == -1
    return True


def _continues(text: str, s: int) -> bool:
    # a line that starts with a sentence-internal character continues the previous one
    ch = text[s]
    return (ch not in "—-（(［[【“" and not ch.isdigit()) or ch in "。，、；："
