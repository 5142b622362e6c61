"""Stage: the numbered headings of the body and where each title ends.

:mod:`.candidates` turns the heading tokens into candidates, :mod:`.select` follows the
numbering sequences, :mod:`.bare` places top-level numerals whose 、 was stripped,
:mod:`.titles` finds each title's end (with the evidence of :mod:`.titleend` in run-on
text) and :mod:`.siblings` re-cuts parallel siblings on their consensus.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from ...vocab import vocabulary
from ..chrome import after_end_chrome
from ..document import Document
from ..escapes import trim_space_end
from ..markers import LINE_START, run_in_series
from .bare import bare_numeral_headings, is_stripped
from .candidates import Candidate, Heading, heading_candidates
from .select import select_headings
from .siblings import closed_consensus, harmonise
from .titles import Wrap, title_bounds

__all__ = ["Heading", "find_headings"]



def find_headings(doc: Document, start: int) -> list[Heading]:
    """The headings of the body ``view[start:]``, in order, none overlapping the next."""
    heads, run_on = rule_headings(doc, start)
    if run_on and heads:
        from .reranker import rerank  # (its model is read only for run-on text)

        rerank(doc.view.text, heads, len(doc.view.text))
        for h in heads:  # a cut among escaped spaces (去年工作回顾<U+00A0>|<U+00A0>) moves before them
            h.title_end = max(h.title_start, trim_space_end(doc.view.text, h.title_start, h.title_end))
            if doc.view.text[h.title_end:doc.lines.line_end(h.title_end)].strip():  # (its body on its line)
                h.title_end = _before_subject(doc.view.text, h.title_start, h.title_end)
    if run_on:
        _before_chrome(doc.view.text, heads)
    return heads


CHROME_REACH = 2  # characters past a title's end that chrome glued into it may end on (上一篇：, 【打印】)


def _before_chrome(v: str, heads: list[Heading]) -> None:
    """Run-on titles that ran on into site chrome glued after them, their line breaks lost
    (一、…工作的背景小编精心推荐…: the ``after_end`` chrome of chrome.json), end before it;
    the chrome goes to the body."""
    pattern = after_end_chrome()
    if pattern is None:
        return
    for h in heads:
        # (the chrome may end just past the title: the colon or bracket the title stopped at)
        m = pattern.search(v, h.title_start + 1, min(len(v), h.title_end + CHROME_REACH))
        if m is not None and m.start() < h.title_end:
            h.title_end = trim_space_end(v, h.title_start, m.start())
            h.heading_end = min(h.heading_end, m.start())


SUBJECT_AFTER = 4  # characters of a title, at least, before a subject that ends it


def _before_subject(v: str, ts: int, te: int) -> int:
    """The run-on title ``v[ts:te]`` cut before the first subject of the body inside it
    (vocab ``body_subject``: 加强统筹协调|县商务局要…), else ``te``."""
    m = vocabulary().body_subject.search(v, ts + SUBJECT_AFTER, min(len(v), te + SUBJECT_AFTER))
    return m.start() if m is not None and m.start() < te else te


def rule_headings(doc: Document, start: int) -> tuple[list[Heading], bool]:
    """The headings as the rules cut their titles, and whether the body is run-on text
    (where :mod:`.reranker` re-cuts them)."""
    v = doc.view.text
    end = len(v)
    run_on = doc.body_run_on(start)
    # (（1）title。body… run in after a sentence heads a sub-section only where the lines were lost)
    run_in = run_in_series(doc.body_tokens(start), v) if run_on else frozenset()
    cands = heading_candidates(v, doc.body_tokens(start), start, end, doc.lines, doc.unnumbered, doc.markdown_items,
                               doc.list_items(start), run_in)
    selected = select_headings(v, cands, _hinted(doc, cands), run_in)
    if is_stripped(v, start, end):
        selected = sorted(selected + bare_numeral_headings(v, start, end, _groups(selected), doc.lines),
                          key=lambda c: c.start)
    # (the wrap width is read only to cut titles: not for a body without headings)
    wrap = None if run_on or not selected else Wrap.detect(v, doc.lines, frozenset(t.start for t in doc.body_tokens(start)))
    heads = _bounds(v, selected, end, doc, run_on, wrap)
    if not run_on and wrap is None and _glued(v, heads, selected, doc.lines.line_end):
        # one line per paragraph, but the headings run on into their bodies with nothing
        # between (一、提高站位认清形势过去一年，…): their titles are cut as in run-on text
        run_on = True
        heads = _bounds(v, selected, end, doc, run_on, wrap)
    if run_on:
        harmonise(v, heads, end)
    else:
        closed_consensus(v, heads, doc.lines.line_end)
    for h, nxt in pairwise(heads):
        if h.heading_end > nxt.start:
            h.heading_end = nxt.start
            h.title_end = min(h.title_end, nxt.start)
    return heads, run_on


GLUED_MIN = 3  # headings at line starts, at least, for the body to count as glued
GLUED_SHARE = 0.6  # of them, this share run on into their bodies
GLUED_LONG = 40  # a title the rules end at a terminator this far in ran on into its first sentence
GLUED_LEVELS = ("cn_dun", "cn_space", "cn_paren")  # forms whose line-start headings are looked at apart
GLUED_LEVELS_NOT = ("arabic_dot", "arabic_paren")  # items: a long one that fills its line is one sentence


def _bounds(v: str, selected: list[Candidate], end: int, doc: Document, run_on: bool, wrap: Wrap | None) -> list[Heading]:
    heads: list[Heading] = []
    for c in selected:
        if heads and c.form == "container" and c.start < heads[-1].heading_end:
            continue  # 附件2 / 名词解释: the container word is the attachment's title
        heads.append(title_bounds(v, c, end, doc.lines, run_on, wrap))
    return heads


def _glued(v: str, heads: list[Heading], selected: list[Candidate], line_end: Callable[[int], int]) -> bool:
    """Most headings that open their lines run on into their bodies: the rules had to guess
    their ends, or ended them at a terminator far in (a title with its first sentence)."""
    at_line_start = {c.start for c in selected if c.strength == LINE_START}
    opening = [h for h in heads if h.start in at_line_start]
    # the whole document, or one level of sub-headings (一、 alone on their lines, every （一）
    # glued; not a list of 1. items, each a long sentence of its own)
    levels: dict[str, list[Heading]] = {}  # (grouped in one pass: a comprehension per heading was quadratic)
    for h in opening:
        if h.form in GLUED_LEVELS:
            levels.setdefault(h.form, []).append(h)
    groups = [opening, *levels.values()]
    for group in groups:
        if len(group) < GLUED_MIN:
            continue
        glued = sum(1 for h in group if h.confidence == "guessed" or (
            h.title_end - h.title_start > GLUED_LONG and (h.form not in GLUED_LEVELS_NOT or _goes_on_after(v, h, line_end))))
        if glued >= GLUED_SHARE * len(group):
            return True
    return False


def _goes_on_after(v: str, h: Heading, line_end: Callable[[int], int]) -> bool:
    """Text follows the heading on its line (a long 1. item that is all its line says is an
    item of one sentence, 1.坚持…，…。, not a heading glued to its body)."""
    return bool(v[h.heading_end:line_end(h.heading_end)].strip())


def _hinted(doc: Document, cands: list[Candidate]) -> frozenset[int]:
    """View offsets of candidates on the lines the file format marked as headings."""
    if not doc.heading_lines:
        return frozenset()
    return frozenset(c.start for c in cands
                     if doc.index.position(doc.view.source(c.start))[0] in doc.heading_lines)


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
