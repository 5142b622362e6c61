"""``parse_speech``: from the exact input string to a :class:`~officialspeech.model.Speech`."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from .barenumerals import bare_numeral_headings, is_stripped
from .chrome import ChromeHit, Lines, find_chrome, metadata_from
from .front import find_salutation, read_front, title_like
from .grammar import scanner
from .headings import (
    RANK,
    STYLE,
    Candidate,
    Heading,
    heading_candidates,
    select_headings,
    title_bounds,
)
from .model import Speech
from .pages import find_page_markers
from .paragraphs import has_gaps, split_paragraphs
from .paths import add_paths
from .points import PointCand, point_candidates, select_points
from .siblings import harmonise
from .spans import LineIndex, View
from .titleend import best_cut
from .vocab import vocabulary

SALUTATION_WINDOW = 4000
TOP_FORMS = ("cn_dun", "cn_paren")  # a line opening with these ends the front matter
RUN_ON_CHARS = 500
RUN_ON_MIN = 100
_LEVEL = {"cn_dun": 1, "cn_paren": 2, "arabic_dot": 3, "arabic_paren": 4}
_LEAD_SKIP = "，,：: \t\u3000"
_LEAD_END = re.compile(r"[。；！？!?;]")  # plain classes: `re` is cheaper per call
_CLAUSE = "，,、；;"
_LINE = re.compile(r"[^\r\n]+")


def parse_speech(text: str, *, heading_lines: Iterable[int] = ()) -> Speech:
    """Parse a speech into a frozen :class:`Speech` tree.

    Every node's ``span`` indexes ``text`` exactly as given; the input is never
    altered.  Works on any string (an empty one gives an empty Speech).
    ``heading_lines`` (1-based) are lines a file format marked as headings (a Word heading
    style or outline level): a numbered heading there is taken even out of sequence.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_speech() expects str, not {type(text).__name__}")
    with _no_gc():
        # (our own tree: its keys need no check against extra ones, which costs 4% of a parse)
        return Speech.model_validate(add_paths(_Builder(text, frozenset(heading_lines)).build(), text), extra="ignore")


