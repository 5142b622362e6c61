"""Stage: the tree. Headings nest by rank, every node gets its span in the caller's string
and the gaps (page markers, chrome) cut out of it; the result is the plain dict that
:class:`~officialspeech.model.Speech` validates: every field of the model present, in the
model's order, so that the dict serialised as it is equals the model's JSON."""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import Any

from ..treekeys import METADATA_FIELDS, METADATA_LISTS, SCHEMA_VERSION
from .chars import EXCLAIMS, LINE_BREAKS, has_text
from .chrome import ChromeHit, metadata_from
from .document import Document, Range
from .front import Front
from .headings import Heading
from .headings.siblings import sibling_groups
from .markers import FORMS, bare_address
from .points import Point
from .positions import LineIndex


def build_tree(doc: Document, front: Front, heads: list[Heading], pieces: list[Range | Point],
               closing: Range | None) -> dict[str, Any]:
    """The ``Speech`` dict of a document from what the stages found."""
    b = _Spans(doc)
    chrome = _with_front_chrome(doc, front)
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "length": len(doc.text),
        "title": b.text_node("title", front.title, front.guessed),
        "subtitle": b.text_node("subtitle", front.subtitle, front.guessed),
        "speaker": b.text_node("speaker", front.speaker, front.guessed),
        "occasion": b.text_node("occasion", front.occasion, front.guessed),
        "date": None,
        "salutation": None,
        "front": [b.paragraph(s, e) for s, e in front.others],
        "body": _nest(b, heads, pieces),
        "closing": b.text_node("closing", closing),
        "page_markers": [
            {"kind": "page_marker", "text": doc.text[p.start:p.end], "page": p.page, "total": p.total, "inline": p.inline,
             "span": doc.index.span(p.start, p.end)} for p in doc.pages
        ],
        "chrome": [
            {"kind": "chrome", "text": h.text, "site": h.site, "rule": h.rule,
             "span": doc.index.span(h.start, h.end)} for h in chrome
        ],
        "markup": [
            {"kind": "markup", "text": doc.text[s:e], "rule": rule, "span": doc.index.span(s, e)}
            for s, e, rule in doc.markup_cuts
        ],
        "metadata": _metadata(chrome),
        "source": None,
    }
    v = doc.view.text
    if front.date is not None:
        span, gaps = b.located(*front.date)
        out["date"] = {"kind": "date", "text": v[front.date[0]:front.date[1]], "iso": front.date_iso, "span": span,
                       "gaps": gaps, "confidence": "guessed" if "date" in front.guessed else "certain"}
    if front.salutation is not None:
        ss, se = front.salutation
        span, gaps = b.located(ss, se)
        out["salutation"] = {"kind": "salutation", "text": v[ss:se], "addressees": front.addressees, "span": span, "gaps": gaps}
    return out


def _metadata(chrome: list[ChromeHit]) -> dict[str, Any]:
    """The metadata of the chrome, every field of :class:`Metadata` present in its order (the
    tree is the model's JSON as it stands: ``parse_json`` serialises it directly)."""
    found = metadata_from(chrome) if chrome else {}
    return {name: found.get(name, [] if is_list else None) for name, is_list in _metadata_fields()}


@cache
def _metadata_fields() -> tuple[tuple[str, bool], ...]:
    """Each field of :class:`Metadata` and whether its default is a (new) empty list, else
    None (from ``treekeys``: the models are not imported to parse)."""
    return tuple((name, name in METADATA_LISTS) for name in METADATA_FIELDS)


def _with_front_chrome(doc: Document, front: Front) -> list[ChromeHit]:
    """The chrome of the document with the inline chrome found in glued front matter."""
    if not front.chrome:
        return doc.chrome
    view = doc.view
    return sorted(doc.chrome + [ChromeHit(view.source(h.start), view.source_end(h.end),
                                          doc.text[view.source(h.start):view.source_end(h.end)],
                                          h.site, h.rule, h.groups) for h in front.chrome],
                  key=lambda h: h.start)


