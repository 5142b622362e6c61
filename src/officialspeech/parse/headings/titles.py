"""Where a heading's title ends: at its line end, its closing punctuation, or where the
evidence (:mod:`.titleend`) puts the start of the body in run-on text."""

from __future__ import annotations

import re
from collections import Counter

from ...compiled import compile_re
from ...vocab import vocabulary
from ..chars import (
    CLOSE_QUOTES,
    COLONS,
    HEADING_SPACE,
    INLINE_SPACE,
    LINE_BREAKS,
    OPEN_QUOTES,
    PARAGRAPH_JOIN_ENDS,
    SEMICOLONS,
    SENTENCE_ENDS,
)
from ..markers import LINE_START, marker_at
from ..positions import LineIndex
from .candidates import Candidate, Heading
from .titleend import SPACE_CUT, cut_score, cut_scores, strong_evidence_possible

TERMINATOR_SCORE = 3.5
RUN_ON_TERMINATOR_SCORE = 2.5  # line breaks were lost: a 。 far on says less
MIN_CUT_SCORE = 2.9
SHORT_TITLE = 8
SHORT_PENALTY = 0.1  # per character below SHORT_TITLE, when only a guess is left
WRAP_MIN = 16  # lines this long count in telling the wrap width
WRAP_SLACK = 2  # a full line is at most this much shorter than the width (wide characters)
WRAP_SHARE = 0.5  # of the long lines, this share is as long as the width
WRAP_LINES = 8
WRAP_MAX_AVERAGE = 80  # a wrapped text has shorter lines on average (paragraph ends, blank lines)
_STOPS = compile_re("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES) + "。！？；：!?;:]")  # (`re`: cheaper per call)


def first_title_end(text: str, start: int, stop: int) -> int | None:
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


def title_bounds(text: str, c: Candidate, limit: int, lines: LineIndex, run_on: bool = False,
                 wrap: Wrap | None = None) -> Heading:
    """Where the title of heading ``c`` starts and ends; ``confidence`` is 'guessed' when the
    end had to be inferred inside run-on text.  ``run_on`` says the text lost its line breaks;
    ``wrap`` that it was hard-wrapped (a title filling its line goes on to the next)."""
    voc = vocabulary()
    ts = c.end
    while ts < c.line_end and text[ts] in HEADING_SPACE + LINE_BREAKS:
        ts += 1  # (past a line break only where the title stands below its marker: candidates.py)
    if c.form == "attachment" and not text[ts:c.line_end].strip():
        # 附件1 with its title on the next line
        nxt = ts
        while nxt < limit and text[nxt] in LINE_BREAKS + INLINE_SPACE:
            nxt += 1
        if nxt < limit:
            ts = nxt
            c = Candidate(c.start, c.end, c.marker, c.form, c.number, c.strength, min(lines.line_end(nxt), limit))
    stop = c.line_end if wrap is None else wrap.title_stop(c.line_end, limit)
    t = first_title_end(text, ts, min(stop, ts + 2 * voc.max_title_length + 1))
    if t is not None and t - ts > 2 * voc.max_title_length:
        t = None  # a terminator that far away does not end the title
    cand_end = t if t is not None else stop
    while cand_end > ts and text[cand_end - 1] in HEADING_SPACE:
        cand_end -= 1
    length = cand_end - ts
    if t is None and stop - ts <= voc.max_title_length and (wrap is None or c.strength == LINE_START):
        # a heading standing alone on its line (in hard-wrapped text only one that opens its
        # line: a marker run in after a sentence ends where the evidence says, not at a wrap)
        end, confidence = cand_end, "certain"
    elif t is not None and not run_on and wrap is None and text[t] in _INNER_STOPS + COLONS and (
            whole := _one_sentence_line(text, t, stop, ts + 2 * voc.max_title_length, ts + voc.max_title_length,
                                        closed_ok=text[t] not in COLONS)) is not None:
        # alone on its line, one sentence closed at the line end: its ；s stay inside
        # (corpus/INDEX.md: 1.发放劳务报酬20亿元以上；扩大失业保险覆盖面。); its ： too where the
        # line is as short as a title and has no closing mark (（二）…把握精神实质：坚持人民至上),
        # not a definition run in after it (1.“两重”：是指…。)
        # (the closing mark, where the line has one, is the heading's; none: it ends with its title)
        t = whole if whole < len(text) and text[whole] in SENTENCE_ENDS else None
        end, confidence = whole, "certain"
    elif t is not None and not run_on and length <= 30 and not strong_evidence_possible(text, ts, cand_end):
        end, confidence = t, "certain"  # a run-in heading closed by its punctuation
    elif t is not None and run_on and text[t] in COLONS and (
            gap := _gap_after_colon(text, ts, t, min(stop, ts + voc.max_title_length))) is not None:
        end, confidence = gap, "guessed"  # a space-joined line: the heading's ： stays inside, as on its line
    else:
        end = _inferred_end(text, ts, cand_end, t, run_on)
        confidence = "certain" if end == t else "guessed"
    heading_end = end
    if end == t:
        heading_end = end + 1
    return Heading(c.start, c.end, ts, end, heading_end, c.marker, c.form, c.number, confidence)


