"""Glued front matter: a title (with its subtitle, date and speaker) run together with site
chrome and page metadata, as when a scraped page lost its line breaks.

A title is a stretch that ends with a title word (讲话, 报告, 主持词… ``glued_front`` in
data/vocab.json), starts where a break or a piece of inline site chrome (``inline`` in
data/chrome.json) ends, and is confirmed by what follows it: a subtitle (——…在…上), a date,
chrome or a break, a salutation, or the same words said twice. At the start of a body line a
title is taken on strong evidence only, or where the line restates words said just before it
(a page title in the chrome, then the document title glued to the first sentence).

After the title come its subtitle, date and speaker, in a run before the address also after a
piece of chrome or a break (发布时间：…——…会议上), and the speaker also after the title said
again; a subtitle line that goes on with a date or a speaker is split the same way
(:func:`subtitle_parts`).

Everything here runs only on front matter that the line-by-line reading could not settle,
and costs time linear in its length (a bounded number of candidates, each checked over at
most ``max_title_length`` characters).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

import regex

from ...compiled import compile_regex
from ...firsts import NeedsIndex, holds
from ...vocab import ChromeInline, chrome_rules, per_vocabulary, vocabulary
from ..chars import BREADCRUMB_SEPARATORS, HEADING_SPACE, LINE_BREAKS, is_han

Range = tuple[int, int]
Bare = Literal["no", "copy", "end"]
_SPACE = frozenset(HEADING_SPACE)
_NEWLINE = frozenset(LINE_BREAKS)
_SUBTITLE_LAST = frozenset("上话告辞言词）)")  # how a subtitle may end (see ``glued_front.subtitle``)


@dataclass(frozen=True, slots=True)
class InlineChrome:
    """Site chrome found inside a glued run (view offsets)."""

    start: int
    end: int
    site: str
    rule: str
    groups: dict[str, str] = field(default_factory=dict)
    titled: bool = False  # what stands before it is a title (6800字, .docx)
    meta: bool = False  # an article page's meta line (发布时间：…, 来源：…)


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
    # (only the rules whose hits' characters the run holds: most want a colon)
    for rule in _inline_index().holding(text[a:b]):
        for m in rule.pattern.finditer(text, a, b):
            s = m.start()
            while s < m.end() and text[s] in _SPACE:
                s += 1  # (a hit starts at its first character, past the spaces it begins with: …讲话 某某范文网)
            if m.end() > s:
                groups = {k: v for k, v in m.groupdict().items() if v}
                found.append(InlineChrome(s, m.end(), rule.site, rule.name, groups, rule.titled, rule.meta))
    found.sort(key=lambda h: (h.start, -h.end))
    out: list[InlineChrome] = []
    for h in found:
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


@per_vocabulary
def _inline_index() -> NeedsIndex[ChromeInline]:
    """The inline rules by the characters their hits need."""
    return NeedsIndex([(rule, rule.needs) for rule in chrome_rules().inline])


def meta_inside(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` holds a piece of an article page's meta line (``meta`` chrome: 来源：…)."""
    pattern = _meta_pattern()
    return pattern is not None and pattern.search(text, a, b) is not None


@per_vocabulary
def _meta_pattern() -> regex.Pattern[str] | None:
    rules = [r for r in chrome_rules().inline if r.meta]
    return compile_regex("|".join(f"(?:{r.pattern.pattern})" for r in rules)) if rules else None


def chrome_opens(text: str, a: int, b: int) -> bool:
    """An inline chrome pattern that follows no title matches at ``a`` in ``text[a:b]`` (a
    collection label before a title run on to the address: 篇一：在…会议上的讲话同志们：)."""
    return a < b and any(rule.pattern.match(text, a, b) is not None for rule in _opening_rules(text[a]))


@per_vocabulary
def _opening_rules(first: str) -> tuple[ChromeInline, ...]:
    """The inline rules that follow no title and whose hits may start with ``first``."""
    return tuple(rule for rule in chrome_rules().inline
                 if not rule.titled and (rule.first is None or rule.first.match(first)))


