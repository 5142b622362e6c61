"""Anonymisation placeholders left in a text: x届x次, x亿元, XX县区, ××, 某某, XXXX年XX月XX日."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache

import regex

from ...compiled import compile_regex
from ...packaged import package_text
from ..context import Context, Finding
from ..registry import rule


@cache
def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    data = json.loads(package_text("data/placeholders.json"))
    return [(p["name"], compile_regex(p["pattern"])) for p in data["patterns"]]


@rule("X301", "placeholder", "error", "An anonymisation placeholder is left in the text (x届x次, XX县区, ××).",
      bad="召开市委x届x次全会，XX县区作交流发言。", good="召开市委十二届七次全会，东城区作交流发言。")
def placeholder(ctx: Context) -> Iterator[Finding]:
    """Templates and anonymised copies stand x, XX, ×× or 某某 where a number, a name or a place
    belongs. A published speech with one is broken, so this is an error by default."""
    chrome = [(c.span.start, c.span.end) for c in ctx.speech.chrome]
    hits: list[tuple[int, int]] = []
    for _, pattern in _patterns():
        for m in pattern.finditer(ctx.text):
            s, e = m.span()
            if e > s and not any(a <= s < b for a, b in chrome):
                hits.append((s, e))
    last_end = -1
    for s, e in sorted(hits, key=lambda h: (h[0], -h[1])):
        if s < last_end:
            continue  # overlapping matches of several patterns: report the first
        last_end = e
        word = ctx.text[s:min(len(ctx.text), e + 2)]
        yield Finding(s, e, f"placeholder {ctx.text[s:e]!r} left in the text ({word!r})")
