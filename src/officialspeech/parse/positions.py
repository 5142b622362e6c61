"""Offsets, lines and columns; the view of the text with page markers and chrome cut out."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add
from typing import Any

from ..compiled import compile_regex

_NEWLINE = compile_regex(r"\r\n|\r|\n")


def strip(v: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without the white space at either end."""
    while s < e and v[s].isspace():
        s += 1
    while e > s and v[e - 1].isspace():
        e -= 1
    return s, e


class LineIndex:
    """Maps character offsets of a text to 1-based lines and columns."""

    def __init__(self, text: str) -> None:
        if "\r" in text and text.count("\r") != text.count("\r\n"):  # a lone \r ends a line too
            self.starts = [0]
            self.starts.extend(m.end() for m in _NEWLINE.finditer(text))
        else:  # the common case (\n or \r\n), all in C: the running sum of the lines and their \n
            self.starts = list(accumulate(map(add, map(len, text.split("\n")[:-1]), repeat(1)), initial=0))
        self.length = len(text)
        self.text = text

    def line_start(self, pos: int) -> int:
        """Offset of the start of the line that holds ``pos``."""
        return self.starts[bisect_right(self.starts, pos) - 1]

    def line_end(self, pos: int) -> int:
        """Offset of the first line break at or after ``pos`` (the text's length when none):
        the end of the line that holds ``pos``, found in the index, not by a scan."""
        i = bisect_right(self.starts, pos)
        if i >= len(self.starts):
            return self.length
        nxt = self.starts[i]
        brk = nxt - 2 if nxt >= 2 and self.text.startswith("\r\n", nxt - 2) else nxt - 1
        return max(pos, brk)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def span(self, start: int, end: int) -> dict[str, Any]:
        """The ``Span`` dict of ``[start, end)``."""
        starts = self.starts
        i = bisect_right(starts, start) - 1
        if end > start:
            j = i
            if i + 1 < len(starts) and end > starts[i + 1]:  # (most spans end on their first line)
                j = bisect_right(starts, end - 1, i) - 1
            return {"start": start, "end": end, "line": i + 1, "column": start - starts[i] + 1,
                    "end_line": j + 1, "end_column": end - starts[j] + 1}
        column = start - starts[i] + 1
        return {"start": start, "end": end, "line": i + 1, "column": column, "end_line": i + 1, "end_column": column}


class View:
    """The source text with some stretches cut out, and the map back to source offsets.

    ``view.text`` is what the structure finder reads; ``source(i)`` turns a view
    offset into an offset of the caller's string.
    """

    def __init__(self, source: str, cuts: list[tuple[int, int]]) -> None:
        self.source_text = source
        self.cuts = sorted(c for c in cuts if c[1] > c[0])
        pieces: list[str] = []
        self._view_starts: list[int] = []
        self._src_starts: list[int] = []
        pos = 0
        vlen = 0
        for cut_start, b in self.cuts:
            a = max(cut_start, pos)
            if b <= a:
                continue
            if a > pos:
                self._view_starts.append(vlen)
                self._src_starts.append(pos)
                pieces.append(source[pos:a])
                vlen += a - pos
            pos = b
        if pos < len(source) or not self._view_starts:
            self._view_starts.append(vlen)
            self._src_starts.append(pos)
            pieces.append(source[pos:])
        self.text = "".join(pieces)

    def source(self, offset: int) -> int:
        """Source offset of the view character at ``offset`` (a start position)."""
        if not self.cuts:
            return offset
        i = bisect_right(self._view_starts, offset) - 1
        i = max(i, 0)
        return self._src_starts[i] + offset - self._view_starts[i]

    def view_offset(self, source: int) -> int:
        """View offset of the source offset ``source``; inside a cut, of what follows it."""
        if not self.cuts:
            return source
        i = max(bisect_right(self._src_starts, source) - 1, 0)
        off = self._view_starts[i] + max(source - self._src_starts[i], 0)
        nxt = self._view_starts[i + 1] if i + 1 < len(self._view_starts) else len(self.text)
        return min(off, nxt)

    def source_end(self, offset: int) -> int:
        """Source offset for a view end position (one past a character)."""
        if offset <= 0:
            return self.source(0)
        return self.source(offset - 1) + 1

    def cuts_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The cuts lying strictly inside the source range ``[start, end)``."""
        if not self.cuts:
            return []
        i = bisect_right(self.cuts, (start, len(self.source_text) + 1))
        out: list[tuple[int, int]] = []
        while i < len(self.cuts) and self.cuts[i][0] < end:
            if self.cuts[i][1] <= end:
                out.append(self.cuts[i])
            i += 1
        return out
