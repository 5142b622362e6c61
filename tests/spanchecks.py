"""Checks every test can run on a parse: spans lie in the text and agree with their lines,
columns and nodes' text, and nothing non-blank is lost."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from officialspeech import Paragraph, Point, Section, Speech


def coverage_gaps(text: str, speech: Speech) -> list[int]:
    """Offsets of non-blank characters that no node, chrome, page-marker or markup span covers."""
    covered = bytearray(len(text))

    def mark(start: int, end: int) -> None:
        covered[start:end] = b"\x01" * (end - start)

    for node in (speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date,
                 speech.salutation, speech.closing):
        if node is not None:
            mark(node.span.start, node.span.end)
    for items in (speech.front, speech.page_markers, speech.chrome, speech.markup):
        for item in items:
            mark(item.span.start, item.span.end)

    def walk(blocks: list[Section | Point | Paragraph]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                mark(b.heading_span.start, b.heading_span.end)
                walk(b.children)
            else:
                mark(b.span.start, b.span.end)

    walk(speech.body)
    return [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]


def minus_gaps(text: str, start: int, end: int, gaps: list[Any]) -> str:
    """``text[start:end]`` without the stretches of ``gaps`` (those that lie inside it)."""
    out, pos = [], start
    for gap in sorted(gaps, key=lambda g: g.span.start):
        if gap.span.start < start or gap.span.end > end:
            continue
        if gap.span.start > pos:
            out.append(text[pos:gap.span.start])
        pos = max(pos, gap.span.end)
    out.append(text[pos:end])
    return "".join(out)


def _inside(child: Any, parent: Any) -> bool:
    return bool(parent.start <= child.start <= child.end <= parent.end)


def _sp(span: Any) -> str:
    return f"[{span.start}:{span.end}]"


def contract_violations(text: str, speech: Speech, details: dict[str, str] | None = None) -> Counter[str]:
    """The contract violations of one parse, by kind (with ``details``: the first node of
    each kind, its field beside the slice its span names): characters lost, spans outside
    the text or their parent (a title span outside its heading, a lead span or gap outside
    its node), and text fields that are not their span's slice minus the node's gaps
    (title, lead, text; a heading or point not starting with its marker)."""
    found: Counter[str] = Counter()

    def note(kind: str, detail: str) -> None:
        found[kind] += 1
        if details is not None:
            details.setdefault(kind, detail)

    lost = coverage_gaps(text, speech)
    if lost:
        note("lost_characters", f"offsets {lost[:5]}")
    whole = type("Whole", (), {"start": 0, "end": len(text)})()

    def spans_ok(span: Any, parent: Any, kind: str) -> None:
        if not (0 <= span.start <= span.end <= len(text)) or not _inside(span, parent):
            note(kind, f"span {_sp(span)} outside {_sp(parent)}")

    fronts: list[Any] = [speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date,
                         speech.salutation, speech.closing, *speech.front]
    for node in fronts:
        if node is None:
            continue
        spans_ok(node.span, whole, "span_outside_text")
        for gap in getattr(node, "gaps", []):
            spans_ok(gap.span, node.span, "gap_outside_node")
        sliced = minus_gaps(text, node.span.start, node.span.end, getattr(node, "gaps", []))
        if node.text != sliced:
            note("front_text", f"{node.kind}.text={node.text!r} slice{_sp(node.span)} minus gaps={sliced!r}")
    marks: list[Any] = [*speech.page_markers, *speech.chrome]
    for item in marks:
        spans_ok(item.span, whole, "span_outside_text")

    def walk(blocks: list[Section | Point | Paragraph], parent: Any) -> None:
        for b in blocks:
            spans_ok(b.span, parent, "span_outside_parent")
            if isinstance(b, Section):
                spans_ok(b.heading_span, b.span, "heading_outside_section")
                spans_ok(b.title_span, b.heading_span, "title_span_outside_heading")
                for gap in b.gaps:
                    spans_ok(gap.span, b.heading_span, "gap_outside_node")
                title = minus_gaps(text, b.title_span.start, b.title_span.end, b.gaps)
                if b.title != title:
                    note("section_title", f"title={b.title!r} title_span{_sp(b.title_span)}={title!r}")
                heading = minus_gaps(text, b.heading_span.start, b.heading_span.end, b.gaps)
                if not heading.startswith(b.marker):
                    note("section_marker", f"marker={b.marker!r} heading_span{_sp(b.heading_span)}={heading!r}")
                walk(b.children, b.span)
                continue
            for gap in b.gaps:
                spans_ok(gap.span, b.span, "gap_outside_node")
            sliced = minus_gaps(text, b.span.start, b.span.end, b.gaps)
            if b.text != sliced:
                note(f"{b.kind}_text", f"text={b.text!r} span{_sp(b.span)} minus gaps={sliced!r}")
            if isinstance(b, Point):
                spans_ok(b.lead_span, b.span, "lead_span_outside_point")
                lead = minus_gaps(text, b.lead_span.start, b.lead_span.end, b.gaps)
                if b.lead != lead:
                    note("point_lead", f"lead={b.lead!r} lead_span{_sp(b.lead_span)}={lead!r}")
                if not sliced.startswith(b.marker):
                    note("point_marker", f"marker={b.marker!r} span minus gaps={sliced[:20]!r}")

    walk(speech.body, whole)
    return found


def check_spans(text: str, speech: Speech) -> None:
    """Every span lies in the text, agrees with its line/column and with the node's text."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" or (ch == "\r" and text[i + 1:i + 2] != "\n")]

    def position(offset: int) -> tuple[int, int]:
        line = max(i for i, s in enumerate(starts) if s <= offset)
        return line + 1, offset - starts[line] + 1

    def check(node: Any) -> None:
        span = node.span
        assert 0 <= span.start <= span.end <= len(text)
        assert (span.line, span.column) == position(span.start)
        if not getattr(node, "gaps", None) and hasattr(node, "text"):
            assert text[span.start:span.end] == node.text

    for node in (speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date,
                 speech.salutation, speech.closing, *speech.front, *speech.page_markers, *speech.chrome):
        if node is not None:
            check(node)
    for s in speech.sections():
        check(s)
    for p in speech.points():
        check(p)
    details: dict[str, str] = {}
    assert not contract_violations(text, speech, details), details


def assert_lossless(text: str, speech: Speech) -> None:
    """No non-blank character is lost, spans are consistent, and the front nodes (title,
    subtitle, speaker, salutation) do not overlap one another."""
    assert coverage_gaps(text, speech) == []
    check_spans(text, speech)
    front = sorted((n.span for n in (speech.title, speech.subtitle, speech.speaker, speech.salutation)
                    if n is not None), key=lambda sp: sp.start)
    assert all(a.end <= b.start for a, b in pairwise(front))
