"""Chunks of a speech's body for search and RAG: :meth:`Speech.chunks` and the :class:`Chunk` model.

Rules
    The body is cut into *regions* that never cross a section boundary: the text directly
    under one section (its heading, then its paragraphs and points up to its first
    subsection), each later run of paragraphs and points between its subsections, and the
    runs at body level.  A section whose heading is followed at once by a subsection has
    its heading as a chunk of its own (``kind="heading"``).  Within a region the *units* are
    the heading, the paragraphs and the points; ``by`` says which units share a chunk:

    * ``"paragraph"``: every paragraph and every point is a chunk of its own;
    * ``"point"`` (default): every point is a chunk of its own, the paragraphs between points
      are packed together up to ``max_chars``;
    * ``"section"``: the units of a region are packed together up to ``max_chars``.

    The heading of a section starts the chunk of the unit after it when both fit in
    ``max_chars``.  A unit is split only when it alone is longer than ``max_chars``: at
    sentence ends (。！？ with their closing quotes), a sentence longer than that at clause
    ends (，；), then hard at ``max_chars``.  With ``overlap``, each piece of a split group
    (and each chunk of a region, ``by="section"``) starts up to ``overlap`` characters
    before the end of the one before it, at a clause or sentence start where there is one,
    so its text is at most ``max_chars + overlap`` long; consecutive chunks share at most
    ``overlap`` characters and never across regions.

    A chunk's ``text`` is the source text of its ``span`` minus its ``gaps`` (the page markers
    and chrome cut out of it), exactly: ``text == "".join(pieces of source[span.start:span.end]
    outside the gaps)``.  Nothing is altered.  With ``overlap=0`` every character of the
    body's headings, paragraphs and points that is not in a gap and not white space is in
    exactly one chunk, and no character is in two; a chunk neither starts nor ends with
    white space (the line breaks between units, or at a cut, stay out of it).
    ``heading_path`` holds the headings as the Markdown outline writes them
    (marker and title: ``一、提高站位…``), from the top section down to the chunk's own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from pydantic import Field

from .compiled import compile_re
from .model import Block, Gap, Paragraph, Point, Section, Span, Speech, _Frozen
from .outline import heading_text
from .parse.positions import LineIndex
from .paths import PageIndex, speech_page_index

ChunkBy = Literal["point", "paragraph", "section"]
ChunkKind = Literal["heading", "paragraph", "point", "mixed"]
BY: tuple[ChunkBy, ...] = ("point", "paragraph", "section")

_SENTENCE_END = compile_re(r"[。！？!?…]+[”’」』》）)\"']*")
_CLAUSE_END = compile_re(r"[，；,;]")
_OVERLAP_START = compile_re(r"[。！？!?…，；,;：:、][”’」』》）)\"']*\s*")


class Chunk(_Frozen):
    """A piece of a speech's body, cut for search and RAG pipelines."""

    text: str = Field(description="The source text of ``span`` minus ``gaps``, never altered.")
    heading_path: list[str] = Field(
        description="The headings (marker and title, as in the Markdown outline) from the top section down to the "
                    "chunk's own; empty at body level.")
    path: str = Field(description="The path of the node the chunk begins in (see Section.path): 一/（二）/3/p2, b4.")
    span: Span = Field(description="From the chunk's first character to one past its last, in the parsed text.")
    gaps: list[Gap] = Field(default_factory=list, description="Page markers and chrome inside ``span``, not in ``text``.")
    pages: list[int] = Field(description="The printed pages the chunk stands on, in order; empty without page markers.")
    kind: ChunkKind = Field(
        description="'heading' for a heading alone, 'paragraph' or 'point' when all the paragraphs or points the "
                    "chunk holds are of that kind (a heading before them aside), else 'mixed'.")


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int  # view offsets
    end: int
    kind: Literal["heading", "paragraph", "point"]
    path: str


