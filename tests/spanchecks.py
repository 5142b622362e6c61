"""Checks every test can run on a parse: spans lie in the text and agree with their lines,
columns and nodes' text, and nothing non-blank is lost."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from officialspeech import Paragraph, Point, Section, Speech


def coverage_gaps(text: str, speech: Speech) -> list[int]:
    """Offsets of non-blank characters that no node, chrome or page-marker span covers."""
    covered = bytearray(len(text))

    def mark(start: int, end: int) -> None:
        covered[start:end] = b"\x01" * (end - start)

    for node in (speech.title, speech.subtitle, speech.speaker, speech.occasion, speech.date,
                 speech.salutation, speech.closing):
        if node is not None:
            mark(node.span.start, node.span.end)
    for items in (speech.front, speech.page_markers, speech.chrome):
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
        assert text[s.title_span.start:s.title_span.end] == s.title or s.title_span.start < s.title_span.end
    for p in speech.points():
        check(p)


def assert_lossless(text: str, speech: Speech) -> None:
    """No non-blank character is lost, spans are consistent, and the front nodes (title,
    subtitle, speaker, salutation) do not overlap one another."""
    assert coverage_gaps(text, speech) == []
    check_spans(text, speech)
    front = sorted((n.span for n in (speech.title, speech.subtitle, speech.speaker, speech.salutation)
                    if n is not None), key=lambda sp: sp.start)
    assert all(a.end <= b.start for a, b in pairwise(front))
