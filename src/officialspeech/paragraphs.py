"""Split body text between headings into paragraphs."""

from __future__ import annotations

import regex

_LINE = regex.compile(r"[^\r\n]*")
_SPLIT_IN_LINE = regex.compile(r"(?<=[。！？!?”’])[ \t\u3000\u00a0]+(?=\S)")
_JOIN_ENDS = "。！？；：!?;:…”’》）)】"

Range = tuple[int, int]


def _strip(text: str, s: int, e: int) -> Range:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def split_paragraphs(text: str, start: int, end: int) -> list[Range]:
    """Paragraph ranges in ``text[start:end]``: one per line (or blank-line block), lines broken
    mid-sentence joined back, and sentences joined by spaces in run-on lines split apart."""
    lines: list[Range] = []
    for m in _LINE.finditer(text, start, end):
        s, e = _strip(text, m.start(), m.end())
        if e > s:
            lines.append((s, e))
    merged: list[Range] = []
    for s, e in lines:
        if merged:
            ps, pe = merged[-1]
            gap = text[pe:s]
            if text[pe - 1] not in _JOIN_ENDS and gap.count("\n") + gap.count("\r") - gap.count("\r\n") <= 1 \
                    and _continues(text, s):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    out: list[Range] = []
    for s, e in merged:
        pos = s
        for m in _SPLIT_IN_LINE.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
    return out


def _continues(text: str, s: int) -> bool:
    # a line that starts with a sentence-internal character continues the previous one
    ch = text[s]
    return (ch not in "—-（(［[【“" and not ch.isdigit()) or ch in "。，、；："
