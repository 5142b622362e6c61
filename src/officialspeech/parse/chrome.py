"""Stage: site chrome lines around a speech (data/chrome.json), and the metadata they carry."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple, overload

import regex

from ..compiled import compile_regex
from ..firsts import holds, required_sets
from ..vocab import ChromeBlock, ChromeLine, chrome_rules, literal_prefix, per_vocabulary, vocabulary
from .markers import salutation
from .pages import PageHit


class Line(NamedTuple):
    """A physical line: ``start``/``end`` exclude the line break; ``text`` is the stripped content."""

    start: int
    end: int
    text: str
    content_start: int
    content_end: int


class ChromeHit(NamedTuple):
    """Chrome: a whole line, or the matched start or end of one (a tuple: made for every
    chrome line of a page, a third of the cost of a frozen dataclass)."""

    start: int
    end: int
    text: str
    site: str
    rule: str
    groups: dict[str, str]


class Lines(Sequence[Line]):
    """The physical lines of a text, made on demand from the line starts of a LineIndex."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.starts = starts
        self._made: dict[int, Line] = {}

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Line: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Line]: ...
    def __getitem__(self, i: int | slice) -> Line | Sequence[Line]:
        if type(i) is int:  # the common case first: a line made before
            made = self._made.get(i)
            if made is not None:
                return made
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self.starts):
            raise IndexError(i)
        return self.line(i)

    def line(self, i: int) -> Line:
        """Line ``i`` (0 <= i < len(self))."""
        line = self._made.get(i)
        if line is None:
            starts = self.starts
            s = starts[i]
            if i + 1 < len(starts):
                e = starts[i + 1] - 1
                if e > s and self.text[e - 1] == "\r" and self.text[e] == "\n":
                    e -= 1
            else:
                e = len(self.text)
            line = self._made[i] = _line(self.text, s, e)
        return line

    def index_of(self, offset: int) -> int:
        """The line holding ``offset``."""
        return bisect_right(self.starts, offset) - 1


def _line(text: str, s: int, e: int) -> Line:
    raw = text[s:e]
    stripped = raw.strip()
    # (what is stripped off the start is white space: the first character kept is the
    # first of its kind in the line)
    lead = raw.find(stripped[0]) if stripped else len(raw)
    return Line(s, e, stripped, s + lead, s + lead + len(stripped))


_SENTENCE_END = compile_regex(r"[。！？!?；;]")
EDGE_LINES = 120  # lines from either end of the text in which edge chrome is looked for
CONTENT_HAN = 12  # a line with a sentence end and this many Han characters reads as content
CONTENT_HAN_LONG = 60  # …or this many without one
CONTENT_PREFIX = 200  # counted in the first this many characters of the line


# "at least N Han characters": the match stops at the Nth instead of counting them all
_HAN_SOME = compile_regex(rf"(?:\P{{Han}}*\p{{Han}}){{{CONTENT_HAN}}}")
_HAN_MANY = compile_regex(rf"(?:\P{{Han}}*\p{{Han}}){{{CONTENT_HAN_LONG}}}")


def _content_like(text: str, needs: tuple[str, ...], address: regex.Pattern[str]) -> bool:
    """``text`` (a line) reads as speech content (``needs`` and ``address``: those of the
    salutation, :func:`_salutation_needs` and ``markers.salutation()``, looked up once)."""
    if len(text) >= CONTENT_HAN and _HAN_SOME.match(text, 0, CONTENT_PREFIX) and (
            _SENTENCE_END.search(text) or _HAN_MANY.match(text, 0, CONTENT_PREFIX)):
        return True
    # the costlier test last, and only on a line that holds what every salutation does (a colon)
    return holds(text, needs) and bool(address.match(text))


@per_vocabulary
def _salutation_needs() -> tuple[str, ...]:
    address = salutation()
    return required_sets(address.pattern) if not address.flags & regex.IGNORECASE else ()


def _groups(m: regex.Match[str]) -> dict[str, str]:
    return {k: v for k, v in m.groupdict().items() if v}


def _line_hit(rule: ChromeLine, ln: Line) -> ChromeHit | None:
    m = rule.pattern.search(ln.text) if rule.match == "suffix" else rule.pattern.match(ln.text)
    if not m or m.end() == m.start():
        return None
    if rule.match == "line" and m.end() != len(ln.text):
        return None
    s, e = ln.content_start + m.start(), ln.content_start + m.end()
    return ChromeHit(s, e, m.group(), rule.site, rule.name, _groups(m))


