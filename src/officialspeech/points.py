"""Enumerated points inside paragraphs: 一是…二是…, 第一，…第二，…, 首先…其次…最后."""

from __future__ import annotations

from dataclasses import dataclass

from .grammar import interpret
from .headings import AFTER_BOUNDARY, GLUED, LINE_START, strength_at
from .vocab import vocabulary

MAX_GAP = 4000


@dataclass(slots=True)
class PointCand:
    """A point marker (view offsets) with its place in an enumeration."""

    start: int
    end: int
    marker: str
    family: str
    number: int
    last: bool
    strength: int
    scope: int


def point_candidates(text: str, matches: list[tuple[int, int, str]], body_start: int,
                     body_end: int, scope_of: list[tuple[int, int]],
                     para_starts: frozenset[int] = frozenset()) -> list[PointCand]:
    """Point markers that stand where a point may begin. ``scope_of`` lists
    ``(start, scope_id)`` of sections in order, so a point knows its innermost section;
    a marker at one of ``para_starts`` (a paragraph start, e.g. right after a heading glued
    to it) counts as standing at a line start."""
    voc = vocabulary()
    out: list[PointCand] = []
    si = 0
    scope = -1
    for s, e, cat in matches:
        if cat not in ("point", "heading"):
            continue
        while si < len(scope_of) and scope_of[si][0] <= s:
            scope = scope_of[si][1]
            si += 1
        marker = interpret(text[s:e])
        if marker is None:
            continue
        if cat == "heading":
            # （1）…（2）… inside a paragraph: list items, not headings
            if marker.form == "arabic_paren" and strength_at(text, s, body_start) != LINE_START:
                out.append(PointCand(s, e, text[s:e], "paren", marker.numbers[0], False, AFTER_BOUNDARY, scope))
            continue
        prev = text[s - 1] if s > body_start else ""
        nxt = text[e] if e < body_end else ""
        strength = LINE_START if s in para_starts else strength_at(text, s, body_start)
        if s in para_starts:
            prev = ""
        if marker.form == "sequence":
            if strength == GLUED or (nxt and nxt in voc.sequence_bad_next):
                continue
            need = voc.sequence_requires.get(marker.word)
            if need is not None and not need.match(text, e):
                continue
            role = voc.sequence_words[marker.word]
            out.append(PointCand(s, e, text[s:e], "seq", 1 if role == "first" else 0,
                                 role == "last", strength, scope))
            continue
        if prev and prev in voc.point_bad_prev:
            continue
        if nxt and nxt in voc.point_bad_next:
            continue
        n = marker.numbers[0]
        if marker.form == "cn_verb":
            family = "cn" + marker.word
        else:
            family = "di"
            if strength == GLUED:
                continue
        if n == 1 and strength == GLUED:
            continue
        out.append(PointCand(s, e, text[s:e], family, n, False, strength, scope))
    return out


def select_points(cands: list[PointCand]) -> list[list[PointCand]]:
    """Group candidates into enumerations of at least two points, in order. A 首先… sequence
    that opens inside an unfinished one (an agenda step with its own 首先…最后) is nested:
    when it ends, the outer one goes on (…最后，请…)."""
    runs: list[list[PointCand]] = []
    current: list[PointCand] = []
    outer: list[list[PointCand]] = []  # unfinished sequences a nested one interrupted

    def close() -> None:
        nonlocal current
        if len(current) >= 2:
            runs.append(current)
        current = outer.pop() if outer and current and current[0].family == "seq" else []

    for c in cands:
        if c.number == 1:
            nested = (c.family == "seq" and current and current[0].family == "seq"
                      and not current[-1].last and c.scope == current[-1].scope)
            if nested:
                outer.append(current)
                current = [c]
                continue
            close()
            while outer:  # (a restart of another kind ends the interrupted ones too)
                close()
            current = [c]
            continue
        if not current:
            continue
        head, last = current[0], current[-1]
        same = (c.family == head.family and c.scope == last.scope
                and c.start - last.end <= MAX_GAP and not last.last)
        if not same:
            if c.scope != last.scope:
                close()
                while outer:
                    close()
            continue
        if c.family == "seq":
            c.number = last.number + 1
            current.append(c)
            if c.last:
                close()
        elif c.number == last.number + 1:
            current.append(c)
    close()
    while outer:
        close()
    runs.sort(key=lambda run: run[0].start)
    return runs
