"""Stage: the page markers (第5页 共5页, — 3 —, 3/12) of the source text, and the stretch to
cut around each (its whole line when it stands alone)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import sub

import regex

from ..compiled import compile_regex
from ..firsts import first_class
from .chars import INLINE_SPACE, has_text
from .markers import category_pattern, interpret
from .positions import LineIndex

PAGE_CHAR = "页"  # the grammar's PAGE terminal: every marker found inside a line has it
WINDOW = 24
SHORT_LINE = 24  # a line holding only a page marker is no longer than this
INLINE_DASHES = "—–－"  # a footer glued into a sentence starts with a long (or full-width) dash…
INLINE_HYPHEN = "-"  # …or with an ASCII hyphen (－ 3 － under NFKC) between words that are no digits or letters
PAGE_DOTS = "·•・"  # the grammar's MIDDOT terminal: ·3· set apart by spaces inside a sentence


@dataclass(frozen=True, slots=True)
class PageHit:
    """A page marker found in the text, and the stretch to cut around it."""

    start: int
    end: int
    cut_start: int
    cut_end: int
    page: int | None
    total: int | None
    inline: bool


@cache
def _pattern() -> regex.Pattern[str]:
    return compile_regex(f"(?:{category_pattern('page')})")


@cache
def _first() -> re.Pattern[str] | None:
    """What a page marker can start with (第, 共, a digit, a dash): a short line that starts
    otherwise is not matched in full (None: no such test)."""
    return first_class(_pattern().pattern)


def _matches(text: str, starts: list[int]) -> list[tuple[int, int, str]]:
    # a marker inside a line has the character 页; other forms (— 3 —, 3/12) stand alone
    # on short lines, so only those lines are matched in full
    pattern = _pattern()
    first = _first()
    found: dict[int, tuple[int, int, str]] = {}
    starts = starts or [0]
    ends = [*starts[1:], len(text)]
    short = compress(zip(starts, ends, strict=True), map(SHORT_LINE.__ge__, map(sub, ends, starts)))
    for ls, le in short:
        line = text[ls:le]
        core = line.strip()
        if core and (first is None or first.match(core)):
            m = pattern.fullmatch(core)
            if m:
                s = ls + line.index(core)
                found[s] = (s, s + len(core), core)
    at = text.find(PAGE_CHAR)
    while at != -1:
        # a marker holding this 页 starts at most WINDOW characters before it
        m = pattern.search(text, max(0, at - WINDOW), at + WINDOW)
        while m is not None and m.start() <= at:
            if m.end() > at:
                found.setdefault(m.start(), (m.start(), m.end(), m.group()))
            m = pattern.search(text, m.end(), at + WINDOW)
        at = text.find(PAGE_CHAR, at + 1)
    # — 3 — glued into a sentence (a footer whose line breaks were lost): only the spaced
    # form with a long dash, so that 2024—2 —… or a—3—b do not count; with ASCII hyphens
    # (- 3 -) only between words that are no digits or Latin letters (not 5 - 3 - 1)
    # ·3· glued into a sentence: only set apart by white space on both sides (…数字经济 ·3· 项目…)
    for dot in PAGE_DOTS:
        at = text.find(dot)
        while at != -1:
            m = pattern.match(text, at)
            if m is not None and _between_spaces(text, at, m.end()):
                found.setdefault(at, (at, m.end(), m.group()))
                at = text.find(dot, m.end())
            else:
                at = text.find(dot, at + 1)
    for dash in INLINE_DASHES + INLINE_HYPHEN:
        at = text.find(dash)
        while at != -1:
            m = pattern.match(text, at)
            if m is not None and _spaced_inside(m.group()) and (dash != INLINE_HYPHEN or _set_apart(text, at, m.end())):
                found.setdefault(at, (at, m.end(), m.group()))
                at = text.find(dash, m.end())
            else:
                at = text.find(dash, at + 1)
    return [found[k] for k in sorted(found)]


def _set_apart(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` (- 3 -) stands between words that are no digits or Latin letters, past
    any white space (…规范 - 2 - 各类…, or its line breaks lost: …。- 2 -各类…), not inside
    arithmetic or a code (5 - 3 - 1, a - 2 - b)."""
    while s > 0 and text[s - 1] in INLINE_SPACE:
        s -= 1
    while e < len(text) and text[e] in INLINE_SPACE:
        e += 1
    return all(not (ch.isascii() and ch.isalnum()) for ch in (text[s - 1:s], text[e:e + 1]) if ch)


def _between_spaces(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` has white space (or a line's end) on both sides."""
    return (s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace())


def _spaced_inside(marker: str) -> bool:
    """…and has white space inside, around its number: — 3 —."""
    return any(ch.isspace() for ch in marker.strip())


def find_page_markers(text: str, index: LineIndex) -> list[PageHit]:
    """Page markers in ``text``; standalone forms (— 3 —, 3/12, 第3页) only on their own line
    or between spaces, 第N页 共M页 anywhere, even glued inside a sentence.  ``index`` is the
    line index of ``text``."""
    hits: list[PageHit] = []
    for s, e, found in _matches(text, index.starts):
        marker = interpret(found)
        if marker is None:
            continue
        ls, le = index.line_start(s), index.line_end(e)
        alone = not has_text(text, ls, s) and not has_text(text, e, le)
        spaced = (s == ls or text[s - 1].isspace()) and (e == le or text[e].isspace())
        if marker.form in ("page_of", "total_page_of"):
            page, total = marker.numbers if marker.form == "page_of" else marker.numbers[::-1]
            if total < page or total == 0:
                continue
        elif marker.form == "page_slash":
            if not alone:
                continue
            page, total = marker.numbers
            if total < page or total == 0:
                continue
        elif marker.form == "page_dotted":
            if not (alone or spaced):
                continue
            page, total = marker.numbers[0], None
        elif marker.form == "page_dashed":
            if not (alone or (found[0] in INLINE_DASHES + INLINE_HYPHEN and _spaced_inside(found))):
                continue
            page, total = marker.numbers[0], None
        else:  # page_only
            if not (alone or spaced):
                continue
            page, total = marker.numbers[0], None
        if alone:
            # cut the whole line and its line break so the text around reads as one
            cut_s = ls
            cut_e = le
            if text.startswith("\r\n", le):
                cut_e = le + 2
            elif le < len(text):
                cut_e = le + 1
        else:
            cut_s, cut_e = s, e
            while cut_s > ls and text[cut_s - 1] in INLINE_SPACE:
                cut_s -= 1
            while cut_e < le and text[cut_e] in INLINE_SPACE:
                cut_e += 1
            if cut_s > ls and cut_e < le and cut_s < s and cut_e > e:
                cut_e -= 1  # keep one separator when both sides had space
        hits.append(PageHit(s, e, cut_s, cut_e, page, total, not alone))
    return hits
