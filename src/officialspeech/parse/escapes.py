"""White space written out as an escape by the tool that exported a text (R writes a no-break
space it cannot encode as ``<U+00A0>``; the pattern is ``escaped_space`` in vocab.json).
Such escapes indent a line and end a title as white space does; they stay in the text."""

from __future__ import annotations

from ..vocab import vocabulary
from .chars import HEADING_SPACE

ESCAPE_MAX = 16  # characters an escaped space spans at most (<U+00A0> is 8)


def escape_before(text: str, end: int, floor: int = 0) -> int | None:
    """Where the escaped space ending at ``end`` starts (None: none does), not before ``floor``."""
    if end <= floor or text[end - 1] != ">":
        return None
    k = text.rfind("<", max(floor, end - ESCAPE_MAX), end)
    return k if k >= 0 and vocabulary().escaped_space.fullmatch(text, k, end) is not None else None


def trim_space_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the white space and escaped spaces before it, not past ``start``;
    an end that falls inside an escape moves to the escape's start."""
    k = text.rfind("<", max(start, end - ESCAPE_MAX), end)
    if k >= 0 and ">" not in text[k:end]:
        m = vocabulary().escaped_space.match(text, k)
        if m is not None and m.end() > end:
            end = k  # cut inside <U+00A0>
    while end > start:
        if text[end - 1] in HEADING_SPACE:
            end -= 1
        elif (k2 := escape_before(text, end, start)) is not None:
            end = k2
        else:
            break
    return end