class _Run:
    """A stretch of glued front matter: where breaks and chrome start and end."""

    def __init__(self, text: str, a: int, b: int, end: int, closed: bool) -> None:
        g = vocabulary().glued
        self.text, self.a, self.b, self.end, self.closed = text, a, b, end, closed
        self.chrome = inline_chrome(text, a, end)
        self._chrome_starts = [h.start for h in self.chrome]  # (in order, not overlapping)
        breaks = [m.span() for m in g.breaks.finditer(text, a, end)]
        self.stops = sorted({a, *(e for _, e in breaks), *(h.end for h in self.chrome)})
        self.openers = sorted({s for s, _ in breaks} | {h.start for h in self.chrome})
        self._opener_set = frozenset(self.openers)
        self.titled = frozenset(h.start for h in self.chrome if h.titled)  # chrome that follows a title

    def past_leading_chrome(self) -> int:
        """Where the run goes on after the chrome it opens with (breadcrumbs one after another)."""
        i = self.skip(self.a)
        for h in self.chrome:
            if h.start != i:
                break
            i = self.skip(h.end)
        return i

    def in_chrome(self, i: int) -> bool:
        """Offset ``i`` lies inside a chrome hit of the run."""
        k = bisect_right(self._chrome_starts, i) - 1
        return k >= 0 and i < self.chrome[k].end

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

    def evidence(self, e: int, *, subtitle: bool = True) -> int:
        """How strongly what follows ``e`` says a title ended there (-1: it did not)."""
        voc = vocabulary()
        g = voc.glued
        text = self.text
        q = self.skip(e)
        if q >= self.end:
            return 3 if self.closed else 0
        if text[q] in _NEWLINE:
            return 2
        if g.title_bad.match(text, q):
            return -1
        if subtitle and g.subtitle.match(text, q, self.end):
            return 4
        if g.date.match(text, q, self.end):
            return 3
        if q in self.titled:
            return 3  # …的讲话9500字 / …的讲话_公文范文网: chrome that only ever follows a title
        if self.opens(q):
            return 2
        if g.sentence_openers.match(text, q, self.end):
            return 3  # 贺信值此…之际: what follows opens a sentence of its own
        named = _speaker(self, q, [], set())
        if named is not None:
            # (in the first body line, where only strong evidence counts, a speaker the body
            # plainly opens after is strong: …的讲话县委书记李明2018年1月，…)
            return 3 if not self.closed and _opens_body(self, named[1]) else 2
        if voc.salutation_hint.match(text, q, self.end):
            return 1
        return 0


_YEAR_SOURCE = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})年"  # a year opening a sentence
_YEAR = compile_regex(_YEAR_SOURCE)


def _opens_body(run: _Run, e: int) -> bool:
    """What follows a speaker ending at ``e`` opens the body: a date, a year, or a subject or
    time word (…的讲话县委书记 李明 2018年1月，我在…; …县委书记李明今年以来…)."""
    voc = vocabulary()
    q = run.skip(e)
    return bool(voc.glued.date.match(run.text, q, run.end) or _YEAR.match(run.text, q, run.end)
                or voc.openers.match(run.text, q, run.end))


def find_glued(text: str, a: int, b: int, end: int, *, closed: bool,
               at_body: bool = False, earlier: str = "", line: bool = False) -> Glued | None:
    """A title ending in ``text[a:b]`` of a glued run that goes on to ``end``.

    ``closed``: ``end`` is where the front matter ends (a salutation follows).
    ``at_body``: the run is the start of the first body line; only strong evidence counts, and
    a start that restates words of ``earlier`` (the text before the run) is a title too.
    ``line``: ``text[a:b]`` is what the lines read as the title; where it opens with chrome
    and nothing else finds a title in it, the rest of it is the title (首页 > 时政要闻 >
    正文凝心聚力抓落实　奋勇争先开新局, its dash subtitle after it).
    """
    if line and chrome_opens(text, a, b):
        found = find_glued(text, a, b, end, closed=closed, at_body=at_body, earlier=earlier)
        return found if found is not None else _past_chrome(text, a, b, end, closed)
    if not _may_hold_title(text, a, b, end, at_body, earlier):
        return None  # (the run's breaks and chrome are not worth finding)
    run = _Run(text, a, b, end, closed)
    named: set[int] = set()  # the ends of titles that a sentence names
    while True:
        title = _by_title_word(run, at_body, named)
        if title is None and at_body:
            title = _restated(run, earlier)
        if title is None:
            title = _by_mark(run, at_body)
        if title is None:
            title = _by_meta(run, at_body)
        named_by: Range | None = None
        if title is None:
            halves = _by_two_halves(run)
            if halves is not None:
                title, named_by = halves
        if title is None or title[1] in named:
            return None
        title = _before_subtitle(run, title)
        dated = _leading_date(run, title)
        if dated is not None:
            title = (run.skip(dated[1]), title[1])
        out = _following(run, title)
        if dated is not None and out.date is None:
            out.date = dated
        if named_by is not None and out.speaker is None:
            out.speaker = named_by
            out.end = max(out.end, named_by[1])
        if not _goes_on(run, out.end) and (out.end == title[1] or not _goes_on(run, title[1])):
            return out
        # 省政府工作报告（2024年1月20日）提出，…: a sentence naming a document, no title; the
        # title may end elsewhere (【导读】…整理了…讲话稿，仅供参考。篇一：在…会议上的讲话同志们：)
        named.add(title[1])


