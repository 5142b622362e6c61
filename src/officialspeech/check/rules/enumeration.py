"""Enumerations inside paragraphs: 一是…三是 with 二是 missing, a lone 一是, announced counts."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache

import regex

from ...compiled import compile_regex
from ...model import Point, Section
from ...numerals import to_int
from ...vocab import vocabulary
from ..context import Context, Finding
from ..context import series as heading_series
from ..registry import rule


@cache
def _cn_point() -> regex.Pattern[str]:
    return compile_regex(r"(?P<n>[一二三四五六七八九十]{1,2})(?P<w>[是要])")


def _point_markers(ctx: Context) -> list[tuple[Section | None, int, int, int, str]]:
    """(owner, start, end, number, word) of every 一是/二要… standing at a clause start."""
    voc = vocabulary()
    out: list[tuple[Section | None, int, int, int, str]] = []
    for owner, start, end in ctx.body_text_blocks():
        for m in _cn_point().finditer(ctx.text, start, end):
            s, e = m.span()
            prev = ctx.text[s - 1] if s > 0 else "\n"
            nxt = ctx.text[e] if e < len(ctx.text) else ""
            if s > start and not (prev.isspace() or prev in voc.boundary_before):
                continue
            if nxt and nxt in voc.point_bad_next:
                continue
            n = to_int(m.group("n"))
            if n is not None:
                out.append((owner, s, e, n, m.group("w")))
    return out


def _runs(ctx: Context) -> list[list[tuple[int, int, int]]]:
    """Sequences of (start, end, number) per owner and marker word, split where 一 starts again."""
    runs: dict[tuple[int, str], list[list[tuple[int, int, int]]]] = {}
    for owner, s, e, n, w in _point_markers(ctx):
        key = (id(owner), w)
        seqs = runs.setdefault(key, [])
        if n == 1 or not seqs:
            seqs.append([])
        seqs[-1].append((s, e, n))
    return [seq for seqs in runs.values() for seq in seqs]


@rule("E201", "enumeration-gap", "error", "An enumeration skips a number (一是 … 三是 with no 二是).",
      bad="一是抓学习。三是抓落实。", good="一是抓学习。二是抓队伍。三是抓落实。")
def enumeration_gap(ctx: Context) -> Iterator[Finding]:
    """Points counted 一是, 二是, 三是… must not skip: a missing 二是 usually means a point was
    deleted or two were merged."""
    for seq in _runs(ctx):
        for (_, _, a), (s, e, b) in itertools.pairwise(seq):
            if b > a + 1:
                yield Finding(s, e, f"{ctx.text[s:e]} follows point {a}: point {a + 1} is missing")


@rule("E202", "lone-first-point", "warning", "一是 with no 二是 after it.",
      bad="一是抓学习。另外，要抓落实。", good="一是抓学习。二是抓落实。")
def lone_first_point(ctx: Context) -> Iterator[Finding]:
    """An enumeration of one: 一是 promises at least a 二是 in the same section."""
    for seq in _runs(ctx):
        if len(seq) == 1 and seq[0][2] == 1:
            s, e, _ = seq[0]
            yield Finding(s, e, f"{ctx.text[s:e]} starts an enumeration that has no second point")


@rule("E203", "announced-count", "warning", "A list announced with a count (我讲三点意见) has another length.",
      bad="我讲三点意见。\n一、…\n二、…", good="我讲两点意见。\n一、…\n二、…")
def announced_count(ctx: Context) -> Iterator[Finding]:
    """When a speech announces how many parts follow (我讲三点意见, 提四点要求), the sections or
    points that follow should be that many."""
    voc = vocabulary()
    sections = ctx.sections()
    points = ctx.speech.points()
    for owner, start, end in ctx.body_text_blocks():
        for m in voc.announcement_count.finditer(ctx.text, start, end):
            count = to_int(m.group("count"))
            if count is None:
                continue
            after = m.end()
            # the sections that follow at the next level, or the points that follow in this block's section
            nxt = next((s for s in sections if s.span.start >= after), None)
            following: list[Section] | list[Point] = []
            what = ""
            if nxt is not None and (owner is None or nxt in owner.children):
                siblings = [s for s in sections if heading_series(s) == heading_series(nxt) and s.level == nxt.level
                            and s.span.start >= after and _same_parent(ctx, s, nxt)]
                following, what = siblings, "headings"
            else:
                series = next((p.series for p in points if p.span.start >= after), None)
                if series is not None:
                    following, what = [p for p in points if p.series == series], "points"
            if following and len(following) != count:
                yield Finding(m.start(), m.end(),
                              f"announces {count} but {len(following)} {what} follow")


def _same_parent(ctx: Context, a: Section, b: Section) -> bool:
    parents = ctx.parents()
    return parents.get(id(a)) is parents.get(id(b))