class _Spans:
    """Spans and gaps of view ranges, as dicts of the model."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.view = doc.view
        self.index = doc.index

    def source_range(self, s: int, e: int) -> tuple[int, int]:
        """The source range of view range ``[s, e)``; an empty one sits right after the
        character before it (inside its node, not after a cut that follows)."""
        view = self.view
        if e > s:
            return view.source(s), view.source_end(e)
        a = view.source_end(s) if s > 0 else view.source(s)
        return a, a

    def span(self, s: int, e: int) -> dict[str, Any]:
        if not self.view.cuts:  # the common case: view offsets are source offsets
            return self.index.span(s, e)
        return self.index.span(*self.source_range(s, e))

    def located(self, s: int, e: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The span of view range ``[s, e)`` and the gaps (cut-out stretches) inside it."""
        if not self.view.cuts:
            return self.index.span(s, e), []
        a, b = self.source_range(s, e)
        return self.index.span(a, b), self.gaps(a, b)

    def gaps(self, a: int, b: int) -> list[dict[str, Any]]:
        """The gaps (cut-out stretches) inside the source range ``[a, b)``."""
        if not self.view.cuts:
            return []
        reason = self.doc.cut_reason
        return [{"reason": reason.get(c, "chrome"), "span": self.index.span(*c)} for c in self.view.cuts_within(a, b)]

    def paragraph(self, s: int, e: int) -> dict[str, Any]:
        span, gaps = self.located(s, e)
        return {"kind": "paragraph", "text": self.view.text[s:e], "span": span, "gaps": gaps}

    def text_node(self, kind: str, r: Range | None, guessed: set[str] | frozenset[str] = frozenset()) -> dict[str, Any] | None:
        if r is None:
            return None
        span, gaps = self.located(*r)
        return {"kind": kind, "text": self.view.text[r[0]:r[1]], "span": span, "gaps": gaps,
                "confidence": "guessed" if kind in guessed else "certain"}

    def point(self, p: Point) -> dict[str, Any]:
        v = self.view.text
        span, gaps = self.located(p.start, p.end)
        return {"kind": "point", "marker": p.cand.marker, "number": p.cand.number, "series": p.series,
                "lead": v[p.lead_start:p.lead_end], "lead_span": self.span(p.lead_start, p.lead_end),
                "text": v[p.start:p.end], "span": span, "gaps": gaps}

    def section(self, h: Heading, level: int) -> dict[str, Any]:
        form = FORMS[h.form]
        heading = self.span(h.start, h.heading_end)
        if h.title_end > h.title_start or h.title_start > h.start:
            title_span = self.span(h.title_start, h.title_end)
        else:  # no marker, no title (## 。…): the empty title sits at the heading's start, inside it
            title_span = self.index.span(heading["start"], heading["start"])
        return {
            "kind": "section", "marker": h.marker, "number": h.number, "level": form.level or level,
            "style": form.style, "form": h.form, "title": self.view.text[h.title_start:h.title_end],
            "title_span": title_span,
            "heading_span": heading,
            "gaps": self.gaps(heading["start"], heading["end"]),
            "confidence": h.confidence, "span": None, "children": [],
            "_start": h.start, "_end": h.heading_end,
        }