def _leading_date(run: _Run, title: Range) -> Range | None:
    """A bracketed date the title's stretch opens with, its line break lost
    (（2024年9月12日）在全市…座谈会上的讲话同志们…): the front's date, not the title's."""
    s, e = title
    if run.text[s] not in "（(":
        return None
    m = vocabulary().glued.date.match(run.text, s, e)
    if m is None or m.group("date") is None or run.skip(m.end()) >= e:
        return None
    return (s, m.end())


def _before_subtitle(run: _Run, title: Range) -> Range:
    """A title that runs on into its own dash subtitle, the title word the subtitle's
    (以过硬作风护航高质量发展——在全区作风建设大会上的讲话): the title ends at the dash."""
    s, e = title
    voc = vocabulary()
    m = voc.dash.search(run.text, s + 2, e)
    if m is not None and voc.glued.subtitle.fullmatch(run.text, m.start(), e) is not None:
        return (s, m.start())
    return title


# a journal's headline of two halves set apart by one space, the author's name and the first
# sentence's year glued after it, its line breaks lost (构建起…体系 为…提供有力保障习近平2018年1月，…)
_TWO_HALVES = compile_regex(rf"\p{{Han}}{{4,30}} (\p{{Han}}{{6,45}})(?={_YEAR_SOURCE})")
NAME_LENGTHS = (3, 2)  # a name glued after such a headline: three characters unless two end the title on a title final


def _by_two_halves(run: _Run) -> tuple[Range, Range] | None:
    """The title and the name of a headline of two halves the run opens with (see
    ``_TWO_HALVES``), when nothing in it is punctuation, a break or chrome and it opens no
    sentence; the name is three characters, or two where that leaves the title ending on a
    title final (…保障|李强2018年…)."""
    voc = vocabulary()
    text = run.text
    s = run.left(run.a)
    m = _TWO_HALVES.match(text, s, run.b)
    if m is None or run.inside(s, m.end()) or voc.glued.body_openers.match(text, s, m.end()):
        return None
    year = m.end()
    finals = voc.title_finals
    ends = [year - n for n in NAME_LENGTHS if year - n - m.start(1) >= 4]
    if not ends:
        return None
    e = next((k for k in ends if any(text[k - n:k] in finals for n in (2, 3))), ends[0])
    if e - s > voc.max_title_length:
        return None
    return (s, e), (e, year)


def _past_chrome(text: str, a: int, b: int, end: int, closed: bool) -> Glued | None:
    """The title line ``text[a:b]`` past the chrome it opens with, when what is left is as
    long as a title and holds no break, chrome or ``title_bad`` character."""
    run = _Run(text, a, b, end, closed)
    s, e = run.past_leading_chrome(), b
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    stretch = _title_stretch(run, s, e)
    return None if stretch is None else _following(run, stretch)


def _may_hold_title(text: str, a: int, b: int, end: int, at_body: bool, earlier: str) -> bool:
    """``text[a:b]`` may end a title as :func:`find_glued` looks for one: it holds a title
    word or a title mark, the run holds a page's meta line, or (``at_body``) it may restate a title said before it (``earlier``,
    or a piece of chrome after a title, ``titled``, in the run)."""
    g = vocabulary().glued
    if g.title_words.search(text, a, b) or g.title_marks.search(text, a, b) or meta_inside(text, a, end):
        return True
    if _TWO_HALVES.search(text, a, min(b, a + 2 * vocabulary().max_title_length)):
        return True
    if not at_body:
        return False
    if len(earlier) >= g.min_restated:
        return True
    run = text[a:end]
    return any(rule.titled and holds(run, rule.needs) and rule.pattern.search(run) is not None
               for rule in chrome_rules().inline)


