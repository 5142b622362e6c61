"""Glued front matter: a title (with its subtitle, date and speaker) run together with site
chrome and page metadata, as when a scraped page lost its line breaks.

A title is a stretch that ends with a title word (讲话, 报告, 主持词… ``glued_front`` in
data/vocab.json), starts where a break or a piece of inline site chrome (``inline`` in
data/chrome.json) ends, and is confirmed by what follows it: a subtitle (——…在…上), a date,
chrome or a break, a salutation, or the same words said twice. At the start of a body line a
title is taken on strong evidence only, or where the line restates words said just before it
(a page title in the chrome, then the document title glued to the first sentence).

Everything here runs only on front matter that the line-by-line reading could not settle,
and costs time linear in its length (a bounded number of candidates, each checked over at
most ``max_title_length`` characters).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .vocab import chrome_rules, vocabulary

Range = tuple[int, int]
_SPACE = frozenset(" \t\u3000\u00a0\u2002\u2003")
_NEWLINE = frozenset("\r\n")


@dataclass(frozen=True, slots=True)
class InlineChrome:
    """Site chrome found inside a glued run (view offsets)."""

    start: int
    end: int
    site: str
    rule: str
    groups: dict[str, str] = field(default_factory=dict)


@dataclass
class Glued:
    """What was found in a glued run (view offsets)."""

    title: Range
    subtitle: Range | None = None
    date: Range | None = None
    speaker: Range | None = None
    end: int = 0
    chrome: list[InlineChrome] = field(default_factory=list)


def inline_chrome(text: str, a: int, b: int) -> list[InlineChrome]:
    """The inline chrome patterns' hits in ``text[a:b]``, leftmost-longest, not overlapping."""
    found: list[InlineChrome] = []
    for rule in chrome_rules().inline:
        for m in rule.pattern.finditer(text, a, b):
            if m.end() > m.start():
                groups = {k: v for k, v in m.groupdict().items() if v}
                found.append(InlineChrome(m.start(), m.end(), rule.site, rule.name, groups))
    found.sort(key=lambda h: (h.start, -h.end))
    out: list[InlineChrome] = []
    for h in found:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


class _Run:
    """A stretch of glued front matter: where breaks and chrome start and end."""

    def __init__(self, text: str, a: int, b: int, end: int, closed: bool) -> None:
        g = vocabulary().glued
        self.text, self.a, self.b, self.end, self.closed = text, a, b, end, closed
        self.chrome = inline_chrome(text, a, end)
        breaks = [m.span() for m in g.breaks.finditer(text, a, end)]
        self.stops = sorted({a, *(e for _, e in breaks), *(h.end for h in self.chrome)})
        self.openers = sorted({s for s, _ in breaks} | {h.start for h in self.chrome})
        self._opener_set = frozenset(self.openers)

    def skip(self, i: int) -> int:
        while i < self.end and self.text[i] in _SPACE:
            i += 1
        return i

    def left(self, i: int) -> int:
        """Where a title ending after ``i`` may start: after the last stop at or before ``i``."""
        return self.skip(self.stops[bisect_right(self.stops, i) - 1])

    def opens(self, i: int) -> bool:
        return i in self._opener_set

    def inside(self, s: int, e: int) -> bool:
        """A break or chrome starts or ends strictly inside ``(s, e)``."""
        for seq in (self.stops, self.openers):
            k = bisect_right(seq, s)
            if k < len(seq) and seq[k] < e:
                return True
        return False

    def evidence(self, e: int) -> int:
        """How strongly what follows ``e`` says a title ended there (-1: it did not)."""
        voc = vocabulary()
        g = voc.glued
        text = self.text
        q = self.skip(e)
        if q >= self.end:
            return 1 if self.closed else 0
        if text[q] in _NEWLINE:
            return 2
        if g.title_bad.match(text, q):
            return -1
        if g.subtitle.match(text, q, self.end):
            return 4
        if g.date.match(text, q, self.end):
            return 3
        if self.opens(q):
            return 2
        if voc.salutation_hint.match(text, q, self.end):
            return 1
        return 0


def find_glued(text: str, a: int, b: int, end: int, *, closed: bool,
               at_body: bool = False, earlier: str = "") -> Glued | None:
    """A title ending in ``text[a:b]`` of a glued run that goes on to ``end``.

    ``closed``: ``end`` is where the front matter ends (a salutation follows).
    ``at_body``: the run is the start of the first body line; only strong evidence counts, and
    a start that restates words of ``earlier`` (the text before the run) is a title too.
    """
    run = _Run(text, a, b, end, closed)
    title = _by_title_word(run, at_body)
    if title is None and at_body:
        title = _restated(run, earlier)
    if title is None:
        return None
    return _following(run, title)


