"""Node paths and printed pages, computed on the plain tree before it is validated.

``add_paths(tree)`` fills ``path`` and ``page`` into every node dict of the tree that
:func:`officialspeech.parse_speech` builds, in one pass over the nodes (linear in their
number; a page is a bisection over the page markers).

Paths
    A section's path is the markers of its ancestors and itself as written, without trailing
    punctuation (、 . ． and white space) and without a line break inside one (a line wrapped
    inside the marker: （⏎三） is ``（三）``), joined by ``/``: ``一/（二）/3``.  Points are
    ``p1``, ``p2`` … and paragraphs ``b1``, ``b2`` … by their rank among the points or the
    paragraphs of the same parent (``一/（二）/3/p2`` is the second point of that section,
    ``b4`` the fourth paragraph at body level).  An unnumbered container (注释) is ``s1``,
    ``s2`` … among its siblings.  Where a marker repeats among siblings (a restarted series)
    its second occurrence is ``一~2``, its third ``一~3``, so paths are unique.  A ``/`` inside
    a marker is written ``／`` so that a path always splits at ``/``.
    Front and back matter have fixed paths: ``title``, ``subtitle``, ``speaker``,
    ``occasion``, ``date``, ``salutation``, ``closing``, and ``front/b1`` … for the other
    lines before the body.  These never collide with body paths (no marker spells them).

Pages
    The printed page a node starts on, read from the page markers.  A text's markers are
    *header-style* when the first of them stands before all content (title, front lines,
    body and closing; site chrome does not count): each marker starts its page, so a node
    is on the page of the last marker before it.  Otherwise they are *footer-style*
    (第5页 共9页 at the foot of page 5): a node before the first marker is on that marker's
    page, and a node after marker ``p`` is on page ``p + 1`` (never past the marker's 共N页).
    A marker without a number counts as the one before it plus one.  ``page`` is null when
    the text has no page marker (or no numbered one before the node, header-style).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any

from .outline import one_line_marker

if TYPE_CHECKING:
    from .model import Speech

_TRAILING = "、.．,，:：;； \t\u3000"
_FRONT = ("title", "subtitle", "speaker", "occasion", "date", "salutation")


class PageIndex:
    """The printed page of any offset, from the page markers ``(start, page, total)``
    (sorted by start); see the module's docstring for the header and footer styles."""

    __slots__ = ("footer", "pages", "starts", "totals")

    def __init__(self, markers: list[tuple[int, int | None, int | None]], content_start: int | None) -> None:
        self.starts = [m[0] for m in markers]
        pages: list[int | None] = []
        for _, written, _total in markers:
            before = pages[-1] if pages else None
            pages.append(before + 1 if written is None and before is not None else written)
        self.pages = pages
        self.totals = [m[2] for m in markers]
        self.footer = not markers or content_start is None or content_start < markers[0][0]

    def page_at(self, offset: int) -> int | None:
        """The page the character at ``offset`` is printed on (null without markers)."""
        starts = self.starts
        if not starts:
            return None
        k = bisect_right(starts, offset) - 1
        if not self.footer:
            return self.pages[k] if k >= 0 else None
        if k < 0:
            return self.pages[0]
        page = self.pages[k]
        if page is None:
            return None
        total = self.totals[k]
        return page if total is not None and page >= total else page + 1

    def pages_within(self, start: int, end: int) -> list[int]:
        """The pages the stretch ``[start, end)`` is printed on, in order."""
        out: list[int] = []
        first = self.page_at(start)
        if first is not None:
            out.append(first)
        starts = self.starts
        k = bisect_right(starts, start)
        while k < len(starts) and starts[k] < end:
            page = self.page_at(starts[k])
            if page is not None and page not in out:
                out.append(page)
            k += 1
        return out


def page_index(tree: dict[str, Any]) -> PageIndex:
    """The :class:`PageIndex` of a Speech tree (a dict as built by the parser, or a dump)."""
    markers = sorted((m["span"]["start"], m.get("page"), m.get("total")) for m in tree.get("page_markers") or ())
    starts = [node["span"]["start"] for key in (*_FRONT, "closing") if (node := tree.get(key))]
    starts.extend(node["span"]["start"] for node in tree.get("front") or ())
    body = tree.get("body") or ()
    if body:
        starts.append(body[0]["span"]["start"])
    return PageIndex(markers, min(starts) if starts else None)


def speech_page_index(speech: Speech) -> PageIndex:
    """The :class:`PageIndex` of a parsed :class:`Speech` (the same as the parser's)."""
    markers = sorted((m.span.start, m.page, m.total) for m in speech.page_markers)
    starts = [node.span.start for node in (speech.title, speech.subtitle, speech.speaker, speech.occasion,
                                          speech.date, speech.salutation, speech.closing, *speech.front)
              if node is not None]
    if speech.body:
        starts.append(speech.body[0].span.start)
    return PageIndex(markers, min(starts) if starts else None)


def marker_key(marker: str) -> str:
    """A section marker as it stands in a path: without trailing punctuation or a line break
    inside it (（⏎三）, wrapped as in PDF text), ``/`` as ``／``."""
    return one_line_marker(marker.rstrip(_TRAILING)).replace("/", "／")


def add_paths(tree: dict[str, Any]) -> dict[str, Any]:
    """Fill ``path`` and ``page`` into every node of ``tree`` (in place) and return it."""
    markers = tree.get("page_markers")
    # (every node gets both keys, in the models' field order: the tree serialised as it is
    # must equal the model's JSON, see parse_json)
    page_at = page_index(tree).page_at if markers else None
    for key in _FRONT:
        node = tree.get(key)
        if node is not None:
            node["path"] = key
            node["page"] = page_at(node["span"]["start"]) if page_at else None
    for i, node in enumerate(tree.get("front") or (), 1):
        node["path"] = f"front/b{i}"
        node["page"] = page_at(node["span"]["start"]) if page_at else None
    closing = tree.get("closing")
    if closing is not None:
        closing["path"] = "closing"
        closing["page"] = page_at(closing["span"]["start"]) if page_at else None

    def walk(blocks: list[dict[str, Any]], prefix: str) -> None:
        paragraphs = points = unnumbered = 0
        seen: dict[str, int] = {}
        for node in blocks:
            kind = node["kind"]
            if kind == "paragraph":
                paragraphs += 1
                path = f"{prefix}b{paragraphs}"
            elif kind == "point":
                points += 1
                path = f"{prefix}p{points}"
            else:
                name = marker_key(node["marker"])
                if not name:
                    unnumbered += 1
                    name = f"s{unnumbered}"
                count = seen.get(name, 0) + 1
                seen[name] = count
                path = f"{prefix}{name}~{count}" if count > 1 else prefix + name
                walk(node["children"], path + "/")
            node["path"] = path
            node["page"] = page_at(node["span"]["start"]) if page_at else None

    walk(tree.get("body") or [], "")
    return tree