def _goes_on(run: _Run, e: int) -> bool:
    """What follows the title, subtitle and date ending at ``e`` goes on with the same clause
    (``clause_continuations``: 提出, 印发以来, 精神…) rather than standing apart from it."""
    q = run.skip(e)
    if q >= run.end or run.text[q] in _NEWLINE or run.opens(q):
        return False
    return vocabulary().glued.clause_continuations.match(run.text, q, run.end) is not None


def _by_title_word(run: _Run, at_body: bool, named: set[int]) -> Range | None:
    voc = vocabulary()
    g = voc.glued
    text = run.text
    limit = voc.max_title_length
    ends: list[int] = []
    words: list[int] = []
    for m in g.title_words.finditer(text, run.a, run.b):
        if run.in_chrome(m.start()):
            continue  # a title word in a breadcrumb or a site name (首页 > 讲话致辞 > 正文)
        ends.append(_past_note(text, m.end(), run.end))
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
    rep = _repeats(run, ends, words, own, lefts)
    best: tuple[int, int] | None = None
    best_score = 0
    for k, e in enumerate(ends):
        if own[k] < 0 or e in named:
            continue
        s = lefts[k]
        score = own[k]
        r = rep[k]
        if r is not None and s is not None and _after_category(run, s, ends[:k], words[k]) > s:
            r = None  # (the words said twice are a breadcrumb's last step and the title's end)
        if r is not None:
            score = max(score, 2)
            if s is None or r > s:
                if at_body:
                    continue
                s = r
        if s is None or s > words[k] or (s == words[k] and score < 3):
            continue  # (the title word alone only on strong evidence: 贺信值此…之际)
        s = _after_doubled(run, s, words[k])
        s = _after_category(run, s, ends[:k], words[k])
        if at_body and (score < 3 or s not in (run.left(run.a), run.past_leading_chrome()) or g.body_openers.match(text, s, e)):
            continue
        if g.title_bad.search(text, s, e) or run.inside(s, e):
            continue
        # on a tie the later title when longer (a tag or breadcrumb ends before the title);
        # the same title said twice stays the first copy
        if score > best_score or (score == best_score and best is not None and e - s > best[1] - best[0]):
            best, best_score = (s, e), score
    if best is not None:
        # the same title said twice stays the first copy (青山风筝节开幕式致辞王小红青山风筝节开幕式致辞各位…)
        first = text.find(text[best[0]:best[1]], run.a, best[0])
        if first != -1 and run.left(first) == first and not run.inside(first, first + best[1] - best[0]):
            best = (first, first + best[1] - best[0])
        else:
            best = (_said_before(run, *best), best[1])
    return best


def _past_note(text: str, e: int, end: int) -> int:
    """The end of a title word at ``e`` with a bracketed edition note right after it, if any
    (vocab ``title_notes``: 2024年…政府工作报告（摘要）发布时间：…: the note is the title's, as
    on its own line; not a site's collection label, （精选）)."""
    m = vocabulary().glued.title_note.match(text, e, end)
    return m.end() if m is not None else e


SAID_BEFORE_MIN = 8  # characters of a title's end said before it that make the rest of it something else


def _said_before(run: _Run, s: int, e: int) -> int:
    """Where the title ``text[s:e]`` starts when only its end was said before it in the run
    (the file name 在XX县区全会上的讲话.doc, then 网站客服:400-…在XX县区全会上的讲话同志们:): at
    the longest such end, of SAID_BEFORE_MIN characters or more; else ``s``."""
    text = run.text
    for j in range(s + 1, e - SAID_BEFORE_MIN + 1):
        # (what is cut off ends with no Han character: 市|长在…讲话 is one word said twice)
        if not is_han(text[j - 1]) and not text[j].isspace() and text.find(text[j:e], run.a, s) != -1:
            return j
    return s