def _whole(ln: Line, site: str, rule: str, groups: dict[str, str] | None = None) -> ChromeHit:
    return ChromeHit(ln.content_start, ln.content_end, ln.text, site, rule, groups or {})


@per_vocabulary
def _block_rules(where: str) -> tuple[tuple[ChromeBlock, str], ...]:
    """The chrome blocks of ``where``, in order, each with the literal prefix of its start."""
    return tuple((b, literal_prefix(b.start.pattern)) for b in chrome_rules().blocks if b.where == where)


@per_vocabulary
def _anywhere_rules() -> tuple[tuple[ChromeLine, str], ...]:
    """The 'anywhere' line rules, in order, each with the literal prefix of its pattern."""
    return tuple((r, literal_prefix(r.pattern.pattern)) for r in chrome_rules().lines if r.where == "anywhere")


def _opens(text: str, where: str) -> bool:
    return bool(text) and _may_open_block(where, text[0])


@per_vocabulary
def _may_open_block(where: str, first: str) -> bool:
    """A line opening with ``first`` may start a block of ``where``."""
    return any(b.first is None or b.first.match(first) for b, _ in _block_rules(where))


def _blocks(lines: Lines, where: str, allowed: range | None, hits: dict[int, list[ChromeHit]]) -> None:
    if allowed is not None:
        # the lines that may start a block (the blocks' first-character tests, once per line)
        allowed_lines = [i for i in allowed if i not in hits and _opens(lines.line(i).text, where)]
        if not allowed_lines:
            return
    for block, prefix in _block_rules(where):
        if allowed is None:
            if prefix and prefix not in lines.text:
                continue
            found = sorted({lines.index_of(m.start()) for m in block.start_multiline.finditer(lines.text)})
        else:
            found = allowed_lines
        first = block.first
        for i in found:
            if i in hits:
                continue
            ln = lines.line(i)
            if not ln.text or (first is not None and not first.match(ln.text)) or not block.start.match(ln.text):
                continue
            hits[i] = [_whole(ln, block.site, block.name)]
            j, taken = i + 1, 0
            while j < len(lines) and (block.max_lines is None or taken < block.max_lines):
                nxt = lines.line(j)
                if not nxt.text:
                    j += 1
                    continue
                m = block.cont.match(nxt.text)
                if not m or m.end() != len(nxt.text) or j in hits:
                    break
                hits[j] = [_whole(nxt, block.site, block.name, _groups(m))]
                j += 1
                taken += 1


@per_vocabulary
def _edge_rules(first: str) -> tuple[tuple[ChromeLine, tuple[str, ...], int, int], ...]:
    """The 'edges' line rules, in order, that a line opening with ``first`` may match (the
    rules' first-character tests, taken once per character instead of once per line), each
    with the sets of characters a line it matches holds one of each, and the fewest and most
    characters it has."""
    return tuple((rule, rule.needs, *rule.widths) for rule in chrome_rules().lines
                 if rule.where == "edges" and (rule.first is None or rule.first.match(first)))



@per_vocabulary
def _edge_lengths() -> tuple[int, ...]:
    """The line lengths at which the edge rules a line may match change (each rule's fewest
    characters, and one more than its most)."""
    return tuple(sorted({n for rule in chrome_rules().lines if rule.where == "edges"
                         for n in (rule.widths[0], rule.widths[1] + 1)}))


@per_vocabulary
def _edge_rules_at(first: str, last: str, length_class: int) -> tuple[tuple[ChromeLine, tuple[str, ...]], ...]:
    """The edge rules, in order, that a line opening with ``first`` and ending with ``last``
    may match when its length falls in ``length_class`` (the bisection of it into
    :func:`_edge_lengths`: within a class every length admits the same rules), each with the
    sets of characters it needs."""
    bounds = _edge_lengths()
    n = bounds[length_class - 1] if length_class > 0 else 0  # (any length of the class)
    return tuple((rule, needs) for rule, needs, fewest, most in _edge_rules(first)
                 if fewest <= n <= most and (rule.last is None or rule.last.match(last)))