@contextmanager
def _no_gc() -> Iterator[None]:
    """The tree is built of fresh dicts and lists with no reference cycles: the cyclic
    garbage collector, triggered over and over by the allocations, only costs time (half of
    it on a long text). It is switched back on afterwards if it was on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Builder:
    def __init__(self, text: str, heading_lines: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.heading_lines = heading_lines
        self.index = LineIndex(text)
        lines = Lines(text, self.index.starts)
        self.pages = find_page_markers(text, self.index.starts)
        self.chrome = find_chrome(lines)
        cuts: list[tuple[int, int]] = []
        self.cut_reason: dict[tuple[int, int], str] = {}
        for p in self.pages:
            cuts.append((p.cut_start, p.cut_end))
            self.cut_reason[(p.cut_start, p.cut_end)] = "page_marker"
        for h in self.chrome:
            c = (h.start, h.end)
            cuts.append(c)
            self.cut_reason[c] = "chrome"
        self.view = View(text, cuts)

    # ------------------------------------------------------------------ spans
    def span(self, s: int, e: int) -> dict[str, Any]:
        return self.index.span(self.view.source(s), self.view.source_end(e) if e > s else self.view.source(s))

    def located(self, s: int, e: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The span of view range ``[s, e)`` and the gaps (cut-out stretches) inside it."""
        view = self.view
        if not view.cuts:  # the common case: view offsets are source offsets
            return self.index.span(s, e), []
        a = view.source(s)
        b = view.source_end(e) if e > s else a
        return self.index.span(a, b), [{"reason": self.cut_reason.get(c, "chrome"), "span": self.index.span(*c)}
                                       for c in view.cuts_within(a, b)]

    def paragraph(self, s: int, e: int) -> dict[str, Any]:
        span, gaps = self.located(s, e)
        return {"kind": "paragraph", "text": self.view.text[s:e], "span": span, "gaps": gaps}

    def text_node(self, kind: str, r: tuple[int, int] | None) -> dict[str, Any] | None:
        if r is None:
            return None
        span, gaps = self.located(*r)
        return {"kind": kind, "text": self.view.text[r[0]:r[1]], "span": span, "gaps": gaps}

    # ------------------------------------------------------------------ build
    def build(self) -> dict[str, Any]:
        v = self.view.text
        n = len(v)
        sal = find_salutation(v, min(n, SALUTATION_WINDOW))
        first_head = self._first_heading_line(v)
        if sal is not None and first_head is not None and sal[0][0] > first_head:
            sal = None
        if sal is not None:
            (ss, se), names = sal
            front = read_front(v, 0, ss, se)
        else:
            body_start = self._body_start(v, first_head)
            lookahead = 0
            if body_start < n and body_start != first_head:
                line = _LINE.match(v, body_start)
                lookahead = min(line.end() if line else body_start, body_start + vocabulary().glued.lookahead)
            front = read_front(v, 0, body_start, body_start, lookahead=lookahead,
                               earlier=self._titles_before(body_start) if lookahead else "")
        body, closing = self._body(v, front.body_start, n)
        chrome = self.chrome
        if front.chrome:
            view = self.view
            chrome = sorted(chrome + [ChromeHit(view.source(h.start), view.source_end(h.end),
                                                self.text[view.source(h.start):view.source_end(h.end)],
                                                h.site, h.rule, h.groups) for h in front.chrome],
                            key=lambda h: h.start)
        out: dict[str, Any] = {
            "length": len(self.text),
            "title": self.text_node("title", front.title),
            "subtitle": self.text_node("subtitle", front.subtitle),
            "speaker": self.text_node("speaker", front.speaker),
            "occasion": self.text_node("occasion", front.occasion),
            "date": None,
            "salutation": None,
            "front": [self.paragraph(s, e) for s, e in front.others],
            "body": body,
            "closing": self.text_node("closing", closing),
            "page_markers": [
                {"text": self.text[p.start:p.end], "page": p.page, "total": p.total, "inline": p.inline,
                 "span": self.index.span(p.start, p.end)} for p in self.pages
            ],
            "chrome": [
                {"text": h.text, "site": h.site, "rule": h.rule,
                 "span": self.index.span(h.start, h.end)} for h in chrome
            ],
            "metadata": metadata_from(chrome),
        }
        if front.date is not None:
            span, gaps = self.located(*front.date)
            out["date"] = {"text": v[front.date[0]:front.date[1]], "iso": front.date_iso, "span": span, "gaps": gaps}
        if sal is not None:
            (ss, se), names = sal
            span, gaps = self.located(ss, se)
            out["salutation"] = {"text": v[ss:se], "addressees": names, "span": span, "gaps": gaps}
        return out

    def _hinted(self, v: str, cands: list[Candidate]) -> frozenset[int]:
        """View offsets of candidates on the lines the file format marked as headings."""
        if not self.heading_lines:
            return frozenset()
        return frozenset(c.start for c in cands
                         if self.index.position(self.view.source(c.start))[0] in self.heading_lines)

    def _first_heading_line(self, v: str) -> int | None:
        """Start of the first line that opens with a 一、 or （一） heading marker."""
        heading = scanner(("heading",))
        for m in _LINE.finditer(v):
            start = m.start()
            while start < m.end() and v[start] in " \t\u3000":
                start += 1
            hit = heading.match(v, start)
            if hit is not None and (hit.lastgroup or "").split("__")[1] in TOP_FORMS:
                return m.start()
        return None

    def _titles_before(self, body_start: int) -> str:
        """The titles that chrome cut out before the view offset ``body_start`` carries (its
        ``title`` or ``file_name`` group, or the whole hit when it reads as a title), each
        closed by ``\\x00``: what a title glued to the first body line may restate."""
        at = self.view.source(body_start)
        out: list[str] = []
        for h in self.chrome:
            if h.end > at:
                break
            t = h.groups.get("title") or h.groups.get("file_name") or (h.text if title_like(h.text) else "")
            if t:
                out.append(t + "\x00")
        return "".join(out)

    def _body_start(self, v: str, first_head: int | None) -> int:
        voc = vocabulary()
        limit = first_head if first_head is not None else len(v)
        for m in _LINE.finditer(v, 0, limit):
            t = m.group().strip()
            if len(t) >= 40 or (voc.sentence_end.search(t) and len(t) >= 12 and not voc.date_line.match(t)):
                return m.start()
        return limit

    def _body(self, v: str, start: int, end: int) -> tuple[list[dict[str, Any]], tuple[int, int] | None]:
        matches: list[tuple[int, int, str]] = []
        category = _group_category()
        for m in scanner(("heading", "point")).finditer(v, start, end):
            matches.append((m.start(), m.end(), category[m.lastindex or 0]))
        cands = heading_candidates(v, matches, start, end)
        run_on = _is_run_on(v, start, end)
        selected = select_headings(v, cands, self._hinted(v, cands))
        if is_stripped(v, start, end):
            selected = sorted(selected + bare_numeral_headings(v, start, end, _groups(selected)),
                              key=lambda c: c.start)
        heads: list[Heading] = []
        for c in selected:
            if heads and c.form == "container" and c.start < heads[-1].heading_end:
                continue  # 附件2 / 名词解释: the container word is the attachment's title
            heads.append(title_bounds(v, c, end, run_on))
        if run_on:
            harmonise(v, heads, end)
        for i in range(len(heads) - 1):
            nxt = heads[i + 1].start
            h = heads[i]
            if h.heading_end > nxt:
                h.heading_end = nxt
                h.title_end = min(h.title_end, nxt)
        # text runs between headings -> paragraphs
        runs: list[tuple[int, int]] = []
        pos = start
        for h in heads:
            runs.append((pos, h.start))
            pos = h.heading_end
        runs.append((pos, end))
        paras: list[tuple[int, int]] = []
        spaced = has_gaps(v, start, end)  # (once for the body, not for every run)
        for a, b in runs:
            paras.extend(split_paragraphs(v, a, b, spaced))
        # points
        scope_of = [(h.start, i) for i, h in enumerate(heads)]
        pcands = point_candidates(v, matches, start, end, scope_of, frozenset(a for a, _ in paras))
        in_para = _within(pcands, paras)
        series = select_points(in_para)
        point_info: dict[int, tuple[PointCand, int]] = {}
        for si, run in enumerate(series):
            for pc in run:
                point_info[pc.start] = (pc, si)
        closing: tuple[int, int] | None = None
        if paras:
            closing, last = self._closing(v, paras[-1])
            if closing is not None:
                if last is None:
                    paras.pop()
                else:
                    paras[-1] = last
        # flat, ordered list of items
        items: list[tuple[int, dict[str, Any] | Heading]] = []
        for h in heads:
            items.append((h.start, h))
        starts = sorted(point_info)
        for ps, pe in paras:
            inner = starts[bisect_left(starts, ps):bisect_left(starts, pe)]
            cur = ps
            for j, s in enumerate(inner):
                if s > cur and v[cur:s].strip():
                    a, b = _strip(v, cur, s)
                    items.append((a, self.paragraph(a, b)))
                stop = inner[j + 1] if j + 1 < len(inner) else pe
                a, b = _strip(v, s, stop)
                pc, si = point_info[s]
                items.append((a, self._point(v, pc, si, a, b)))
                cur = stop
            if not inner:
                items.append((ps, self.paragraph(ps, pe)))
            elif cur < pe and v[cur:pe].strip():
                a, b = _strip(v, cur, pe)
                items.append((a, self.paragraph(a, b)))
        items.sort(key=lambda it: it[0])
        return self._nest(v, items), closing

    def _closing(self, v: str, para: tuple[int, int]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        voc = vocabulary()
        s, e = para
        if voc.closing.match(v[s:e]):
            return (s, e), None
        # last sentence of the paragraph
        k = e - 1
        while k > s and v[k - 1] not in "。！？!?":
            k -= 1
        if k > s and voc.closing.match(v[k:e].strip()):
            a, b = _strip(v, k, e)
            return (a, b), _strip(v, s, k)
        return None, None

    def _point(self, v: str, pc: PointCand, series: int, s: int, e: int) -> dict[str, Any]:
        ls = pc.end
        while ls < e and v[ls] in _LEAD_SKIP:
            ls += 1
        m = _LEAD_END.search(v, ls, e)
        le = m.start() if m else e
        while le > ls and (v[le - 1].isspace() or v[le - 1] in _CLAUSE):
            le -= 1
        reach = 2 * vocabulary().max_title_length
        if le - ls > reach:
            # no punctuation in reach (stripped text): where the evidence puts the end
            k, _ = best_cut(v, ls, ls + reach)
            if k is not None:
                le = k
        span, gaps = self.located(s, e)
        return {"kind": "point", "marker": pc.marker, "number": pc.number, "series": series,
                "lead": v[ls:le], "lead_span": self.span(ls, le), "text": v[s:e], "span": span, "gaps": gaps}

    def _nest(self, v: str, items: list[tuple[int, dict[str, Any] | Heading]]) -> list[dict[str, Any]]:
        body: list[dict[str, Any]] = []
        stack: list[tuple[int, dict[str, Any]]] = []  # (rank, section dict)
        target = body  # the children list of the innermost open section
        for _, item in items:
            if isinstance(item, Heading):
                rank = RANK[item.form]
                while stack and stack[-1][0] >= rank:
                    stack.pop()
                target = stack[-1][1]["children"] if stack else body
                style = STYLE[item.form]
                level = _LEVEL.get(item.form, len(stack) + 1)
                node: dict[str, Any] = {
                    "kind": "section", "marker": item.marker, "number": item.number, "level": level,
                    "style": style, "title": v[item.title_start:item.title_end],
                    "title_span": self.span(item.title_start, item.title_end),
                    "heading_span": self.span(item.start, item.heading_end),
                    "confidence": item.confidence, "span": None, "children": [],
                    "_start": item.start, "_end": item.heading_end,
                }
                target.append(node)
                stack.append((rank, node))
                target = node["children"]
            else:
                target.append(item)
        for node in body:
            if node["kind"] == "section":
                self._close(node)
        return body

    def _close(self, node: dict[str, Any]) -> int:
        """Give a section its span (heading and all children); returns its source end."""
        end = self.view.source_end(node.pop("_end"))
        start = self.view.source(node.pop("_start"))
        last = end
        for child in node["children"]:  # in order, not overlapping: the last one ends last
            last = self._close(child) if child["kind"] == "section" else child["span"]["end"]
        end = max(end, last)
        node["span"] = self.index.span(start, end)
        return end


@cache
def _group_category() -> list[str]:
    """The marker category of each group number of the heading-and-point scanner."""
    pattern = scanner(("heading", "point"))
    out = [""] * (pattern.groups + 1)
    for name, number in pattern.groupindex.items():
        out[number] = name.split("__", 1)[0]
    return out


def _groups(heads: list[Candidate]) -> list[tuple[int, int]]:
    """(start of each （一）, start of its last sibling) for sequences of （一） sub-headings."""
    out: list[tuple[int, int]] = []
    for c in heads:
        if c.form != "cn_paren":
            continue
        if c.number == 1 or not out:
            out.append((c.start, c.start))
        else:
            out[-1] = (out[-1][0], c.start)
    return out


def _is_run_on(v: str, start: int, end: int) -> bool:
    """The body lost its line breaks: fewer than one line per RUN_ON_CHARS characters."""
    while end > start and v[end - 1].isspace():
        end -= 1
    if end - start < RUN_ON_MIN:
        return False
    breaks = v.count("\n", start, end)
    if v.find("\r", start, end) != -1:
        breaks += v.count("\r", start, end) - v.count("\r\n", start, end)
    return breaks * RUN_ON_CHARS <= (end - start)


def _strip(v: str, s: int, e: int) -> tuple[int, int]:
    while s < e and v[s].isspace():
        s += 1
    while e > s and v[e - 1].isspace():
        e -= 1
    return s, e


def _within(cands: list[PointCand], paras: list[tuple[int, int]]) -> list[PointCand]:
    out: list[PointCand] = []
    j = 0
    for c in cands:
        while j < len(paras) and paras[j][1] <= c.start:
            j += 1
        if j < len(paras) and paras[j][0] <= c.start:
            out.append(c)
    return out