def _after_category(run: _Run, s: int, earlier_ends: list[int], w: int) -> int:
    """``s`` moved past a short category label that ends in a title word and runs on into a
    title of the occasion shape or one opening with its year (领导讲话在全市…会议上的讲话,
    政府工作报告2024年…省政府工作报告: a breadcrumb's last step glued to the title once the
    line breaks were lost), or, where the label follows a breadcrumb's separator (the path's
    last step), into a title opening with its place and year (首页 > 主持词 > 会议主持词霞屿区
    2024年…会议主持词)."""
    g = vocabulary().glued
    stepped = _after_separator(run.text, s)
    for e in earlier_ends:
        if s < e <= s + g.category_max:
            q = run.skip(e)
            if q < w and (g.occasion_title.match(run.text, q, w) is not None or _YEAR.match(run.text, q, w) is not None
                          or (stepped and g.place_year_title.match(run.text, q, w) is not None)):
                return q  # (…政府工作报告2024年…政府工作报告: a title that opens with its year)
    if stepped:
        # a last step with no title word before a title of the occasion shape (…讲话稿 > 经济工作在…会议上的讲话)
        for q in range(s + 1, min(w, s + g.category_max + 1)):
            if not run.in_chrome(q) and g.occasion_title.match(run.text, q, w) is not None:
                return q
    return s


def _past_last_step(run: _Run, s: int, e: int) -> int:
    """``s`` moved past a breadcrumb's last step glued to the title it runs on into: the
    first title word within ``category_max`` characters, when a title as long as a marked one
    is left before ``e``."""
    g = vocabulary().glued
    m = g.title_words.search(run.text, s, min(e, s + g.category_max + 1))
    if m is None:
        return s
    q = run.skip(m.end())
    return q if e - q >= MIN_MARKED else s


def _after_separator(text: str, s: int) -> bool:
    """``text[s]`` follows a breadcrumb's separator (past white space)."""
    i = s - 1
    while i >= 0 and text[i] in _SPACE:
        i -= 1
    return i >= 0 and text[i] in BREADCRUMB_SEPARATORS


MIN_MARKED = 4  # a title ended by a note mark (※) is at least this long


def _by_mark(run: _Run, at_body: bool) -> Range | None:
    """A title without a title word, ended by the note mark set after it (``title_marks``:
    全面提高…应急管理体系※习近平…): from where the run starts (at the start of a body
    line: the line's start) to the mark, with no break, chrome or ``title_bad`` character in it."""
    text = run.text
    m = vocabulary().glued.title_marks.search(text, run.a, run.b)
    if m is None:
        return None
    e = m.start()
    while e > run.a and text[e - 1] in _SPACE:
        e -= 1
    s = run.left(run.a) if at_body else run.left(e)
    return _title_stretch(run, s, e, at_body)


def _title_stretch(run: _Run, s: int, e: int, at_body: bool = False) -> Range | None:
    """``run.text[s:e]`` as a title without a title word: as long as a marked one and no
    longer than a title, no break or chrome inside, no ``title_bad`` character and (``at_body``)
    opening no sentence; else None."""
    g = vocabulary().glued
    text = run.text
    if not MIN_MARKED <= e - s <= vocabulary().max_title_length or run.inside(s, e) or g.title_bad.search(text, s, e):
        return None
    if at_body and g.body_openers.match(text, s, e):
        return None
    return s, e


def _by_meta(run: _Run, at_body: bool) -> Range | None:
    """A title without a title word above an article page's meta line (``meta`` chrome:
    全市文化旅游产业高质量发展大会召开2024-06-14 08:02　来源：…): the stretch the run opens
    with (past its leading chrome) up to the first meta hit, when it is as long as a title, holds
    no break, chrome or ``title_bad`` character and (at the start of a body line) opens no
    sentence."""
    text = run.text
    meta = next((h for h in run.chrome if h.meta), None)
    if meta is None:
        return None
    s = run.past_leading_chrome()
    e = meta.start
    while e > s and text[e - 1] in _SPACE:
        e -= 1
    if _after_separator(text, s):
        s = _past_last_step(run, s, e)  # (…政策解读 > 政策问答榆峤市…政策问答来源：…)
    return _title_stretch(run, s, e, at_body) if e <= run.b else None


DOUBLED = range(2, 9)  # lengths of a page label said twice at once before a title (要闻要闻)