def _by_title_word(run: _Run, at_body: bool) -> Range | None:
    voc = vocabulary()
    g = voc.glued
    text = run.text
    limit = voc.max_title_length
    ends: list[int] = []
    words: list[int] = []
    for m in g.title_words.finditer(text, run.a, run.b):
        ends.append(m.end())
        words.append(m.start())
        if len(ends) >= g.max_candidates:
            break
    if not ends:
        return None
    own = [run.evidence(e) for e in ends]
    lefts: list[int | None] = []
    for w, e in zip(words, ends, strict=True):
        at = run.left(w)
        lefts.append(at if e - at <= limit else None)
    # the same title said twice: the longest shared ending, where one copy stands clean
    rep: list[int | None] = [None] * len(ends)
    for j in range(len(ends)):
        if own[j] < 0:
            continue
        for i in range(j):
            if own[i] < 0:
                continue
            ei, ej = ends[i], ends[j]
            cap = min(ej - ei, ei - run.a, limit)
            n = 0
            while n < cap and text[ei - 1 - n] == text[ej - 1 - n]:
                n += 1
            if n < max(g.min_repeat, ei - words[i] + 2):
                continue
            if lefts[i] != ei - n and lefts[j] != ej - n:
                continue
            for k, e in ((i, ei), (j, ej)):
                r = rep[k]
                rep[k] = e - n if r is None else min(r, e - n)
    best: tuple[int, int] | None = None
    best_score = 0
    for k, e in enumerate(ends):
        if own[k] < 0:
            continue
        s = lefts[k]
        score = own[k]
        r = rep[k]
        if r is not None:
            score = max(score, 2)
            if s is None or r > s:
                if at_body:
                    continue
                s = r
        if s is None or s >= words[k]:
            continue
        if at_body and (score < 3 or s != run.left(run.a) or g.body_openers.match(text, s, e)):
            continue
        if g.title_bad.search(text, s, e) or run.inside(s, e):
            continue
        if score > best_score:
            best, best_score = (s, e), score
    return best


def _restated(run: _Run, earlier: str) -> Range | None:
    """A body line that opens by restating words said just before it: those words."""
    voc = vocabulary()
    g = voc.glued
    text = run.text
    for stop in run.stops[:g.max_candidates]:
        p = run.skip(stop)
        if p >= run.b:
            break
        seen = earlier + "\x00" + text[run.a:p]
        cap = min(voc.max_title_length, run.b - p)
        n = 0
        while n < cap and seen.find(text[p:p + n + 1]) >= 0:
            n += 1
        e = p + n
        while e > p and text[e - 1] in _SPACE:
            e -= 1
        if e - p < g.min_restated or e >= run.b or not _is_han(text[e]):
            continue
        if g.title_bad.search(text, p, e) or run.inside(p, e) or run.opens(e):
            continue
        return p, e
    return None


def _following(run: _Run, title: Range) -> Glued:
    """The title with the subtitle, date and speaker glued right after it."""
    g = vocabulary().glued
    text = run.text
    out = Glued(title=title, end=title[1])
    q = run.skip(title[1])
    m = g.subtitle.match(text, q, run.end)
    if m:
        out.subtitle = (q, m.end())
        out.end = m.end()
        q = run.skip(m.end())
    d = g.date.match(text, q, run.end)
    if d and not any(s == q and e > d.end() for s, e in _break_spans(run, q)):
        out.date = (q, d.end())
        out.end = d.end()
        q = run.skip(d.end())
    if out.subtitle is not None or out.date is not None:
        sp = _speaker(run, q)
        if sp is not None:
            out.speaker = sp
            out.end = sp[1]
    taken = [r for r in (out.title, out.subtitle, out.date, out.speaker) if r is not None]
    out.chrome = [h for h in run.chrome if not any(h.start < e and s < h.end for s, e in taken)]
    return out


def _break_spans(run: _Run, q: int) -> list[Range]:
    m = vocabulary().glued.breaks.match(run.text, q, run.end)
    return [m.span()] if m else []


def _speaker(run: _Run, q: int) -> Range | None:
    """An office and a name (省长 李明) glued after the subtitle or date, where the name ends
    at something that is not more of a name."""
    voc = vocabulary()
    g = voc.glued
    text = run.text
    m = g.speaker.match(text, q, run.end)
    if not m:
        return None
    p = m.end()
    for n in (3, 2):
        e = p + n
        if e > run.end or not g.speaker_name.fullmatch(text, p, e):
            continue
        if (e >= run.end or not _is_han(text[e]) or run.opens(e)
                or voc.salutation_hint.match(text, e, run.end) or g.date.match(text, e, run.end)):
            return q, e
    return None