def _gap_after_colon(text: str, ts: int, t: int, most: int) -> int | None:
    """In run-on text, where a title whose first terminator ``t`` is a ： ends at the gap of a
    joined line (回顾2025：稳中有进、进中提质 今年以来…): the first white space after it, no later
    than ``most``, with two or more characters and no terminator between, and a gap the title-end
    rules count as one; else None (a definition run in: 1.“两重”：是指…)."""
    k = t + 1
    while k < most and text[k] not in HEADING_SPACE:
        if text[k] in _GAP_STOPS:
            return None
        k += 1
    if k >= most or k - t <= 2 or _latin(text[k - 1]) or _latin(text[k + 1:k + 2]) or cut_score(text, ts, k) < SPACE_CUT:
        return None  # (not a space beside a Latin word or a figure: ［5］ESI：Essential…, ：以全省 100 个县)
    return k


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_GAP_STOPS = frozenset(SENTENCE_ENDS + SEMICOLONS + COLONS + LINE_BREAKS)
_INNER_STOPS = SEMICOLONS  # end a run-in title, stay inside one alone on its line (： only in a line with no closing mark)
_SENTENCE_STOP = compile_re(f"[{SENTENCE_ENDS}]")
_INNER_STOP = compile_re(f"[{SEMICOLONS}]")


def _one_sentence_line(text: str, t: int, stop: int, most: int, ts_limit: int, *, closed_ok: bool = True) -> int | None:
    """Where the title of a heading alone on its line ends when its first terminator ``t``
    is a ；(or a ：): the line (ending at ``stop``, at most ``most``) closes with its one 。！？
    (not with ``closed_ok`` False), or with none and no later than ``ts_limit`` (a title's
    length), no other before it, and no marker after the ；s (一是…；二是…, 一、…；二、…: a list
    run on); else None."""
    e = stop
    while e > t and text[e - 1].isspace():
        e -= 1
    if e > most or e - t < 2:
        return None
    closed = text[e - 1] in SENTENCE_ENDS
    if closed and not closed_ok:
        return None
    if sum(text.count(q, t, e) for q in OPEN_QUOTES) > sum(text.count(q, t, e) for q in CLOSE_QUOTES):
        return None  # a quote left open: the line was broken inside its sentence (…成果找市场“双向⏎揭榜)
    if not closed and (e > ts_limit or _fragment_follows(text, stop)):
        # (no closing mark: only a line as short as a title, 强链补链；做大做强实体经济, and not
        # one whose sentence the next line ends at once: …提高养⏎老金标准。)
        return None
    if _SENTENCE_STOP.search(text, t, e - 1 if closed else e) is not None:
        return None
    k = t
    while k < e - 1:
        if marker_at(text, k + 1):
            return None  # a marker right after a ； (一是…；二是…)
        m = _INNER_STOP.search(text, k + 1, e - 1)
        if m is None:
            break
        k = m.start()
    return e - 1 if closed else e


FRAGMENT_MAX = 8  # characters before the first sentence end of a next line that only ends the sentence above