def _after_doubled(run: _Run, s: int, w: int) -> int:
    """Where a title starting at ``s`` (its title word at ``w``) starts when it opens with the
    same words said twice at once: a column name in the breadcrumb and as the column's heading
    (云南要闻云南要闻2026年政府工作报告) is no part of it."""
    text = run.text
    for n in DOUBLED:
        if s + 2 * n > w:
            break
        if text.startswith(text[s:s + n], s + n) and is_han(text[s]):
            return run.skip(s + 2 * n)
    return s


def _repeats(run: _Run, ends: list[int], words: list[int], own: list[int], lefts: list[int | None]) -> list[int | None]:
    """For each title-word end, where the title starts when the same title is said twice:
    the longest shared ending, where one copy stands clean (None: not said twice)."""
    g = vocabulary().glued
    text = run.text
    limit = vocabulary().max_title_length
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
            # more than the title word is said again, or the second copy follows the first at
            # once (a page headline, then the title: …政府工作报告 政府工作报告——…)
            adjacent = ej - n == run.skip(ei)
            if n < g.min_repeat or (n < ei - words[i] + 2 and not adjacent):
                continue
            if lefts[i] != ei - n and lefts[j] != ej - n and not adjacent:
                continue
            for k, e in ((i, ei), (j, ej)):
                r = rep[k]
                rep[k] = e - n if r is None else min(r, e - n)
    return rep


def _restated(run: _Run, earlier: str) -> Range | None:
    """A body line that opens by restating the end of a title said just before it: those words.

    ``earlier`` holds the titles said before the run, each closed by ``\\x00``; in the run,
    what stands before a piece of chrome that follows a title (``titled`` in chrome.json:
    6800字, .docx) is a title too. Words that go on past the end of such a title do not count."""
    voc = vocabulary()
    g = voc.glued
    text = run.text
    for stop in run.stops[:g.max_candidates]:
        p = run.skip(stop)
        if p >= run.b:
            break
        seen = earlier + "".join(text[run.left(h.start - 1):h.start] + "\x00"
                                 for h in run.chrome if h.titled and run.a < h.start and h.end <= p)
        if len(seen) < g.min_restated:
            continue
        cap = min(voc.max_title_length, run.b - p)
        n = 0
        while n < cap and seen.find(text[p:p + n + 1]) >= 0:
            n += 1
        e = p + n
        while e - p >= g.min_restated and seen.find(text[p:e] + "\x00") < 0:
            e -= 1
        while e > p and text[e - 1] in _SPACE:
            e -= 1
        if e - p < g.min_restated or e >= run.b or not is_han(text[e]):
            continue
        if g.title_bad.search(text, p, e) or run.inside(p, e) or run.opens(e):
            continue
        return p, e
    return None


def _following(run: _Run, title: Range) -> Glued:
    """The title with the subtitle, date and speaker that follow it (see :func:`_tail`)."""
    out = Glued(title=title, end=title[1])
    q = run.skip(title[1])
    if q in run.titled:  # …的讲话9500字: the chrome that follows the title is the front's
        out.end = q = next(h.end for h in run.chrome if h.start == q)
        q = run.skip(q)
    _tail(run, q, out, _copies(run, title))
    taken = [r for r in (out.title, out.subtitle, out.date, out.speaker) if r is not None]
    # in a closed run all is front matter; in the first body line only what the front took
    limit = run.end if run.closed else out.end
    out.chrome = [h for h in run.chrome
                  if h.end <= limit and not any(h.start < e and s < h.end for s, e in taken)]
    return out


def subtitle_parts(text: str, s: int, e: int) -> Glued | None:
    """A subtitle line ``text[s:e]`` that goes on with a date, a speaker or chrome (——…会议上（2024年…）
    李明, …会议上 省长 李明, …会议上来源：…): the subtitle proper (as ``title``), date and speaker.
    None when the line does not open with a subtitle or holds nothing after it."""
    run = _Run(text, s, e, e, True)
    k = _subtitle_end(run, s)
    if k is None or run.skip(k) >= e:
        return None
    out = Glued(title=(s, k), end=k)
    _tail(run, run.skip(k), out, [], subtitle=False)
    if out.date is None and out.speaker is None and not run.opens(run.skip(k)):
        return None  # ——…会议上（根据录音整理）: nothing split off, the line is the subtitle
    return out  # with a date or speaker, or chrome after it (…会议上来源：…日报)