def _first_content(lines: Lines, order: range, hits: dict[int, list[ChromeHit]], default: int,
                   read: dict[int, bool], after: int | None = None) -> int:
    """The first line in ``order`` that reads as speech content (not chrome found before),
    else ``default``; ``read`` remembers each line's answer (the scans from either end of a
    short text meet on the same lines). ``after`` (the scan from the end: the first content
    line): a line past it that an edge rule takes whole is chrome even where it reads like a
    sentence (本文档由用户上传，…请联系删除。), and the scan goes on past it."""
    needs, address = _salutation_needs(), salutation()
    line = lines.line
    for i in order:
        if i not in hits:
            content = read.get(i)
            if content is None:
                ln = line(i)
                content = read[i] = bool(ln.text) and _content_like(ln.text, needs, address)
                if content and after is not None and i > after and (whole := _whole_line_chrome(lines, i)) is not None:
                    hits[i] = [whole]
                    content = read[i] = False
            if content:
                return i
    return default


@per_vocabulary
def _edge_line_rules_at(first: str, last: str, length_class: int) -> tuple[tuple[ChromeLine, tuple[str, ...]], ...]:
    """The rules of :func:`_edge_rules_at` that take a whole line."""
    return tuple((rule, needs) for rule, needs in _edge_rules_at(first, last, length_class) if rule.match == "line")


def _whole_line_chrome(lines: Lines, i: int) -> ChromeHit | None:
    """The hit of the first edge rule that takes the whole of line ``i`` (not blank)."""
    found = _edge_hits(lines, i, whole=True)
    return found[0] if found else None


def _edge_hits(lines: Lines, i: int, *, whole: bool = False) -> list[ChromeHit]:
    """What the edge line rules find on line ``i`` (not blank), in order: one hit of a rule
    taking the whole line, else the starts and ends the prefix and suffix rules cut
    (``whole``: only the rules that take whole lines are tried).  A line of pieces set apart
    by wide space, each of which a rule takes whole (【字体：大 中 小】　　分享到：), is
    chrome as a whole, under the first piece's rule."""
    ln = lines.line(i)
    found = _hits_on(lines, i, ln, whole=whole)
    if found and found[0].start == ln.content_start and found[0].end == ln.content_end:
        return found
    parts = _pieces(ln)
    if parts:
        pieces = [_hits_on(lines, i, part, whole=True) for part in parts]
        if all(pieces):
            first = pieces[0][0]
            return [_whole(ln, first.site, first.rule,
                           {k: v for hit in pieces for k, v in hit[0].groups.items()})]
    return found


_WIDE_SPACE = compile_regex(r"[ \t\u3000]*[\t\u3000][ \t\u3000]*| {2,}")


