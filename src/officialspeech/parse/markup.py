"""Stage (Markdown input only): the markup of a draft kept as .md, found in the source.

Heading prefixes (``## ``, closing ``#``s, setext underlines), list bullets, block quotes,
emphasis markers and HTML comments are *markup*: :class:`~.document.Document` cuts them
out of the view like page markers and chrome (each a gap with reason ``markup``), so every
span still indexes the file as written and the markup is recorded, never applied. The
shapes are data (``data/markdown.json``). What the markup says about structure is kept:
the lines it marks as headings and their Markdown level. The speech's own markers still
decide the level of a numbered heading (``## 一、`` is level 1 because of 一、); a heading
line without one is an unnumbered heading (form ``markdown``), ranked by
:func:`unnumbered_ranks`.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from ..compiled import compile_regex
from ..packaged import package_text
from .markers import FORMS, Token
from .positions import LineIndex

Range = tuple[int, int]
Cut = tuple[int, int, str]
"""A stretch of markup: start, end (source offsets) and the rule that found it."""
_MASK = "\x00"


@dataclass(frozen=True, slots=True)
class MarkupHeading:
    """A line the markup makes a heading (source offsets of its content, without markup)."""

    start: int
    level: int
    """The Markdown level: the number of #s (setext: 1 for =, 2 for -)."""


@dataclass(slots=True)
class Markup:
    """The markup of one document: the stretches to cut and the heading lines."""

    cuts: list[Cut] = field(default_factory=list)
    headings: list[MarkupHeading] = field(default_factory=list)
    items: list[int] = field(default_factory=list)
    """Source offsets of the numbers of ordered list items inside a paragraph (points)."""


@dataclass(frozen=True)
class _Rules:
    comment: regex.Pattern[str]
    front_matter: regex.Pattern[str]
    fence: regex.Pattern[str]
    quote: regex.Pattern[str]
    heading: regex.Pattern[str]
    bullet: regex.Pattern[str]
    heading_close: regex.Pattern[str]
    underline: regex.Pattern[str]
    levels: dict[str, int]
    thematic_break: regex.Pattern[str]
    ordered_item: regex.Pattern[str]
    emphasis: tuple[regex.Pattern[str], ...]


@cache
def _rules() -> _Rules:
    data: dict[str, Any] = json.loads(
        package_text("data/markdown.json"))
    pre, setext = data["line_prefixes"], data["setext"]
    return _Rules(
        comment=compile_regex(data["comment"]),
        front_matter=compile_regex(data["front_matter"]["pattern"]),
        fence=compile_regex(data["fence"]["pattern"]),
        quote=compile_regex(pre["quote"]),
        heading=compile_regex(pre["heading"]),
        bullet=compile_regex(pre["bullet"]),
        heading_close=compile_regex(data["heading_close"]),
        underline=compile_regex(setext["underline"]),
        levels=dict(setext["levels"]),
        thematic_break=compile_regex(setext["thematic_break"]),
        ordered_item=compile_regex(data["ordered_item"]["pattern"]),
        emphasis=tuple(compile_regex(p) for k, p in data["emphasis"].items() if not k.startswith("_")),
    )


def _preamble(rules: _Rules, text: str, out: Markup) -> tuple[int, list[tuple[int, int]]]:
    """Cut a leading YAML block and every HTML comment into ``out``: where the lines start
    to be read, and the comments' spans."""
    head = rules.front_matter.match(text) if text.startswith("---") else None
    skip = head.end() if head is not None else 0  # (the lines of the YAML block are its own)
    if head is not None:
        out.cuts.append((0, skip, "front_matter"))
    comments = [m.span() for m in rules.comment.finditer(text, skip)] if "<!--" in text else []
    out.cuts.extend((a, b, "comment") for a, b in comments)
    return skip, comments


def find_markup(text: str, index: LineIndex) -> Markup:
    """The Markdown markup of ``text`` (source offsets), line by line."""
    rules = _rules()
    out = Markup()
    skip, comments = _preamble(rules, text, out)
    ends = [b for _, b in comments]
    starts = index.starts
    prev_blank = True
    prev_content: int | None = None  # where the text of the line before starts (a setext heading)
    prev_text = False  # the line before is a line of text (no heading, no break)
    in_list: bool | None = None  # an ordered list goes on: inside a paragraph (True) or not
    fence = ""  # the fence of the code block the line is in
    for i, ls in enumerate(starts):
        if ls < skip:
            continue
        le = index.line_end(ls) if i + 1 < len(starts) else len(text)
        line = _masked(text, ls, le, comments, ends)
        m = rules.fence.match(line)
        if m is not None and (not fence or m.group("fence").startswith(fence)):
            out.cuts.append((ls, ls + m.end(), "fence"))
            fence = "" if fence else m.group("fence")
            prev_blank, prev_content, prev_text, in_list = True, None, False, None
            continue
        if fence:
            continue
        blank = not line.strip(" \t\u3000" + _MASK)
        if blank:
            prev_blank, prev_content, prev_text = True, None, False
            continue
        m = rules.underline.match(line) if prev_content is not None else None
        if m is not None and prev_content is not None:
            out.cuts.append((ls + m.start("rule"), ls + m.end("rule"), "setext"))
            out.headings.append(MarkupHeading(prev_content, rules.levels[m.group("rule")[0]]))
            if out.items and out.items[-1] == prev_content:
                out.items.pop()  # (a heading after all)
            prev_blank, prev_content, prev_text, in_list = False, None, False, None
            continue
        m = rules.thematic_break.match(line) if prev_blank else None
        if m is not None:
            out.cuts.append((ls, ls + m.end(), "thematic_break"))
            prev_blank, prev_content, prev_text, in_list = True, None, False, None
            continue
        n_heads = len(out.headings)
        pos, line = _prefixes(rules, line, ls, out)
        content = _skip_space(line, pos)
        heading = len(out.headings) > n_heads
        item = None if heading else rules.ordered_item.match(line, pos)
        if item is not None:
            if in_list is None:
                in_list = prev_text
            if in_list:
                out.items.append(ls + item.start("number"))
        elif heading or prev_blank:
            in_list = None
        prev_blank, prev_text = False, not heading
        prev_content = ls + content if content < len(line) and not heading else None  # (ATX: no underline)
        _emphasis(rules, line, ls, pos, out)
    out.cuts.sort()
    out.headings.sort(key=lambda h: h.start)
    return out