def _subtitle_end(run: _Run, p: int) -> int | None:
    """Where a subtitle (——…在…上) at ``p`` ends: the first end the pattern allows (with an
    edition note after it, ``title_notes``) that something standing apart follows (the end
    of the run, a break or chrome, a date, a speaker, the address), not the first 上 inside
    a word (——在全市上半年…调度会上); None when the pattern does not match or no end is
    followed so."""
    g = vocabulary().glued
    text = run.text
    m = g.subtitle.match(text, p, run.end)
    if m is None:
        return None
    k = m.end()
    limit = min(run.end, p + g.subtitle_max)
    while True:
        q = _past_note(text, k, run.end)  # (an edition note the subtitle's title word takes: …讲话（摘要）来源：…)
        if run.evidence(q, subtitle=False) > 0:
            return q
        k += 1
        while k <= limit and not (text[k - 1] in _SUBTITLE_LAST and g.subtitle.fullmatch(text, p, k)):
            k += 1
        if k > limit:
            return None


def _copies(run: _Run, title: Range) -> list[Range]:
    """Where the title is said again later in a closed run (a page headline repeated)."""
    if not run.closed:
        return []
    t = run.text[title[0]:title[1]]
    out: list[Range] = []
    i = run.text.find(t, title[1], run.end)
    while i >= 0 and len(out) < vocabulary().glued.max_candidates:
        out.append((i, i + len(t)))
        i = run.text.find(t, i + len(t), run.end)
    return out


def _anchors(run: _Run, q: int, copies: list[Range]) -> list[int]:
    """Where a subtitle or speaker may start from ``q`` on: at ``q``, and in a closed run also
    right after a break, a piece of chrome or a copy of the title (发布时间：…省长 李明)."""
    if not run.closed:
        return [q]
    k = bisect_right(run.stops, q)
    later = {run.skip(x) for x in run.stops[k:k + vocabulary().glued.max_candidates]}
    later.update(run.skip(e) for _, e in copies if e > q)
    return [q, *sorted(x for x in later if q < x < run.end)]


def _tail(run: _Run, q: int, out: Glued, copies: list[Range], *, subtitle: bool = True) -> None:
    """The subtitle, date and speaker from ``q`` on, into ``out``.

    A subtitle, and an office with a name (省长 李明), may start after chrome or a break that
    follows the title (see :func:`_anchors`); a date follows the subtitle or title, or the
    speaker; a bare name (李明) only stands right after a date, up to where the run ends, the
    title is said again or the address begins, or right after the title, up to where the title
    is said again (an author line between two copies of a page title)."""
    g = vocabulary().glued
    text = run.text
    if subtitle:
        for p in _anchors(run, q, copies):
            m = g.subtitle.match(text, p, run.end)
            if m:
                k = _subtitle_end(run, p) or m.end()
                out.subtitle = (p, k)
                out.end = k
                q = run.skip(k)
                break
    q = _date(run, q, out)
    if not (run.closed or out.subtitle is not None or out.date is not None):
        # the first body line: an office and a name only where the body plainly opens after it
        sp = _speaker(run, q, copies, set()) or _marked_name(run, q)
        if sp is not None and _opens_body(run, sp[1]):
            out.speaker = sp
            out.end = max(out.end, sp[1])
        return
    starts = {s for s, _ in copies}
    for p in _anchors(run, q, copies):
        bare: Bare = "no" if p != q else "end" if out.date is not None and out.date[1] <= q else "copy"
        sp = _speaker(run, p, copies, starts, bare=bare)
        if sp is not None:
            out.speaker = sp
            out.end = max(out.end, sp[1])
            if out.date is None:
                _date(run, run.skip(sp[1]), out)
            return
    if not run.closed and out.date is not None and out.date[1] <= q:
        # the first body line: the author's bare name after the date, the body plainly opening
        # after it (…的讲话（2018年2月12日）李明今年以来，…)
        sp = _name_before_body(run, q)
        if sp is not None:
            out.speaker = sp
            out.end = max(out.end, sp[1])


def _marked_name(run: _Run, q: int) -> Range | None:
    """The author's bare name after the note mark that ends a title (``title_marks``:
    …坚强有力※习近平今年7月1日，…), where the body plainly opens after it (a date, a year,
    a subject or time word): three characters, or two where three do not end so."""
    m = vocabulary().glued.title_marks.match(run.text, q, run.end)
    return None if m is None else _name_before_body(run, run.skip(m.end()))