def _pieces(ln: Line) -> list[Line]:
    """The pieces of line ``ln`` between runs of wide space (two or more spaces, or
    ideographic ones), when there are two or more."""
    text = ln.text
    if "\u3000" not in text and "  " not in text and "\t" not in text:
        return []
    out: list[Line] = []
    at = 0
    for m in [*_WIDE_SPACE.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        if end > at:
            s = ln.content_start + at
            out.append(Line(s, ln.content_start + end, text[at:end], s, ln.content_start + end))
        if m is not None:
            at = m.end()
    return out if len(out) >= 2 else []


def _hits_on(lines: Lines, i: int, ln: Line, *, whole: bool) -> list[ChromeHit]:
    """What the edge line rules find on ``ln`` (line ``i`` or a piece of it)."""
    text = ln.text
    found: list[ChromeHit] = []
    rules_at = _edge_line_rules_at if whole else _edge_rules_at
    for rule, needs in rules_at(text[0], text[-1], bisect_right(_edge_lengths(), len(text))):
        if not holds(text, needs):
            continue
        hit = _line_hit(rule, ln)
        if hit is None:
            continue
        if rule.not_before is not None and rule.not_before.match(_next_text(lines, i)):
            continue
        if rule.match == "line":
            return [hit]
        if not any(h.start < hit.end and hit.start < h.end for h in found):
            found.append(hit)
    return sorted(found, key=lambda h: h.start)


def _block_ending_at(lines: Lines, first: int, last: int, hits: dict[int, list[ChromeHit]]) -> int | None:
    """The start line of an edge block (:func:`_blocks`) whose lines run from it to line
    ``last``, all after line ``first``; its lines are put in ``hits`` (None: there is none)."""
    for block, _ in _block_rules("edges"):
        reach = block.max_lines if block.max_lines is not None else EDGE_LINES
        taken: list[tuple[int, ChromeHit]] = []
        for j in range(last, max(first, last - reach - 1), -1):
            ln = lines.line(j)
            if not ln.text:
                continue
            if j in hits:
                break
            if (block.first is None or block.first.match(ln.text)) and block.start.match(ln.text):
                if not taken:
                    break  # (the block's start alone is the line rules')
                hits[j] = [_whole(ln, block.site, block.name)]
                for i, hit in taken:
                    hits[i] = [hit]
                return j
            m = block.cont.match(ln.text)
            if not m or m.end() != len(ln.text):
                break
            taken.append((j, _whole(ln, block.site, block.name, _groups(m))))
    return None


def find_chrome(lines: Lines) -> list[ChromeHit]:
    """Chrome: 'anywhere' patterns on any line; 'edges' patterns only before the first and after
    the last line that reads like speech content; blocks (温馨提示 + its numbered lines)."""
    hits: dict[int, list[ChromeHit]] = {}
    _blocks(lines, "anywhere", None, hits)
    line = lines.line
    for rule, prefix in _anywhere_rules():
        # a pass over the whole text finds the few lines worth matching
        if prefix and prefix not in lines.text:
            continue
        for m in rule.multiline.finditer(lines.text):
            i = lines.index_of(m.start())
            if i in hits or not line(i).text:
                continue
            hit = _line_hit(rule, line(i))
            if hit:
                hits[i] = [hit]

    # chrome stands at the edges of a page: look at most EDGE_LINES lines in from either end
    n = len(lines)
    read: dict[int, bool] = {}
    first = _first_content(lines, range(min(n, EDGE_LINES)), hits, min(n, EDGE_LINES), read)
    floor = max(first, n - EDGE_LINES)
    last = _first_content(lines, range(n - 1, floor - 1, -1), hits, floor - 1, read, first)
    while last > first and (top := _block_ending_at(lines, first, last, hits)) is not None:
        # the lines read as content were the end of a list block (往期推荐 and the titles of
        # other articles, one a sentence: 重磅！…): the speech ends above its start
        last = _first_content(lines, range(top - 1, floor - 1, -1), hits, floor - 1, read, first)
    zone = [*range(0, first), *range(last + 1, len(lines))]
    _blocks(lines, "edges", range(0, first), hits)
    _blocks(lines, "edges", range(last + 1, len(lines)), hits)
    for i in zone:
        if i in hits:
            continue
        if line(i).text and (found := _edge_hits(lines, i)):
            hits[i] = found
    return [h for i in sorted(hits) for h in hits[i]]


def off_page_markers(chrome: list[ChromeHit], pages: Sequence[PageHit]) -> list[ChromeHit]:
    """The chrome hits that overlap no page marker's cut (``pages`` in text order): a line
    holding a page marker is the page marker's (第 4 页 共 4 页 reads like spaced keywords too)."""
    starts = [p.cut_start for p in pages]
    out = []
    for h in chrome:
        k = bisect_right(starts, h.end - 1) - 1
        if k < 0 or pages[k].cut_end <= h.start:
            out.append(h)
    return out


@per_vocabulary
def after_end_chrome() -> regex.Pattern[str] | None:
    """The ``after_end`` chrome patterns as one alternation (None: the vocabulary has none)."""
    rules = chrome_rules().after_end
    return compile_regex("|".join(f"(?:{r.pattern.pattern})" for r in rules)) if rules else None


def _next_text(lines: Lines, i: int) -> str:
    """The next non-blank line after line ``i`` (stripped; '' at the end)."""
    for j in range(i + 1, len(lines)):
        text = lines.line(j).text
        if text:
            return text
    return ""


def metadata_from(hits: list[ChromeHit]) -> dict[str, object]:
    """The ``Metadata`` dict gathered from the named groups of chrome hits (first value wins)."""
    meta: dict[str, object] = {}
    for hit in hits:
        for key, value in hit.groups.items():
            if key in meta:
                continue
            if key == "pages":
                meta[key] = int(value)
            elif key == "format":
                meta[key] = value.upper()
            elif key == "date":
                m = vocabulary().metadata_date.match(value)
                if m:
                    y, mo, d = (int(x) for x in m.groups())
                    if 1 <= mo <= 12 and 1 <= d <= 31:
                        meta[key] = f"{y:04d}-{mo:02d}-{d:02d}"
            elif key == "keywords":
                meta[key] = value.split()
            else:
                meta[key] = value
    return meta
