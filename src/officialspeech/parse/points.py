"""Stage: the enumerated points inside paragraphs (一是…二是…, 第一，…第二，…, 首先…其次…最后)
and their leads.

Point tokens that stand where a point may begin are grouped into enumerations of at least
two (:func:`select_points`); each paragraph is then split at the points it holds, and each
point's lead (its first sentence) is found.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..compiled import compile_re
from ..vocab import vocabulary
from .chars import CLAUSE_MARKS, COLONS, COMMAS, LEAD_END, LEAD_SKIP, PARAGRAPH_JOIN_ENDS, SEMICOLONS
from .headings.titleend import best_cut
from .markers import AFTER_BOUNDARY, GLUED, LINE_START, Token, strength_at
from .positions import strip

if TYPE_CHECKING:
    from .document import Document
    from .headings import Heading

Range = tuple[int, int]
_LEAD_END = compile_re(f"[{LEAD_END}]")  # plain classes: `re` is cheaper per call
_CLAUSE = compile_re(f"[{COMMAS}{SEMICOLONS}]")  # (not 、: a list inside a stripped text's clause)

MAX_GAP = 4000
_MARKER_CLOSERS = COMMAS + COLONS  # a point marker ending in one has its number done: 第一，


@dataclass(slots=True)
class PointCand:
    """A point marker (view offsets) with its place in an enumeration."""

    start: int
    end: int
    marker: str
    family: str
    number: int
    last: bool
    strength: int
    scope: int


def point_candidates(text: str, tokens: list[Token], body_start: int,
                     body_end: int, scope_of: list[tuple[int, int]],
                     para_starts: frozenset[int] = frozenset(), items: frozenset[int] = frozenset(),
                     list_items: frozenset[int] = frozenset()) -> list[PointCand]:
    """Point markers that stand where a point may begin. ``scope_of`` lists
    ``(start, scope_id)`` of sections in order, so a point knows its innermost section;
    a marker at one of ``para_starts`` (a paragraph start, e.g. right after a heading glued
    to it) counts as standing at a line start; the markers at ``items`` (Markdown ordered list
    items inside a paragraph: 1. 2.) are points of the family ``list``."""
    voc = vocabulary()
    out: list[PointCand] = []
    headed = {a for a, _ in scope_of}
    si = 0
    scope = -1
    for tok in tokens:
        s, e, cat = tok.start, tok.end, tok.category
        while si < len(scope_of) and scope_of[si][0] <= s:
            scope = scope_of[si][1]
            si += 1
        marker = tok.marker
        if marker is None:
            continue
        if cat == "heading":
            if s in headed:
                continue  # (a heading: never a point as well)
            if s in items:
                out.append(PointCand(s, e, text[s:e], "list", marker.numbers[0], False, LINE_START, scope))
                continue
            # （1）…（2）… inside a paragraph: list items, not headings
            if s in list_items or (marker.form == "arabic_paren" and strength_at(text, s, body_start) != LINE_START):
                family = "paren" if marker.form == "arabic_paren" else marker.form
                out.append(PointCand(s, e, text[s:e], family, marker.numbers[0], False, AFTER_BOUNDARY, scope))
            continue
        prev = text[s - 1] if s > body_start else ""
        nxt = text[e] if e < body_end else ""
        strength = LINE_START if s in para_starts else strength_at(text, s, body_start)
        if s in para_starts:
            prev = ""
        if marker.form == "sequence":
            # (what follows the word itself: 首先是 takes the 是 into the marker, but 是 is what
            # the word's tests read after it, as they do after a bare 首先)
            w = s + len(marker.word)
            after = text[w] if w < body_end else ""
            role = voc.sequence_words[marker.word]
            if (strength == GLUED and (w == e or role != "first")) or (after and after in voc.sequence_bad_next):
                continue  # (glued to a word only the first, with its 是: 原因首先是…；其次是…, not 坚持到最后是…)
            need = voc.sequence_requires.get(marker.word)
            if need is not None and not need.match(text, w):
                continue
            out.append(PointCand(s, e, text[s:e], "seq", 1 if role == "first" else 0,
                                 role == "last", strength, scope))
            continue
        if prev and prev in voc.point_bad_prev:
            continue
        verb = marker.form == "cn_verb"
        # (after 一是 or a marker closed by its comma, 第一，, the number is done: a classifier
        # may open the lead, 第一，项目前期…; only a bare 第一 glued to one is a count, 第一项)
        closed = verb or text[e - 1] in _MARKER_CLOSERS
        if nxt and nxt in (voc.point_verb_bad_next if closed else voc.point_bad_next):
            continue
        if verb and nxt and voc.point_verb_bare_number.match(text, e, body_end) is not None:
            continue
        n = marker.numbers[0]
        if verb:
            family = "cn" + marker.word
        else:
            family = "di" if marker.form.startswith("di_") else marker.form  # (circled, arabic_half)
            if strength == GLUED:
                continue
        if n == 1 and strength == GLUED:
            continue
        out.append(PointCand(s, e, text[s:e], family, n, False, strength, scope))
    return out


def select_points(cands: list[PointCand], cut_off: int | None = None) -> list[list[PointCand]]:
    """Group candidates into enumerations of at least two points, in order (the first, before
    any heading and any 1, may start at a later number: an excerpt). An enumeration that
    opens inside an unfinished one is nested in it when it is a 首先… sequence inside another
    (an agenda step with its own 首先…最后) or of another family (第一，…一是…二是…第二，…):
    the outer one goes on at its next point (the inner runs end there), or when an inner
    首先… sequence reaches its 最后. A nested enumeration of two or more that starts again
    (…一是…二是…。同时，一是…) is a new series inside the same outer point. ``cut_off``: the
    text was cut off mid-sentence (a page excerpt) soon after this offset; a first point
    there whose series the cut took away (…一是要加快前期工作。对已谋划的储备项目，要逐个) is
    one too."""
    if not cands:
        return []
    runs: list[list[PointCand]] = []
    current: list[PointCand] = []
    outer: list[list[PointCand]] = []  # unfinished sequences a nested one interrupted

    agenda: set[int] = set()  # starts of the 下面 that opened a moderator's agenda with no 首先

    def emit(run: list[PointCand]) -> None:
        if len(run) >= (AGENDA_MIN if run and run[0].start in agenda else 2):
            runs.append(run)

    def close() -> None:
        nonlocal current
        emit(current)
        current = outer.pop() if outer and current and current[0].family == "seq" else []

    def close_all() -> None:
        """Close the current enumeration and every one it interrupted."""
        nonlocal current
        for run in (current, *outer):
            emit(run)
        outer.clear()
        current = []

    opened = False  # a point numbered 1 has been seen
    steps = vocabulary().agenda_steps
    for c in cands:
        if (c.family == "seq" and c.number == 0 and c.strength == LINE_START and c.marker in steps
                and not any(run and run[0].family == "seq" for run in (current, *outer))):
            # a moderator's agenda with no 首先, each step opening its line (下面，进行会议第一项
            # 议程…下面，请…然后，…最后，…: a step word only an agenda verb follows) opens as 首先
            # would, where AGENDA_MIN steps follow in order
            c.number = 1
            agenda.add(c.start)
        if not (opened or runs or current) and c.number > 1 and c.scope == -1 and c.family != "seq":
            # an excerpt that starts inside an enumeration (…作用。三是…四是…): the series goes
            # on from where the page begins, before any heading or any 1
            current = [c]
            continue
        if c.number == 1:
            opened = True
            nested = (current and not current[-1].last and c.scope == current[-1].scope
                      and c.start - current[-1].end <= MAX_GAP
                      and (c.family == current[0].family == "seq" or c.family != current[0].family))
            if nested:
                outer.append(current)
                current = [c]
                continue
            if (outer and len(current) >= 2 and c.family == current[0].family and c.scope == current[-1].scope
                    and c.start - outer[-1][-1].end <= MAX_GAP):
                # the nested enumeration starts again inside the same point of the one it
                # interrupted (第一，…一是…二是…。同时，一是…二是…。第二，…): that one goes on
                emit(current)
                current = [c]
                continue
            close_all()  # (a restart, a new scope or a finished run: the interrupted ones end too)
            current = [c]
            continue
        if not current:
            continue
        head, last = current[0], current[-1]
        # an ordinal continuing a 首先/其次 sequence of two or more at the next number is its
        # next point (首先…其次…第三…最后…, as 再次 after them is: corpus/INDEX.md), unless an
        # enumeration of its own family that the sequence interrupted goes on there (第一，…但
        # 首先是…。第二，…)
        continues = (head.family == "seq" and c.family == "di" and len(current) >= 2
                     and c.number == last.number + 1 and _resumed(outer, c, last) is None)
        same = ((c.family == head.family or continues) and c.scope == last.scope
                and c.start - last.end <= MAX_GAP and not last.last)
        if not same:
            if c.scope != last.scope:
                close_all()
            elif (k := _resumed(outer, c, last)) is not None:
                # an enumeration a nested one interrupted goes on: 第一，…一是…二是…第二，… (the
                # runs nested in it end there)
                for run in (current, *outer[k + 1:]):
                    emit(run)
                current = outer[k]
                del outer[k:]
                if c.family == "seq":
                    c.number = current[-1].number + 1
                current.append(c)
                if c.last:
                    close()
            continue
        if c.family == "seq":
            c.number = last.number + 1
            current.append(c)
            if c.last:
                close()
        elif c.number == last.number + 1:
            current.append(c)
    if (cut_off is not None and len(current) == 1 and not outer and current[0].number == 1
            and current[0].family != "seq" and current[0].start >= cut_off):
        runs.append(current)  # (a lone 首先 is no point, also here)
    close_all()
    runs.sort(key=lambda run: run[0].start)
    return _without_frames(runs)


def _without_frames(runs: list[list[PointCand]]) -> list[list[PointCand]]:
    """The runs less each 首先…最后 pair with nothing between but the points of other
    enumerations: a speech's opening (首先，我代表…) and closing wish (最后，祝…) around its
    body, not a sequence of two (corpus/INDEX.md: a lone 首先 is no point)."""
    starts = sorted(c.start for run in runs for c in run)
    out = []
    for run in runs:
        if len(run) == 2 and run[0].family == "seq" and run[1].last:
            a, b = run[0].end, run[1].start
            if bisect_left(starts, b) - bisect_left(starts, a) > 0:
                continue
        out.append(run)
    return out


def _resumed(outer: list[list[PointCand]], c: PointCand, inner_last: PointCand) -> int | None:
    """The index in ``outer`` of the interrupted enumeration (the innermost tried first) of
    which ``c`` is the next point, standing close enough after the last point so far
    (``inner_last``)."""
    if c.start - inner_last.end > MAX_GAP:
        return None
    for k in range(len(outer) - 1, -1, -1):
        run = outer[k]
        last = run[-1]
        if (c.family == run[0].family and c.scope == last.scope and not last.last
                and (c.family == "seq" or c.number == last.number + 1)):
            return k
    return None


@dataclass(slots=True)
class Point:
    """A point of an enumeration, as it stands in its paragraph (view offsets)."""

    start: int
    end: int
    lead_start: int
    lead_end: int
    cand: PointCand
    series: int


AGENDA_MIN = 3  # steps of an agenda that no 首先 opens (下面…下面…最后; two may be a speech's 下面…最后 frame)
CUT_OFF_TAIL = 400  # characters from the end of a text cut off mid-sentence in which a lone first point stands


def _cut_off(text: str) -> int | None:
    """Where a lone first point may stand in ``text`` when it was cut off mid-sentence (its
    last character no sentence end, closing quote or bracket: a page excerpt); else None."""
    end = len(text)
    while end > 0 and text[end - 1].isspace():  # (no copy of the text: it may be long)
        end -= 1
    if end == 0 or text[end - 1] in PARAGRAPH_JOIN_ENDS:
        return None
    return max(0, end - CUT_OFF_TAIL)


def find_points(doc: Document, start: int, heads: list[Heading], paras: list[Range]) -> list[Range | Point]:
    """The paragraphs with the points they hold split out: plain stretches and points, in order."""
    v = doc.view.text
    scope_of = [(h.start, i) for i, h in enumerate(heads)]
    cands = point_candidates(v, doc.body_tokens(start), start, len(v), scope_of, frozenset(a for a, _ in paras),
                             doc.markdown_items, doc.list_items(start))
    info: dict[int, tuple[PointCand, int]] = {}
    for si, run in enumerate(select_points(_within(cands, paras), _cut_off(v))):
        for pc in run:
            info[pc.start] = (pc, si)
    starts = sorted(info)
    out: list[Range | Point] = []
    for ps, pe in paras:
        inner = starts[bisect_left(starts, ps):bisect_left(starts, pe)]
        if not inner:
            out.append((ps, pe))
            continue
        cur = ps
        chained = False  # the point before is chained to this one with a comma
        for j, s in enumerate(inner):
            if s > cur and v[cur:s].strip():
                out.append(strip(v, cur, s))
            stop = inner[j + 1] if j + 1 < len(inner) else pe
            a, b = strip(v, s, stop)
            pc, si = info[s]
            ls, le = _lead(v, pc, b)
            chains = j + 1 < len(inner) and info[inner[j + 1]][1] == si and _chains(v, a, b)
            if chained and not chains:
                le = _before_closer(v, ls, le)
            out.append(Point(a, b, ls, le, pc, si))
            chained = chains
            cur = stop
        if cur < pe and v[cur:pe].strip():
            out.append(strip(v, cur, pe))
    return out


def _chains(v: str, a: int, b: int) -> bool:
    """The point ``v[a:b]`` is chained to the next with a comma, in one sentence
    (第一是保护，第二是保护，…)."""
    return b > a and v[b - 1] in COMMAS and _LEAD_END.search(v, a, b) is None


def _before_closer(v: str, ls: int, le: int) -> int:
    """The end of the lead ``v[ls:le]`` of the last point of a comma-chained run: before a
    comma and a contrast (vocab ``chain_closers``: …第三还是保护，但不能…), where the
    sentence leaves the list; else ``le``."""
    m = vocabulary().chain_closer.search(v, ls, le)
    return m.start() if m is not None and m.start() > ls else le


def _lead(v: str, pc: PointCand, e: int) -> Range:
    """The lead of the point ``pc`` ending at ``e``: its first sentence, without the
    punctuation around it; in text without punctuation where the evidence ends it."""
    ls = pc.end
    while ls < e and v[ls] in LEAD_SKIP:
        ls += 1
    m = _LEAD_END.search(v, ls, e)
    le = m.start() if m else e
    while le > ls and (v[le - 1].isspace() or v[le - 1] in CLAUSE_MARKS):
        le -= 1
    reach = 2 * vocabulary().max_title_length
    if le - ls > reach and not _CLAUSE.search(v, ls, ls + reach):
        # no punctuation in reach (stripped text): where the evidence puts the end (a long
        # sentence with its commas ends at its 。, as any lead does)
        k, _ = best_cut(v, ls, ls + reach)
        if k is not None:
            le = k
    return ls, le


def _within(cands: list[PointCand], paras: list[Range]) -> list[PointCand]:
    out: list[PointCand] = []
    j = 0
    for c in cands:
        while j < len(paras) and paras[j][1] <= c.start:
            j += 1
        if j < len(paras) and paras[j][0] <= c.start:
            out.append(c)
    return out