class _CutView:
    """The text with the gaps cut out, and the maps between its offsets and the source's."""

    def __init__(self, text: str, cuts: list[tuple[int, int]]) -> None:
        self.cuts = cuts
        self.src_starts: list[int] = []
        self.view_starts: list[int] = []
        pieces: list[str] = []
        pos = vlen = 0
        for a, b in [*cuts, (len(text), len(text))]:
            if a > pos:
                self.src_starts.append(pos)
                self.view_starts.append(vlen)
                pieces.append(text[pos:a])
                vlen += a - pos
            pos = max(pos, b)
        self.text = "".join(pieces)

    def to_view(self, offset: int) -> int:
        """View offset of the first view character at or after source ``offset``."""
        i = bisect_right(self.src_starts, offset) - 1
        if i < 0:
            return 0
        return self.view_starts[i] + min(offset - self.src_starts[i], self._length(i))

    def _length(self, i: int) -> int:
        nxt = self.view_starts[i + 1] if i + 1 < len(self.view_starts) else len(self.text)
        return nxt - self.view_starts[i]

    def to_source(self, offset: int) -> int:
        """Source offset of the view character at ``offset``."""
        i = max(bisect_right(self.view_starts, offset) - 1, 0)
        return self.src_starts[i] + offset - self.view_starts[i] if self.src_starts else offset

    def source_end(self, offset: int) -> int:
        """Source offset one past the view character before ``offset``."""
        return self.to_source(offset - 1) + 1 if offset > 0 else 0

    def gaps_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The cuts inside the source range ``[start, end)``."""
        i = bisect_left(self.cuts, (start, start))
        out = []
        while i < len(self.cuts) and self.cuts[i][1] <= end:
            if self.cuts[i][0] >= start:
                out.append(self.cuts[i])
            i += 1
        return out


def _cuts(speech: Speech) -> tuple[list[tuple[int, int]], dict[tuple[int, int], str]]:
    """Every stretch cut out of some text (node gaps, page markers, chrome), merged."""
    found: dict[tuple[int, int], str] = {}

    def add(gaps: Iterable[Gap]) -> None:
        for g in gaps:
            found.setdefault((g.span.start, g.span.end), g.reason)

    for node in (speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date,
                 speech.salutation, speech.closing, *speech.front):
        if node is not None:
            add(node.gaps)

    def walk(blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                walk(b.children)
            else:
                add(b.gaps)

    walk(speech.body)
    for m in speech.page_markers:
        found.setdefault((m.span.start, m.span.end), "page_marker")
    for c in speech.chrome:
        found.setdefault((c.span.start, c.span.end), "chrome")
    for k in speech.markup:
        found.setdefault((k.span.start, k.span.end), "markup")
    merged: list[tuple[int, int]] = []
    reasons: dict[tuple[int, int], str] = {}
    reason = "chrome"
    for a, b in sorted(k for k in found if k[1] > k[0]):
        if merged and a <= merged[-1][1]:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
            continue
        if merged:
            reasons[merged[-1]] = reason
        merged.append((a, b))
        reason = found[(a, b)]
    if merged:
        reasons[merged[-1]] = reason
    return merged, reasons


def _breaks(text: str, a: int, b: int, pattern: re.Pattern[str]) -> list[int]:
    return [m.end() for m in pattern.finditer(text, a, b) if m.end() < b]


def _pack(points: list[int], limit: int) -> list[tuple[int, int]]:
    """The segments between consecutive ``points`` (each at most ``limit`` long) joined
    greedily while they fit in ``limit``."""
    out: list[tuple[int, int]] = []
    start = prev = points[0]
    for pos in points[1:]:
        if pos - start > limit and prev > start:
            out.append((start, prev))
            start = prev
        prev = pos
    out.append((start, points[-1]))
    return out


def _split(a: int, b: int, limit: int, levels: list[list[int]]) -> list[tuple[int, int]]:
    """``[a, b)`` in pieces of at most ``limit``, cut at the breaks of the first level
    (sorted offsets), a segment still too long at those of the next, hard cuts last.
    Linear in the breaks inside ``[a, b)``."""
    if b - a <= limit:
        return [(a, b)]
    if not levels:
        return [(i, min(i + limit, b)) for i in range(a, b, limit)]
    breaks = levels[0]
    points = [a, *breaks[bisect_right(breaks, a):bisect_left(breaks, b)], b]
    out: list[tuple[int, int]] = []
    run = 0  # index in points where the segments not yet cut begin
    for i, (s, e) in enumerate(pairwise(points)):
        if e - s > limit:  # too long alone: what came before is packed, this one is split deeper
            if i > run:
                out.extend(_pack(points[run:i + 1], limit))
            out.extend(_split(s, e, limit, levels[1:]))
            run = i + 1
    if run < len(points) - 1:
        out.extend(_pack(points[run:], limit))
    return out


def _regions(speech: Speech, view: _CutView) -> list[tuple[list[str], list[_Unit]]]:
    out: list[tuple[list[str], list[_Unit]]] = []

    def unit(b: Paragraph | Point) -> _Unit:
        return _Unit(view.to_view(b.span.start), view.to_view(b.span.end), b.kind, b.path)

    def walk(blocks: list[Block], heads: list[str], section: Section | None) -> None:
        run: list[_Unit] = []
        if section is not None:
            hs = section.heading_span
            run.append(_Unit(view.to_view(hs.start), view.to_view(hs.end), "heading", section.path))
        for b in blocks:
            if isinstance(b, Section):
                if run:
                    out.append((heads, run))
                    run = []
                walk(b.children, [*heads, heading_text(b)], b)
            else:
                run.append(unit(b))
        if run:
            out.append((heads, run))

    walk(speech.body, [], None)
    return [(h, [u for u in units if u.end > u.start]) for h, units in out if any(u.end > u.start for u in units)]


def _groups(units: list[_Unit], by: ChunkBy, limit: int, text: str) -> list[list[_Unit]]:
    """The units that may share a chunk (split further only when too long); never two units
    with text between them that is no unit (a closing between paragraphs: 谢谢大家！), only
    white space (``text``: the view)."""
    groups: list[list[_Unit]] = []
    for u in units:
        last = groups[-1] if groups else None
        if last is not None and not text[last[-1].end:u.start].strip() and (
                by == "section" or (last[-1].kind == "heading" and len(last) == 1)
                or (by == "point" and u.kind == "paragraph" and last[-1].kind == "paragraph")):
            last.append(u)
        else:
            groups.append([u])
    return groups


def _kind(units: list[_Unit], a: int, b: int) -> ChunkKind:
    inside = {u.kind for u in units if u.start < b and u.end > a}
    if inside == {"heading"}:
        return "heading"
    inside.discard("heading")
    return inside.pop() if len(inside) == 1 else "mixed"


def _overlap_start(text: str, prev: tuple[int, int], start: int, overlap: int) -> int:
    """Where a chunk starting at ``start`` begins when it repeats the end of ``prev``."""
    lo = max(prev[0], start - overlap)
    if lo >= start:
        return start
    m = _OVERLAP_START.search(text, lo, start)
    new = m.end() if m is not None and m.end() < start else lo
    while new < start and text[new].isspace():
        new += 1
    return new


def chunk_speech(speech: Speech, text: str | None = None, *, max_chars: int = 500, overlap: int = 0,
                 by: ChunkBy = "point") -> list[Chunk]:
    """The chunks of ``speech``'s body (see the module's docstring); ``text`` is the parsed
    input (by default the one kept by :func:`parse_speech`, or ``speech.source.text``)."""
    if text is None:
        text = speech.source_text()
    if text is None:
        raise ValueError("chunks() needs the parsed text for a Speech read back from JSON: pass text=")
    if len(text) != speech.length:
        raise ValueError(f"the text has {len(text)} characters, the Speech was parsed from {speech.length}")
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if not 0 <= overlap < max_chars:
        raise ValueError("overlap must be at least 0 and less than max_chars")
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    cuts, reasons = _cuts(speech)
    view = _CutView(text, cuts)
    v = view.text
    sentence_ends = _breaks(v, 0, len(v), _SENTENCE_END)
    clause_ends = _breaks(v, 0, len(v), _CLAUSE_END)
    index = LineIndex(text)
    pages: PageIndex = speech_page_index(speech)
    out: list[Chunk] = []
    for heads, units in _regions(speech, view):
        prev: tuple[int, int] | None = None
        for group in _groups(units, by, max_chars, v):
            a, b = group[0].start, group[-1].end
            unit_bounds = sorted({p for u in group for p in (u.start, u.end)})
            pieces = _split(a, b, max_chars, [unit_bounds, sentence_ends, clause_ends])
            if by != "section":
                prev = None  # overlap only between the pieces of one group
            for piece in pieces:
                s, e = _trim(group, *piece)
                while s < e and v[s].isspace():
                    s += 1
                while e > s and v[e - 1].isspace():
                    e -= 1
                if e <= s:
                    continue
                start = s if prev is None or not overlap else _overlap_start(v, prev, s, overlap)
                prev = (s, e)
                src_start, src_end = view.to_source(start), view.source_end(e)
                first = next(u for u in group if u.end > s)
                out.append(Chunk(
                    text=v[start:e], heading_path=heads, path=first.path, kind=_kind(group, s, e),
                    span=Span(**index.span(src_start, src_end)),
                    gaps=[Gap(reason=reasons.get(c, "chrome"), span=Span(**index.span(*c)))  # type: ignore[arg-type]
                          for c in view.gaps_within(src_start, src_end)],
                    pages=pages.pages_within(src_start, src_end)))
    return out


def _trim(group: list[_Unit], s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without the text between units at its ends (line breaks between paragraphs)."""
    for u in group:
        if u.end > s:
            s = max(s, u.start)
            break
    for u in reversed(group):
        if u.start < e:
            e = min(e, u.end)
            break
    return s, e
