"""Inline disable comments in Markdown drafts, read from the raw source text.

``<!-- officialspeech: disable=X301,N101 -->`` turns rules off from that line on,
``<!-- officialspeech: enable=X301 -->`` back on (``enable`` alone: every rule),
``<!-- officialspeech: disable-line=X301 -->`` for its own line and
``<!-- officialspeech: disable-next-line=X301 -->`` for the line after it. Rules are named as
for ``--select`` (code, prefix, family, name); no list (``disable``) means every rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..compiled import compile_regex
from .diagnostic import Diagnostic
from .registry import rules
from .selection import matches, unknown

MARKDOWN_SUFFIXES = (".md", ".markdown")
_DIRECTIVE = compile_regex(
    r"<!--\s*officialspeech\s*:\s*(disable-next-line|disable-line|disable|enable)\b\s*(?:=\s*([^>]*?))?\s*-->")
_ALL = ("ALL",)


@dataclass(frozen=True)
class Directive:
    """One disable or enable comment: its 1-based line, its verb and the rules it names."""

    line: int
    verb: str
    selectors: tuple[str, ...]


def is_markdown(name: str) -> bool:
    """Whether inline disable comments apply to the file ``name``."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def directives(text: str) -> list[Directive]:
    """Every directive of ``text``, in order."""
    out: list[Directive] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "officialspeech" not in line:
            continue
        for m in _DIRECTIVE.finditer(line):
            names = tuple(s for s in regex.split(r"[\s,]+", m.group(2) or "") if s)
            out.append(Directive(number, m.group(1), names or _ALL))
    return out


def unknown_selectors(found: Sequence[Directive]) -> list[tuple[int, str]]:
    """(line, selector) of every selector in a directive that names no rule."""
    all_rules = list(rules().values())
    return [(d.line, s) for d in found for s in unknown(d.selectors, all_rules)]


def suppress(diagnostics: Sequence[Diagnostic], found: Sequence[Directive]) -> list[Diagnostic]:
    """The diagnostics not switched off by the directives (by the line each one starts on)."""
    if not found:
        return list(diagnostics)
    all_rules = rules()
    ranges: list[tuple[int, int, tuple[str, ...]]] = []  # first line, last line (inclusive), selectors
    open_: dict[str, int] = {}
    end = max([d.line for d in found] + [x.end.line for x in diagnostics] + [1])
    for d in found:
        if d.verb == "disable-line":
            ranges.append((d.line, d.line, d.selectors))
        elif d.verb == "disable-next-line":
            ranges.append((d.line + 1, d.line + 1, d.selectors))
        elif d.verb == "disable":
            for s in d.selectors:
                open_.setdefault(s, d.line)
        else:  # enable
            closing = list(open_) if d.selectors == _ALL else [s for s in d.selectors if s in open_]
            for s in closing:
                ranges.append((open_.pop(s), d.line - 1, (s,)))
    ranges.extend((start, end, (s,)) for s, start in open_.items())

    def off(x: Diagnostic) -> bool:
        r = all_rules.get(x.code)
        return r is not None and any(first <= x.start.line <= last and any(matches(r, s) for s in sels)
                                     for first, last, sels in ranges)

    return [x for x in diagnostics if not off(x)]