def _masked(text: str, ls: int, le: int, comments: list[Range], ends: list[int]) -> str:
    """The line ``text[ls:le]`` with the comments on it masked out (``comments`` in order,
    ``ends`` their ends)."""
    line = text[ls:le]
    if not comments:
        return line
    chars: list[str] | None = None
    for k in range(bisect_right(ends, ls), len(comments)):
        a, b = comments[k]
        if a >= le:
            break
        chars = chars if chars is not None else list(line)
        for j in range(max(a, ls) - ls, min(b, le) - ls):
            chars[j] = _MASK
    return "".join(chars) if chars is not None else line


def _skip_space(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in " \t\u3000" + _MASK:
        pos += 1
    return pos


def _prefixes(rules: _Rules, line: str, ls: int, out: Markup) -> tuple[int, str]:
    """Cut the block quote, bullet and heading prefixes of one line (in that order: ``> - ## x``);
    returns where its text starts and the line with the cut characters masked."""
    pos = 0
    while (m := rules.quote.match(line, pos)) is not None and m.end() > pos:
        out.cuts.append((ls + pos, ls + m.end(), "quote"))
        pos = m.end()
    m = rules.bullet.match(line, pos)
    if m is not None:
        out.cuts.append((ls + pos, ls + m.end(), "bullet"))
        pos = m.end()
    line = _MASK * pos + line[pos:]
    m = rules.heading.match(line, pos)
    if m is not None:
        out.cuts.append((ls + pos, ls + m.end(), "heading"))
        end = len(line)
        close = rules.heading_close.search(line, m.end())
        if close is not None:
            out.cuts.append((ls + close.start(), ls + close.end(), "heading_close"))
            end = close.start()
        start = _skip_space(line, m.end())
        if start < end:
            out.headings.append(MarkupHeading(ls + start, len(m.group("hashes"))))
        line = _MASK * m.end() + line[m.end():end] + _MASK * (len(line) - end)
        pos = m.end()
    return pos, line


def _emphasis(rules: _Rules, line: str, ls: int, pos: int, out: Markup) -> None:
    """Cut the emphasis markers of one line (its text from ``pos``), the strong ones first."""
    if "*" not in line and "_" not in line:
        return
    for pattern in rules.emphasis:
        found = list(pattern.finditer(line, pos))
        if not found:
            continue
        chars = list(line)
        for m in found:
            for g in ("open", "close"):
                a, b = m.span(g)
                out.cuts.append((ls + a, ls + b, "emphasis"))
                chars[a:b] = _MASK * (b - a)
        line = "".join(chars)


def unnumbered_ranks(headings: list[tuple[int, int]], tokens: list[Token]) -> dict[int, int]:
    """The nesting rank of each Markdown heading line (view start, level) that opens with no
    heading marker of the speech's own: the rank of the numbered Markdown headings of its
    level (``### 小结`` among ``### （一）`` is their sibling); below the deepest numbered
    level above it (``### 小结`` under ``## 一、``: its child); else 0, above every numbered
    heading (``# 第一部分`` over ``## 一、``)."""
    starts = [t.start for t in tokens]
    numbered: dict[int, int] = {}  # Markdown level -> smallest rank of its numbered headings
    plain: list[tuple[int, int]] = []
    for s, level in headings:
        i = bisect_left(starts, s)
        tok = tokens[i] if i < len(tokens) and starts[i] == s else None
        if tok is not None and tok.category == "heading" and tok.marker is not None:
            rank = FORMS[tok.form].rank
            numbered[level] = min(rank, numbered.get(level, rank))
        else:
            plain.append((s, level))
    out: dict[int, int] = {}
    for s, level in plain:
        if level in numbered:
            out[s] = numbered[level]
        else:
            above = [r for lv, r in numbered.items() if lv < level]
            out[s] = max(above) + 1 if above else 0
    return out
