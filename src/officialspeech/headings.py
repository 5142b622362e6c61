"""Find numbered headings in the body and where each heading's title ends."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .grammar import interpret
from .spans import line_end
from .titleend import CLOSE_QUOTES, OPEN_QUOTES, announced_end, cut_scores, strong_evidence_possible
from .vocab import vocabulary

# nesting rank of each marker style: a heading closes open sections of equal or lower rank
RANK = {"attachment": 0, "container": 0, "cn_dun": 1, "cn_paren": 2, "arabic_dot": 3,
        "arabic_paren": 4, "footnote": 5}
STYLE = {"cn_dun": "cn_dun", "cn_paren": "cn_paren", "arabic_dot": "arabic_dot",
         "arabic_paren": "arabic_paren", "footnote": "other", "attachment": "other", "container": "other"}

LINE_START, AFTER_BOUNDARY, GLUED = 3, 2, 1
CONFIRM_WINDOW = {"cn_dun": 200_000, "cn_paren": 8000}
DEFAULT_CONFIRM_WINDOW = 4000
ANNOUNCE_REACH = 40
TERMINATOR_SCORE = 3.5
RUN_ON_TERMINATOR_SCORE = 2.5  # line breaks were lost: a 。 far on says less
MIN_CUT_SCORE = 2.9
SHORT_TITLE = 8
SHORT_PENALTY = 0.1  # per character below SHORT_TITLE, when only a guess is left
_HSPACE = " \t\u3000\u00a0\u2002\u2003"
_ARABIC = ("arabic_dot", "arabic_paren")
_STOPS = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES) + "。！？；：!?;:]")  # (`re`: cheaper per call)
_FREE_NEXT = ("attachment", "footnote")


@dataclass(slots=True)
class Candidate:
    """A marker the scanner found (view offsets)."""

    start: int
    end: int
    marker: str
    form: str
    number: int | None
    strength: int
    line_end: int


@dataclass(slots=True)
class Heading:
    """An accepted heading (view offsets)."""

    start: int
    marker_end: int
    title_start: int
    title_end: int
    heading_end: int
    marker: str
    form: str
    number: int | None
    confidence: str


def strength_at(text: str, start: int, body_start: int) -> int:
    """How the marker at ``start`` stands: at a line start, after a boundary, or glued."""
    i = start - 1
    while i >= body_start and text[i] in _HSPACE:
        i -= 1
    if i < body_start or text[i] in "\r\n":
        return LINE_START
    if i < start - 1 or text[i] in vocabulary().boundary_before:
        return AFTER_BOUNDARY
    return GLUED


def heading_candidates(text: str, matches: list[tuple[int, int, str]], body_start: int,
                       body_end: int) -> list[Candidate]:
    """Heading candidates from scanner matches ``(start, end, category)``; containers (注释)
    standing alone on a line are added as unnumbered candidates."""
    voc = vocabulary()
    out: list[Candidate] = []
    for s, e, cat in matches:
        if cat != "heading":
            continue
        prev = text[s - 1] if s > body_start else ""
        nxt = text[e] if e < body_end else ""
        if prev and prev in voc.heading_bad_prev:
            continue
        marker = interpret(text[s:e])
        if marker is None:
            continue
        if marker.form in _ARABIC:
            bad_next = voc.heading_bad_next_arabic
        elif marker.form == "cn_paren":
            bad_next = voc.heading_bad_next_paren  # （一）、 is a heading with a redundant 、
        else:
            bad_next = voc.heading_bad_next
        if marker.form not in _FREE_NEXT and nxt and nxt in bad_next:
            continue
        strength = strength_at(text, s, body_start)
        if marker.form == "arabic_paren" and strength != LINE_START:
            continue  # inline （1）…（2）… is a list of points inside a paragraph
        if marker.form == "footnote" and strength == AFTER_BOUNDARY and not (prev and voc.sentence_end.match(prev)):
            strength = GLUED  # a reference mark after a term: 四个一批”［1］
        out.append(Candidate(s, e, text[s:e], marker.form, marker.numbers[0], strength,
                             line_end(text, e, body_end)))
    # a container word holds its last character: a body with none of those (one fast search
    # each) is spared the scan
    found = any(text.find(ch, body_start, body_end) != -1 for ch in voc.container_last_chars)
    for m in voc.container_headings.finditer(text, body_start, body_end) if found else ():
        s, e = m.start(), m.end()
        strength = strength_at(text, s, body_start)
        after = e
        while after < body_end and text[after] in _HSPACE:
            after += 1
        alone = after >= body_end or text[after] in "\r\n"
        followed = next((c for c in out if c.start == after), None)
        if strength == LINE_START and alone:
            out.append(Candidate(s, s, "", "container", None, LINE_START, e))
        elif strength >= AFTER_BOUNDARY and followed is not None and followed.number == 1:
            # 注释［1］… / 名词解释1.… glued in run-on text: the entry after it starts a line
            out.append(Candidate(s, s, "", "container", None, AFTER_BOUNDARY, e))
            followed.strength = max(followed.strength, AFTER_BOUNDARY)
    out.sort(key=lambda c: c.start)
    return out


def _title_like_line(text: str, c: Candidate) -> bool:
    line = text[c.end:c.line_end].strip()
    voc = vocabulary()
    m = voc.title_end.search(line)
    first = m.start() if m else len(line)
    return 0 < first <= voc.max_title_length


def select_headings(text: str, cands: list[Candidate], hinted: frozenset[int] = frozenset()) -> list[Candidate]:
    """Choose the candidates that are headings, following numbering sequences per style.
    A candidate starting at one of ``hinted`` (the file format styled that line as a heading)
    is taken as long as its line reads like a heading."""
    twos: dict[str, list[int]] = {}
    for c in cands:
        if c.number == 2 and (c.strength >= AFTER_BOUNDARY or c.form == "cn_paren"):
            twos.setdefault(c.form, []).append(c.start)
    for starts in twos.values():
        starts.sort()

    def confirmed(c: Candidate) -> bool:
        """A later 2 of the same form follows closely, or the sentence before announces a list
        (我再讲三点意见。): this 1 starts a sequence."""
        window = CONFIRM_WINDOW.get(c.form, DEFAULT_CONFIRM_WINDOW)
        starts = twos.get(c.form, [])
        i = bisect_right(starts, c.start)
        if i < len(starts) and starts[i] <= c.start + window:
            return True
        if vocabulary().announcement.search(text, max(0, c.start - ANNOUNCE_REACH), c.start):
            return True
        return announced_end(text, c.end) is not None  # 从“筑牢思想根基;…”两个方面 … 一、筑牢思想根基…

    line_starts = {(c.form, c.number) for c in cands if c.strength == LINE_START}
    stack: list[tuple[str, int | None]] = []
    accepted: list[Candidate] = []
    for c in cands:
        form, n = c.form, c.number
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == form), None)
        if form == "container":
            stack.clear()
            stack.append((form, None))
            accepted.append(c)
            continue
        assert n is not None
        prev_n = stack[depth][1] if depth is not None else None
        expected = (prev_n or 0) + 1
        ok = False
        if c.start in hinted and c.strength == LINE_START and _title_like_line(text, c):
            ok = True
        elif c.strength == LINE_START:
            if not _title_like_line(text, c) and form not in ("attachment", "footnote", "arabic_dot"):
                # a long line with no sentence end: a heading only when it continues a sequence
                ok = depth is not None and n == expected
            elif depth is None:
                # a sequence may start anywhere in an excerpt when the next number follows
                ok = n in (1, 2) or form == "attachment" or (form, n + 1) in line_starts
            else:
                # a heading line numbered out of sequence is still a heading (check reports it),
                # but not one that jumps far ahead
                ok = n <= expected + 2
        elif c.strength == AFTER_BOUNDARY:
            if depth is None:
                ok = n == 1 and confirmed(c)
            else:
                ok = n == expected
        else:  # glued to the text before it
            if form in ("cn_paren", "cn_dun"):
                if n == 1:
                    ok = form == "cn_paren" and confirmed(c) and (depth is None or (prev_n or 0) >= 2)
                else:
                    ok = depth is not None and n == expected
            elif form == "arabic_dot" and accepted and text[c.start - 1].isalpha():
                # …排查整治1.聚焦重点行业领域…。2.建立…: a numbered list glued to the heading
                # above it once the line breaks were lost; a 2. must follow
                ok = (n == 1 and depth is None and confirmed(c)) or (depth is not None and n == expected)
        if not ok:
            continue
        if depth is not None:
            del stack[depth:]
        else:
            rank = RANK[form]
            while stack and RANK[stack[-1][0]] >= rank:
                stack.pop()
        stack.append((form, n))
        accepted.append(c)
    return accepted


def _first_title_end(text: str, start: int, stop: int) -> int | None:
    """The first title terminator in ``text[start:stop]`` outside quotes and brackets."""
    voc = vocabulary()
    depth = 0
    for m in _STOPS.finditer(text, start, stop):
        ch = m.group()
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif depth == 0 and voc.title_end.match(text, m.start()):
            return m.start()
    return None


def title_bounds(text: str, c: Candidate, limit: int, run_on: bool = False) -> Heading:
    """Where the title of heading ``c`` starts and ends; ``confidence`` is 'guessed' when the
    end had to be inferred inside run-on text.  ``run_on`` says the text lost its line breaks."""
    voc = vocabulary()
    ts = c.end
    while ts < c.line_end and text[ts] in _HSPACE:
        ts += 1
    if c.form == "attachment" and not text[ts:c.line_end].strip():
        # 附件1 with its title on the next line
        nxt = ts
        while nxt < limit and text[nxt] in "\r\n \t\u3000":
            nxt += 1
        if nxt < limit:
            ts = nxt
            c = Candidate(c.start, c.end, c.marker, c.form, c.number, c.strength, line_end(text, nxt, limit))
    stop = c.line_end
    t = _first_title_end(text, ts, min(stop, ts + 2 * voc.max_title_length + 1))
    if t is not None and t - ts > 2 * voc.max_title_length:
        t = None  # a terminator that far away does not end the title
    cand_end = t if t is not None else stop
    while cand_end > ts and text[cand_end - 1] in _HSPACE:
        cand_end -= 1
    length = cand_end - ts
    if t is None and stop - ts <= voc.max_title_length:
        end, confidence = cand_end, "certain"  # a heading standing alone on its line
    elif t is not None and not run_on and length <= 30 and not strong_evidence_possible(text, ts, cand_end):
        end, confidence = t, "certain"  # a run-in heading closed by its punctuation
    else:
        # candidates: the first terminator (a run-in heading) and places inside the sentence
        # where the body visibly starts; the best-supported one wins
        best, best_k = -1.0, None
        if t is not None:
            base = RUN_ON_TERMINATOR_SCORE if run_on else TERMINATOR_SCORE
            best, best_k = base - max(0, length - 30) * 0.15, t
        strongest = -1.0
        fallback: int | None = None
        for k, sc in cut_scores(text, ts, min(cand_end - 1, ts + voc.max_title_length)):
            # with no terminator to fall back on, the strongest cut; among equals, not a very
            # short title (提升生态|系统多样性… says as little as …多样性|稳定性)
            guess = sc - max(0, SHORT_TITLE - (k - ts)) * SHORT_PENALTY
            if guess > strongest:
                strongest, fallback = guess, k
            if sc >= MIN_CUT_SCORE and sc > best:
                best, best_k = sc, k
        if best_k is None:
            # no punctuation in reach and no clear evidence: the best place there is
            best_k = fallback if fallback is not None else min(cand_end, ts + voc.max_title_length)
        end = best_k
        confidence = "certain" if end == t else "guessed"
    heading_end = end
    if end == t:
        heading_end = end + 1
    return Heading(c.start, c.end, ts, end, heading_end, c.marker, c.form, c.number, confidence)