def _name_before_body(run: _Run, p: int) -> Range | None:
    """A bare name at ``p`` that the body plainly opens after (see :func:`_opens_body`), or
    that a paragraph's indent follows (李明　　今年…: the line breaks lost, the indents
    kept): three characters, or two where three do not end so."""
    g = vocabulary().glued
    text = run.text
    for n in NAME_LENGTHS:
        e = p + n
        if (e <= run.end and g.speaker_name.fullmatch(text, p, e) and not g.not_names.fullmatch(text, p, e)
                and not g.title_words.search(text, p, e)
                and (_opens_body(run, e) or text.startswith(PARAGRAPH_INDENTS, e))):
            return p, e
    return None


PARAGRAPH_INDENTS = ("\u3000", "  ")  # an ideographic space or two spaces: a paragraph's indent


def _date(run: _Run, q: int, out: Glued) -> int:
    """A date at ``q`` (not the start of a longer break: 2024年1月5日 09:30) into ``out``;
    returns where what follows it starts."""
    d = vocabulary().glued.date.match(run.text, q, run.end)
    if d and not any(s == q and e > d.end() for s, e in _break_spans(run, q)):
        out.date = (q, d.end())
        out.end = max(out.end, d.end())
        return run.skip(d.end())
    return q


def _break_spans(run: _Run, q: int) -> list[Range]:
    m = vocabulary().glued.breaks.match(run.text, q, run.end)
    return [m.span()] if m else []


def _speaker(run: _Run, q: int, copies: list[Range], starts: set[int], *, bare: Bare = "no") -> Range | None:
    """An office and a name (省长 李明; a placeholder: 县长 xxx) at ``q``, where the name ends at
    something that is not more of a name: the end of the run, a break or chrome, punctuation,
    the address, a date, a subject or time word opening the body (今年以来, 我们; the name is none), the
    title said again, or the name said again as the body starts
    (省长 李明李明作报告, 省长 李明省长李明代表…). The shortest office that a name follows
    counts (县委常委、县政府负责人 xxx). With ``bare``, a name alone (李明) that runs up to
    the title said again (``copy``) or also to the end of the run or the address (``end``)."""
    g = vocabulary().glued
    text = run.text
    limit = min(run.end, q + g.speaker_prefix_max + g.speaker_office_max)
    for o in g.speaker_office.finditer(text, q, limit):
        if o.start() - q > g.speaker_prefix_max or not g.speaker_prefix.fullmatch(text, q, o.start()):
            break
        sp = g.speaker_space.match(text, o.end(), run.end)
        p = sp.end() if sp else o.end()
        found = _name(run, q, p, "".join(text[q:p].split()), copies, starts)
        if found is not None:
            return found
    return None if bare == "no" else _name(run, q, q, None, copies, starts, bare == "end")


def _name(run: _Run, q: int, p: int, office: str | None, copies: list[Range], starts: set[int],
          to_end: bool = True) -> Range | None:
    """The speaker ``(q, end of the name)`` for a name at ``p`` after ``office`` (None: no
    office, a bare name), or None (see :func:`_speaker`)."""
    voc = vocabulary()
    g = voc.glued
    text = run.text
    for n in range(g.max_name_length, 0, -1):
        e = p + n
        if e > run.end or not g.speaker_name.fullmatch(text, p, e):
            continue
        if g.title_words.search(text, p, e) or any(a < e and q < b for a, b in copies):
            return None  # 市长欢迎词: a title (said again), not an office and a name
        closed = ((e >= run.end and run.closed) or e in starts
                  or voc.salutation_hint.match(text, e, run.end) is not None)
        if office is None:
            if g.not_names.fullmatch(text, p, e):
                return None  # 上午, 定稿: a word after the date, not a name
            if e in starts or (closed and to_end):
                return q, e
            continue
        if (closed or e >= run.end or not is_han(text[e]) or run.opens(e)
                or g.date.match(text, e, run.end) or _said_again(text, e, run.end, office, text[p:e])
                or (voc.openers.match(text, e, run.end) and not voc.openers.match(text, p, e))):
            return q, e
    return None


def _said_again(text: str, e: int, end: int, office: str, name: str) -> bool:
    """What follows ``e`` opens with the name, or the end of the office and the name."""
    return any(text.startswith(office[k:] + name, e, end) for k in range(len(office) + 1))