def _fragment_follows(text: str, stop: int) -> bool:
    """The line after the one ending at ``stop`` ends a sentence within FRAGMENT_MAX
    characters (a hard break inside a sentence: …提高养⏎老金标准。), and opens with no marker."""
    k = stop
    while k < len(text) and text[k] in LINE_BREAKS + HEADING_SPACE:
        k += 1
    m = _SENTENCE_STOP.search(text, k, min(len(text), k + FRAGMENT_MAX + 1))
    if m is None or marker_at(text, k):
        return False
    return "\n" not in text[k:m.start()]


class Wrap:
    """The line width of a hard-wrapped text (PDF extraction breaks every line at about the
    same length): a title that fills its line goes on to the next one."""

    def __init__(self, text: str, lines: LineIndex, width: int, token_starts: frozenset[int]) -> None:
        self.text, self.lines, self.width, self.token_starts = text, lines, width, token_starts

    @classmethod
    def detect(cls, text: str, lines: LineIndex, token_starts: frozenset[int]) -> Wrap | None:
        """The wrap of ``text``: the most common line length when most long lines have it
        (within WRAP_SLACK) and most of those break off mid-sentence, else None (one
        paragraph per line varies far more, and its lines end with their sentences)."""
        if len(text) > WRAP_MAX_AVERAGE * len(lines.starts):
            return None  # lines far longer on average than any wrap width (one paragraph each)
        starts = lines.starts
        if sum(1 for k in range(1, len(starts)) if starts[k] - starts[k - 1] > WRAP_MIN) + 1 < WRAP_LINES:
            return None  # too few lines long enough to count (a line spans less than to the next start)
        lengths: Counter[int] = Counter()
        open_ends: Counter[int] = Counter()  # lines of that length broken mid-sentence
        for s in lines.starts:
            raw = text[s:lines.line_end(s)]
            line = raw.strip()
            if len(line) >= WRAP_MIN and s + len(raw) - len(raw.lstrip()) not in token_starts:  # (no heading)
                lengths[len(line)] += 1
                open_ends[len(line)] += line[-1] not in PARAGRAPH_JOIN_ENDS
        if not lengths:
            return None
        width, _ = lengths.most_common(1)[0]
        near = range(width - WRAP_SLACK, width + 2)
        full = sum(lengths[n] for n in near)
        broken = sum(open_ends[n] for n in near)
        if full < WRAP_LINES or full < WRAP_SHARE * sum(lengths.values()) or broken < WRAP_SHARE * full:
            return None
        return cls(text, lines, width, token_starts)

    def title_stop(self, line_end: int, limit: int) -> int:
        """Where a title on the line ending at ``line_end`` may run to: the end of the next
        line when this one is full and the next goes on with text (no marker, no blank line)."""
        text = self.text
        start = self.lines.line_start(line_end)
        if len(text[start:line_end].strip()) < self.width - WRAP_SLACK or line_end >= limit:
            return line_end
        nxt = line_end + (2 if text.startswith("\r\n", line_end) else 1)
        while nxt < limit and text[nxt] in HEADING_SPACE:
            nxt += 1
        if nxt >= limit or text[nxt] in LINE_BREAKS or nxt in self.token_starts:
            return line_end
        return min(self.lines.line_end(nxt), limit)


def _inferred_end(text: str, ts: int, cand_end: int, t: int | None, run_on: bool) -> int:
    """The best-supported title end among the first terminator ``t`` (a run-in heading) and
    the places inside the sentence where the body visibly starts."""
    max_title = vocabulary().max_title_length
    best, best_k = -1.0, None
    if t is not None:
        base = RUN_ON_TERMINATOR_SCORE if run_on else TERMINATOR_SCORE
        best, best_k = base - max(0, cand_end - ts - 30) * 0.15, t
    strongest = -1.0
    fallback: int | None = None
    for k, sc in cut_scores(text, ts, min(cand_end - 1, ts + max_title)):
        # with no terminator to fall back on, the strongest cut; among equals, not a very
        # short title (提升生态|系统多样性… says as little as …多样性|稳定性)
        guess = sc - max(0, SHORT_TITLE - (k - ts)) * SHORT_PENALTY
        if guess > strongest:
            strongest, fallback = guess, k
        if sc >= MIN_CUT_SCORE and sc > best:
            best, best_k = sc, k
    if best_k is None:
        # no punctuation in reach and no clear evidence: the best place there is
        best_k = fallback if fallback is not None else min(cand_end, ts + max_title)
    return best_k
