"""What the parser could not place with confidence."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context, Finding
from ..registry import rule


@rule("U601", "guessed-heading-end", "info", "The end of a heading was inferred (no punctuation or line break).",
      bad="一、提高政治站位习近平总书记强调，……", good="一、提高政治站位\n习近平总书记强调，……")
def guessed_heading_end(ctx: Context) -> Iterator[Finding]:
    """In run-on text a heading can be glued to its body. The parser then infers where the title
    ends; check the title by eye, or put a line break after it."""
    for s in ctx.sections():
        if s.confidence == "guessed":
            yield Finding(s.title_span.start, s.title_span.end, f"title end inferred: {s.title!r}")
