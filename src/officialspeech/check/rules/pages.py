"""Page markers: totals that disagree, pages missing or out of order."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ...model import PageMarker
from ..context import Context, Finding
from ..registry import rule


@rule("P401", "page-total-mismatch", "warning", "Page markers give different page counts (共5页 / 共6页).",
      bad="第1页 共5页 … 第2页 共6页", good="第1页 共5页 … 第2页 共5页")
def page_total_mismatch(ctx: Context) -> Iterator[Finding]:
    """All 第N页 共M页 markers of one document should agree on M."""
    totals = [p for p in ctx.speech.page_markers if p.total is not None]
    if not totals:
        return
    first = totals[0].total
    for p in totals[1:]:
        if p.total != first:
            yield Finding(p.span.start, p.span.end, f"{p.text} says {p.total} pages, an earlier marker says {first}")


def _consecutive(ctx: Context) -> Iterator[tuple[PageMarker, int, PageMarker, int]]:
    """Consecutive numbered page markers with their page numbers."""
    pages = [(p, p.page) for p in ctx.speech.page_markers if p.page is not None]
    for (a, pa), (b, pb) in itertools.pairwise(pages):
        yield a, pa, b, pb


@rule("P402", "page-missing", "warning", "A page number is skipped between page markers.",
      bad="第1页 … 第3页", good="第1页 … 第2页 … 第3页")
def page_missing(ctx: Context) -> Iterator[Finding]:
    """Consecutive page markers should count up by one; a gap means a page was lost."""
    for _, pa, b, pb in _consecutive(ctx):
        if pb > pa + 1:
            yield Finding(b.span.start, b.span.end, f"page {pb} follows page {pa}")


@rule("P403", "page-order", "warning", "Page markers go backwards or repeat.",
      bad="第3页 … 第2页", good="第2页 … 第3页")
def page_order(ctx: Context) -> Iterator[Finding]:
    """Pages must come in order; a repeated or smaller number means pages were shuffled or doubled."""
    for _, pa, b, pb in _consecutive(ctx):
        if pb <= pa:
            yield Finding(b.span.start, b.span.end, f"page {pb} after page {pa}")