def _nest(b: _Spans, heads: list[Heading], pieces: list[Range | Point]) -> list[dict[str, Any]]:
    """Headings, paragraphs and points in text order, each section holding what follows it
    up to the next heading of equal or higher rank."""
    items: list[tuple[int, Heading | dict[str, Any]]] = [(h.start, h) for h in heads]
    for piece in pieces:
        if isinstance(piece, Point):
            items.append((piece.start, b.point(piece)))
        else:
            items.append((piece[0], b.paragraph(*piece)))
    items.sort(key=lambda it: it[0])
    groups = list(sibling_groups(heads))
    one_line = _one_paragraph_scopes(b.view.text, heads, groups, b.doc.lines)
    last_subs = {group[-1].start for group in groups if len(group) >= 2}  # the last siblings of series
    body: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []  # (rank, section dict)
    target = body  # the children list of the innermost open section
    for at, item in items:
        if stack and (((scope_end := one_line.get(stack[-1][1]["_start"])) is not None and at >= scope_end)
                      or (len(stack) > 1 and stack[-1][1]["_start"] in last_subs and not isinstance(item, Heading)
                          and _addressed(b.view.text, at))):
            # past the one paragraph a run-in series' last sibling holds, or at the audience
            # addressed after a series' last sub-heading (各位代表！…): the parent's again
            stack.pop()
            target = stack[-1][1]["children"] if stack else body
            if stack:
                last_subs.discard(stack[-1][1]["_start"])  # (one level up only)
        if isinstance(item, Heading):
            rank = b.doc.unnumbered.get(item.start, 0) if item.form == "markdown" else FORMS[item.form].rank
            while stack and stack[-1][0] >= rank:
                stack.pop()
            target = stack[-1][1]["children"] if stack else body
            node = b.section(item, len(stack) + 1)
            target.append(node)
            stack.append((rank, node))
            target = node["children"]
        else:
            target.append(item)
    for node in body:
        if node["kind"] == "section":
            _close(b, node)
    return body


ONE_PARAGRAPH_SERIES = 3  # run-in siblings, at least, each holding one paragraph, for the last to hold one too


def _one_paragraph_scopes(v: str, heads: list[Heading], groups: list[list[Heading]],
                          lines: LineIndex) -> dict[int, int]:
    """Where the scope of the last sibling of a run-in series ends (by its start): a series
    of ONE_PARAGRAPH_SERIES or more same-form siblings, each a heading run in to its one
    paragraph ((一)…。body⏎(二)…。body⏎…(六)…。body⏎), holds one paragraph in its last
    sibling too; the paragraphs after it (一年来的成就…, 在看到成绩的同时…一是…) are the
    parent's (corpus 003: its points belong to 一、, not to (六)). Not where the last sibling
    has sub-headings or is not run in."""
    out: dict[int, int] = {}
    order = {h.start: i for i, h in enumerate(heads)}
    for group in groups:  # (siblings.sibling_groups of ``heads``)
        if len(group) < ONE_PARAGRAPH_SERIES:
            continue
        if not all(_run_in(v, h, lines) and not _breaks_inside(v, h.start, nxt.start)
                   for h, nxt in pairwise(group)):
            continue
        last = group[-1]
        k = order[last.start] + 1
        if not _run_in(v, last, lines) or (k < len(heads) and FORMS[heads[k].form].rank > FORMS[last.form].rank):
            continue  # (its own sub-headings follow: it holds more than a paragraph)
        out[last.start] = lines.line_end(last.heading_end)
    return out


def _addressed(v: str, at: int) -> bool:
    """The paragraph at ``at`` opens by addressing the audience with an exclamation
    (各位代表！, 同志们！): a speech turns from the last sub-heading's matter to the part's."""
    m = bare_address().match(v, at)
    return m is not None and v[m.end():m.end() + 1] in EXCLAIMS


def _run_in(v: str, h: Heading, lines: LineIndex) -> bool:
    """The heading's body goes on on its line (（六）防范化解风险，维护社会和谐稳定。稳妥化解…):
    found from the line index and the first character after the heading (no scan of a long line)."""
    e = lines.line_end(h.heading_end)
    return h.heading_end < e and has_text(v, h.heading_end, e)


def _breaks_inside(v: str, s: int, e: int) -> bool:
    """A line break stands in ``v[s:e]`` before the white space it ends with."""
    stop = e
    while stop > s and v[stop - 1].isspace():
        stop -= 1
    return any(v.find(ch, s, stop) != -1 for ch in LINE_BREAKS)


def _close(b: _Spans, node: dict[str, Any]) -> int:
    """Give a section its span (heading and all children); returns its source end."""
    end = b.view.source_end(node.pop("_end"))
    start = b.view.source(node.pop("_start"))
    last = end
    for child in node["children"]:  # in order, not overlapping: the last one ends last
        last = _close(b, child) if child["kind"] == "section" else child["span"]["end"]
    end = max(end, last)
    node["span"] = b.index.span(start, end)
    return end
