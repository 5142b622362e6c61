"""Parallel sibling headings in run-on text: where one heading's title ends is told by how
its siblings are built.

Once the line breaks are lost, a heading title runs into whatever follows it. Two patterns
recur across all the siblings of one list, and each sibling alone says too little:

* a bold sub-heading after the title, closed by 。 before the body
  (``（一）着力稳定就业岗位，促进城乡居民增收|扩大就业容量。要把…``): the title is cut
  before a short clause that opens with a directive verb, the two halves of a ``A，B``
  title balanced;
* the same words opening every body (``…培育邻里互助新风尚|社区治理，服务群众是根本``).

A cue is applied only when most siblings of the list show it, so one heading's chance
resemblance changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import regex

from ...compiled import compile_regex
from ...vocab import vocabulary
from ..chars import COMMAS, is_text
from ..markers import FORMS
from .candidates import Heading
from .titleend import cut_score
from .titles import first_title_end

MIN_GROUP = 3
MIN_TITLE = 6
SUBHEAD_MIN, SUBHEAD_MAX = 4, 16
BALANCE = 5  # the clauses of an A，B title differ by at most this many characters
SHARED_MIN, SHARED_MAX = 3, 8
SIBLING_EVIDENCE = 3.0  # the support of most siblings, on the scale of titleend.cut_score
_LAST_CLAUSE_BREAK = compile_regex("[，,、；;：:]", regex.REVERSE)


def sibling_groups(heads: list[Heading]) -> Iterator[list[Heading]]:
    """Runs of same-form headings under one parent, in order."""
    open_groups: dict[str, list[Heading]] = {}
    for h in heads:
        rank = FORMS[h.form].rank
        for form in [f for f in open_groups if FORMS[f].rank > rank]:
            yield open_groups.pop(form)
        open_groups.setdefault(h.form, []).append(h)
    yield from open_groups.values()


def _subhead_cuts(text: str, h: Heading, stop: int) -> list[int]:
    """Cuts ``k`` that leave ``text[k:stop]`` a short sub-heading opening with a directive
    verb, the title before it long enough and, for an ``A，B`` title, balanced."""
    voc = vocabulary()
    ts = h.title_start
    lo = max(ts + MIN_TITLE, stop - SUBHEAD_MAX)
    last_break = _LAST_CLAUSE_BREAK.search(text, lo, stop)
    if last_break is not None:
        lo = last_break.end()  # the sub-heading is one clause
    out: list[int] = []
    for k in range(lo, stop - SUBHEAD_MIN + 1):
        if not voc.subhead_openers.match(text, k):
            continue
        if voc.title_open_frame.search(text, ts, k):
            continue  # 在…中 wants its verb: 在推进改革开放中|培育新优势 is one title
        if any(voc.subhead_openers.fullmatch(text, k - n, k) for n in (2, 3, 4)):
            continue  # a chain of verbs is one clause: 着力加快|推动产业升级
        comma = max(text.rfind(c, ts, k) for c in COMMAS)
        if comma != -1 and abs((k - comma - 1) - (comma - ts)) > BALANCE:
            continue
        out.append(k)
    return out


def _terminator(text: str, h: Heading, limit: int) -> int | None:
    """The 。 closing the sentence the heading title opens (None when far or absent)."""
    voc = vocabulary()
    m = voc.sentence_end.search(text, h.title_start, min(limit, h.title_start + voc.max_title_length))
    return m.start() if m else None


def _shared_openings(text: str, group: list[Heading], limit: int) -> dict[int, int]:
    """For each heading (by index in ``group``), a cut before the words that open the bodies
    of most siblings and end at a comma (``社区治理，``)."""
    need = max(MIN_GROUP, (len(group) + 1) // 2)
    commas = [_commas(text, h, limit) for h in group]
    # a word shared by most siblings ends with a shortest word they share: look no further
    # when there is none
    tails = Counter(w for ats in commas for w in {text[at - SHARED_MIN:at] for at in ats})
    common = {w for w, n in tails.items() if n >= need}
    if not common:
        return {}
    found: list[dict[str, int]] = []
    for h, ats in zip(group, commas, strict=True):
        opening: dict[str, int] = {}
        for at in ats:
            if text[at - SHARED_MIN:at] in common:
                for n in range(SHARED_MIN, min(SHARED_MAX, at - h.title_start - MIN_TITLE) + 1):
                    opening.setdefault(text[at - n:at], at - n)
        found.append(opening)
    counts = Counter(word for opening in found for word in opening)
    shared = [w for w, n in counts.items() if n >= need]
    best = max(shared, key=lambda w: (counts[w], len(w)))
    ends = {i: opening[best] + len(best) for i, opening in enumerate(found) if best in opening}
    # The shared run may start further back than SHARED_MAX (我们要坚持问题导向，) and the
    # titles may end in the same words too (…服务全面提升|社区治理，… in every sibling): take the whole run
    # (never across punctuation), then cut where the siblings together have the best
    # evidence; at the run's start, where they differ, unless somewhere inside is better.
    run = len(best)
    while True:
        before = {text[e - run - 1] for e in ends.values()}
        ch = before.pop()
        if not before and not is_text(ch):
            return {}  # the shared words open a clause after punctuation: no title ends there
        if before or any(e - run - 1 < group[i].title_start + MIN_TITLE for i, e in ends.items()):
            break
        run += 1

    def together(n: int) -> float:
        return sum(cut_score(text, group[i].title_start, e - n) for i, e in ends.items())

    n = max(range(run, SHARED_MIN - 1, -1), key=together)  # (ties: the run's start)
    if n != run and together(n) <= 0:
        return {}
    return {i: e - n for i, e in ends.items()}


def _commas(text: str, h: Heading, limit: int) -> list[int]:
    """The commas in the sentence a heading's title opens, far enough in for a title and a
    shared word before them."""
    voc = vocabulary()
    ts = h.title_start
    stop = _terminator(text, h, limit) or min(limit, ts + voc.max_title_length)
    out: list[int] = []
    for c in COMMAS:
        at = text.find(c, ts + MIN_TITLE + SHARED_MIN, stop)
        while at != -1:
            out.append(at)
            at = text.find(c, at + 1, stop)
    return out


def _subhead_consensus(text: str, group: list[Heading], limit: int) -> dict[int, int]:
    """For each heading (by index in ``group``), a cut before its sub-heading, when most
    siblings have one; among several, the one nearest the siblings' typical title length."""
    need = max(MIN_GROUP, (len(group) + 1) // 2)
    options: dict[int, list[int]] = {}
    for i, h in enumerate(group):
        if len(options) + len(group) - i < need:
            return {}  # too few siblings left to make most
        t = _terminator(text, h, limit)
        ks = _subhead_cuts(text, h, t) if t is not None else []
        if ks:
            options[i] = ks
    if len(options) < need:
        return {}
    typical = _median([ks[0] - group[i].title_start for i, ks in options.items()])

    def nearest(i: int, ks: list[int]) -> int:
        return min(ks, key=lambda k: abs(k - group[i].title_start - typical))

    return {i: nearest(i, ks) for i, ks in options.items()}


def harmonise(text: str, heads: list[Heading], limit: int) -> None:
    """Re-cut the titles of parallel siblings in run-on text (in place) where most siblings
    agree and the cut outweighs the title's present end."""
    for group in sibling_groups(heads):
        if len(group) < MIN_GROUP or not any(_open_end(text, h) for h in group):
            continue
        cuts = _shared_openings(text, group, limit) or _subhead_consensus(text, group, limit)
        for i, k in cuts.items():
            h = group[i]
            if not (h.title_start < k < h.title_end and _open_end(text, h)):
                continue
            # a title that ran to its sentence's end, or a guessed cut with less evidence
            if h.title_end == _terminator(text, h, limit) or _outweighs(text, h, k):
                h.title_end = h.heading_end = k
                h.confidence = "guessed"


CLOSED_RATIO = 2  # a sibling's closed title is at most this many times the longest of theirs


def closed_consensus(text: str, heads: list[Heading], line_end: Callable[[int], int]) -> None:
    """In text with its line breaks: where most of a sibling series end at their first
    terminator (``（一）坚持…，筑牢…屏障。一要…``) or stand alone on their lines, a sibling whose end the rules had to guess
    ends at its own first terminator on its line too (in place), when its title is then at
    most CLOSED_RATIO times as long as the longest of theirs (and no longer than a title can
    be): a title glued to a long first sentence is longer still."""
    for group in sibling_groups(heads):
        if len(group) < MIN_GROUP or all(h.confidence != "guessed" for h in group):
            continue
        closed = [h for h in group if h.confidence == "certain" and (
                  (h.heading_end == h.title_end + 1 and h.title_end < len(text) and not text[h.title_end].isspace())
                  or _alone(text, h, line_end))]
        if 2 * len(closed) <= len(group):
            continue
        most = min(vocabulary().max_title_length, CLOSED_RATIO * max(h.title_end - h.title_start for h in closed))
        for h in group:
            if h.confidence != "guessed":
                continue
            t = first_title_end(text, h.title_start, line_end(h.title_start))
            if t is not None and h.title_end < t <= h.title_start + most:
                h.title_end, h.heading_end, h.confidence = t, t + 1, "certain"


def _alone(text: str, h: Heading, line_end: Callable[[int], int]) -> bool:
    """The heading's title runs to the end of its line (二、清醒认识…紧迫感 on a line of its
    own: the layout ends it)."""
    return h.title_end > h.title_start and not text[h.title_end:line_end(h.title_start)].strip()


def _open_end(text: str, h: Heading) -> bool:
    """The title does not end at white space (a line end or a gap in joined lines: the
    layout, not a guess, ends it there)."""
    return h.title_end < len(text) and not text[h.title_end].isspace()


def _outweighs(text: str, h: Heading, k: int) -> bool:
    """A guessed title end has less evidence than ``k`` has with the siblings' support (here
    a title closed by punctuation or a line end is never re-cut; one that simply ran to its
    sentence's 。 is, by the caller)."""
    if h.confidence != "guessed":
        return False
    ts = h.title_start
    return cut_score(text, ts, k) + SIBLING_EVIDENCE > cut_score(text, ts, h.title_end)


def _median(values: list[int]) -> float:
    """``statistics.median`` (that module's import costs a one-shot start-up ~5 ms)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
