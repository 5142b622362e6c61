"""Numbering of headings: gaps, duplicates, restarts, order, marker forms and levels."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

from ...compiled import compile_regex
from ...model import Section
from ..context import Context, Finding, series
from ..diagnostic import Fix
from ..registry import rule

_NUMERAL = compile_regex(r"[〇○零一二两三四五六七八九十百0-9０-９]+")
# numerals that hold their bracket or dot in one character: one form per kind (㈠ ㈡, ⒈ ⒉, ① ②)
_ENCLOSED = ((compile_regex("[\u3220-\u3229]"), "㈠"), (compile_regex("[\u2488-\u249b]"), "⒈"),
             (compile_regex("[\u2460-\u2473]"), "①"))
_WHITE = compile_regex(r"\s+")
_CN = "〇一二三四五六七八九十"


def _name(n: int | None) -> str:
    if n is None:
        return "?"
    if n <= 10:
        return _CN[n]
    return str(n)


def _pairs(ctx: Context) -> Iterator[tuple[Section, Section]]:
    for group in ctx.sibling_groups():
        numbered = [s for s in group if s.number is not None and series(s) is not None]
        for a, b in itertools.pairwise(numbered):
            if series(a) == series(b):
                yield a, b


def _marker(s: Section) -> Finding:
    return Finding(s.heading_span.start, s.heading_span.start + len(s.marker), "")


def _at(s: Section, message: str, fix: Fix | None = None) -> Finding:
    m = _marker(s)
    return Finding(m.start, m.end, message, fix)


@rule("N101", "numbering-gap", "error", "A heading number is skipped (一、 二、 四、).",
      bad="一、…\n二、…\n四、…", good="一、…\n二、…\n三、…")
def numbering_gap(ctx: Context) -> Iterator[Finding]:
    """Sibling headings must be numbered without gaps; a missing number usually means a section
    was deleted or merged and the numbering was not updated."""
    for a, b in _pairs(ctx):
        assert a.number is not None
        assert b.number is not None
        if b.number > a.number + 1:
            missing = "、".join(_name(n) for n in range(a.number + 1, b.number))
            yield _at(b, f"{b.marker} follows {a.marker}: {missing} missing")


@rule("N102", "numbering-duplicate", "error", "Two sibling headings carry the same number.",
      bad="一、…\n二、…\n二、…", good="一、…\n二、…\n三、…")
def numbering_duplicate(ctx: Context) -> Iterator[Finding]:
    """A number used twice among siblings: one of the two headings is misnumbered."""
    for a, b in _pairs(ctx):
        if b.number == a.number:
            yield _at(b, f"{b.marker} repeats the number of the heading before it (line {a.span.line})")


@rule("N103", "numbering-restart", "error", "Numbering starts again at 1 under the same parent.",
      bad="（一）…\n（二）…\n（一）…", good="（一）…\n（二）…\n（三）…")
def numbering_restart(ctx: Context) -> Iterator[Finding]:
    """Sibling headings restart at 1 with no new parent heading between them: a parent heading
    is missing, or the numbering was copied from another section."""
    for a, b in _pairs(ctx):
        assert a.number is not None
        if b.number == 1 and a.number >= 1:
            yield _at(b, f"{b.marker} restarts the numbering after {a.marker} with no new parent heading")


@rule("N104", "numbering-order", "error", "A heading number goes backwards (三、 after 四、).",
      bad="三、…\n四、…\n三、…", good="三、…\n四、…\n五、…")
def numbering_order(ctx: Context) -> Iterator[Finding]:
    """Numbers must increase; a smaller number (other than a restart at 1) is out of order."""
    for a, b in _pairs(ctx):
        assert a.number is not None
        assert b.number is not None
        if 1 < b.number < a.number:
            yield _at(b, f"{b.marker} comes after {a.marker}: numbers out of order")


_AFTER_BRACKET = "、.．，,"  # punctuation written after a bracketed marker (N108's concern)


def _bracketed(marker: str) -> str:
    """A bracketed marker up to its closing bracket (the grammar lets it take a 、 written
    after it: （一）、); any other marker whole."""
    close = max(marker.rfind("）"), marker.rfind(")"))
    return marker[:close + 1] if close >= 0 else marker


def _form(marker: str) -> str:
    """The marker's form, its numeral as N and no white space (a line wrapped inside it,
    （⏎一）, changes no form); punctuation after a bracketed marker (the 、 of （一）、) is left
    to N108."""
    form = _NUMERAL.sub("N", _WHITE.sub("", _bracketed(marker)))
    for pattern, kind in _ENCLOSED:
        form = pattern.sub(kind, form)
    return form


@rule("N105", "mixed-marker-forms", "warning", "One level mixes marker forms ((一) beside （一）, 1. beside 1、).",
      bad="（一）…\n(二)…", good="（一）…\n（二）…")
def mixed_marker_forms(ctx: Context) -> Iterator[Finding]:
    """Siblings should use one marker form: full-width （一） or half-width (一), 1. or 1、 — not both."""
    for group in ctx.sibling_groups():
        by_style: dict[str, list[Section]] = {}
        for s in group:
            key = series(s)
            if s.number is not None and key is not None:
                by_style.setdefault(key, []).append(s)
        for items in by_style.values():
            forms = Counter(_form(s.marker) for s in items)
            if len(forms) < 2:
                continue
            usual = forms.most_common(1)[0][0]
            example = next(_WHITE.sub("", _bracketed(s.marker)) for s in items if _form(s.marker) == usual)
            for s in items:
                if _form(s.marker) != usual:
                    yield _at(s, f"{_WHITE.sub('', s.marker)} is written differently from its siblings (like {example})")


@rule("N106", "heading-level-order", "warning", "A higher heading level appears after a lower one at the top.",
      bad="（一）…\n一、…", good="一、…\n（一）…")
def heading_level_order(ctx: Context) -> Iterator[Finding]:
    """GB/T 9704-2012 7.3.3 orders heading levels 一、 > （一） > 1. > （1）. A level-1 heading after
    a document that began at a lower level means the first headings are misnumbered."""
    top = [s for s in ctx.speech.body if isinstance(s, Section) and series(s) is not None]
    if not top:
        return
    first = top[0].level
    for s in top[1:]:
        if s.level < first:
            yield _at(s, f"{s.marker} (level {s.level}) after headings of level {first}")


@rule("N107", "heading-level-skipped", "warning", "A heading level is skipped (1. directly under 一、).",
      bad="一、…\n1.…", good="一、…\n（一）…")
def heading_level_skipped(ctx: Context) -> Iterator[Finding]:
    """Under 一、 come （一） headings, under （一） come 1. headings (GB/T 9704-2012 7.3.3)."""
    parents = ctx.parents()
    seen: set[tuple[int, str]] = set()
    for s in ctx.sections():
        parent = parents.get(id(s))
        key = series(s)
        if parent is None or key is None or series(parent) is None:
            continue
        if s.level > parent.level + 1 and (id(parent), key) not in seen:
            seen.add((id(parent), key))  # once per parent: the first child shows it
            yield _at(s, f"{s.marker} (level {s.level}) directly under {parent.marker} (level {parent.level})")


@rule("N108", "marker-punctuation", "warning", "Punctuation after a bracketed marker: （一）、 or （1）.",
      bad="（一）、加强领导", good="（一）加强领导", fixable=True)
def marker_punctuation(ctx: Context) -> Iterator[Finding]:
    """A bracketed marker is complete in itself; 、 . ， after （一） or （1） is redundant."""
    for s in ctx.sections():
        if s.form not in ("cn_paren", "arabic_paren"):
            continue
        t = _after_bracket(ctx.text, s)
        end = t
        while end < s.title_span.end and ctx.text[end] in _AFTER_BRACKET:
            end += 1
        if end > t:
            bracketed = ctx.text[s.heading_span.start:t]
            fix = Fix(start=t, end=end, replacement="", description=f"remove {ctx.text[t:end]!r} after {bracketed}")
            yield Finding(t, end, f"redundant {ctx.text[t:end]!r} after {bracketed}", fix)


def _after_bracket(text: str, s: Section) -> int:
    """Where the closing bracket of ``s``'s marker ends (:func:`_bracketed`); the title's
    start for a marker without one (㈠)."""
    start, bracketed = s.heading_span.start, _bracketed(s.marker)
    if bracketed.endswith(("）", ")")) and text.startswith(s.marker, start):
        return start + len(bracketed)
    return s.title_span.start
