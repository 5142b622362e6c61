"""Heading candidates: the heading tokens of the body that may be headings, and how each stands."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from ...compiled import compile_re
from ...numerals import to_int
from ...vocab import vocabulary
from ..chars import CLAUSE_MARKS, COLONS, HEADING_SPACE, LINE_BREAKS, SEMICOLONS, SENTENCE_ENDS, is_han
from ..markers import AFTER_BOUNDARY, GLUED, LINE_START, Token, numeral, strength_at
from ..positions import LineIndex

_ARABIC = ("arabic_dot", "arabic_paren", "arabic_space")
_FREE_NEXT = ("attachment", "footnote")
_LINE_START_ONLY = ("cn_space", "arabic_space")
_NOT_GLUED = ("part",)  # 第一部分 after a boundary, as in run-on text; never glued to a word before it


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


def heading_candidates(text: str, tokens: list[Token], body_start: int, body_end: int,
                       lines: LineIndex, unnumbered: Iterable[int] = (), items: frozenset[int] = frozenset(),
                       list_items: frozenset[int] = frozenset(), run_in: frozenset[int] = frozenset()
                       ) -> list[Candidate]:
    """Heading candidates from the heading tokens of the body (``lines``: the line index of
    ``text``); containers (注释) standing alone on a line, and the Markdown heading lines
    at ``unnumbered`` (view starts: ``## 小结``), are added as unnumbered candidates; the
    markers at ``items`` (Markdown list items inside a paragraph) are points, no candidates,
    as are the inline （1） items of ``list_items``; an inline （1） at ``run_in`` (see
    :func:`markers.run_in_series`) is a candidate after its boundary."""
    voc = vocabulary()
    out: list[Candidate] = []
    token_starts = {t.start for t in tokens}
    for tok in tokens:
        if tok.category != "heading":
            continue
        s, e = tok.start, tok.end
        if s in items:
            continue
        prev = text[s - 1] if s > body_start else ""
        nxt = text[e] if e < body_end else ""
        if prev and prev in voc.heading_bad_prev:
            continue
        marker = tok.marker
        if marker is None:
            continue
        if marker.form in _ARABIC:
            bad_next = voc.heading_bad_next_arabic
        elif marker.form == "cn_paren":
            bad_next = voc.heading_bad_next_paren  # （一）、 is a heading with a redundant 、
        else:
            bad_next = voc.heading_bad_next
        strength = strength_at(text, s, body_start)
        if (marker.form not in _FREE_NEXT and nxt and nxt in bad_next and not _numeral_title(text, e, marker.numbers[0])
                and not _numbered_on(out, marker.form, marker.numbers[0], nxt, strength)):
            continue
        if strength == LINE_START and marker.form not in _FREE_NEXT and _word_across_break(text, s, body_start, tok.text):
            continue  # a line broken inside a word: 统⏎一、效能, 推进第⏎三、第四, M⏎2、信贷
        inline = s in list_items or (marker.form == "arabic_paren" and strength != LINE_START)
        if inline and s not in run_in:
            continue  # inline （1）…（2）… (or ：㈠…；㈡…) is a list of points inside a paragraph
        if marker.form in _LINE_START_ONLY and strength != LINE_START and not (
                strength == AFTER_BOUNDARY and voc.sentence_end.match(prev)):
            continue  # 一 before a space: a heading only at a line start, or after a sentence (its line joined on)
        if marker.form in _NOT_GLUED and strength != LINE_START and not (
                strength == AFTER_BOUNDARY and (prev in HEADING_SPACE or voc.sentence_end.match(prev))):
            continue  # 第一部分 at a line start or after a sentence, not inside a title (一、第一部分的工作)
        if marker.form == "footnote" and strength == AFTER_BOUNDARY and not (prev and voc.sentence_end.match(prev)):
            strength = GLUED  # a reference mark after a term: 四个一批”［1］
        line_end = min(lines.line_end(e), body_end)
        if marker.form == "arabic_space" and not _bare_arabic_title(text, e, line_end):
            continue
        if strength == LINE_START and marker.form != "attachment" and not text[e:line_end].strip():
            line_end = _title_below(text, line_end, body_end, lines, token_starts)
        out.append(Candidate(s, e, text[s:e], marker.form, marker.numbers[0], strength, line_end))
    out.extend(_containers(text, out, body_start, body_end))
    if unnumbered:
        taken = {c.start for c in out}  # (a container word: 注释 is that, ## or not)
        out.extend(Candidate(s, s, "", "markdown", None, LINE_START, min(lines.line_end(s), body_end))
                   for s in unnumbered if body_start <= s < body_end and s not in taken)
    out.sort(key=lambda c: c.start)
    return out


_TABLE_GAP = compile_re(r"[\t\u3000]| {2}")


def _bare_arabic_title(text: str, e: int, line_end: int) -> bool:
    """What follows an arabic numeral and a space at a line start reads as a heading alone
    on its line (1 创建工作取得阶段性成效): it opens with a Han character, holds no sentence
    end, ；, ：, nor a gap between columns, and is no longer than a title (not a table row
    1 城关镇  356, nor a line wrapped before a number: 30 平方米的标准补齐…。)."""
    rest = text[e:line_end].rstrip()
    if not rest or not is_han(rest[0]) or len(rest) > vocabulary().max_title_length:
        return False
    return _TABLE_GAP.search(rest) is None and not any(ch in rest for ch in SENTENCE_ENDS + SEMICOLONS + COLONS)


def _numbered_on(out: list[Candidate], form: str, n: int, nxt: str, strength: int) -> bool:
    """An arabic item opening its line with a digit after its marker (20.2026年民生实事,
    21.5+2就业之家) is the next of its list, not a decimal, where the last item of its form
    before it is number ``n - 1``."""
    if form not in _ARABIC or strength != LINE_START or not nxt.isdigit():
        return False
    last = next((c for c in reversed(out) if c.form == form), None)
    return last is not None and last.number == n - 1


def _word_across_break(text: str, s: int, body_start: int, marker: str) -> bool:
    """The marker at ``s`` opens a line right after a line break (no indent, no blank line),
    and the last character of the line before and the marker's numeral make a word
    (``heading_word_across_break``: 统一, 合一, 第三, M2): a hard break inside a sentence."""
    i = s - 1
    if i <= body_start or text[i] not in "\r\n":
        return False
    if text[i] == "\n" and text[i - 1] == "\r":
        i -= 1
    i -= 1
    if i < body_start or text[i].isspace():
        return False
    number = marker.rstrip("、.．,，:：")
    return vocabulary().heading_word_across_break.fullmatch(text[i] + number) is not None


def _title_below(text: str, line_end: int, body_end: int, lines: LineIndex, token_starts: set[int]) -> int:
    """A marker alone on its line (一、⏎提高认识: the number and the title extracted as two
    lines): the end of the next line when that line holds text and no marker, where the title
    stands; else ``line_end``."""
    nxt = line_end + (2 if text.startswith("\r\n", line_end) else 1)
    while nxt < body_end and text[nxt] in HEADING_SPACE:
        nxt += 1
    if nxt >= body_end or text[nxt] in LINE_BREAKS or nxt in token_starts:
        return line_end
    return min(lines.line_end(nxt), body_end)


def _numeral_title(text: str, e: int, n: int) -> bool:
    """The title after the marker ending at ``e`` opens with a numeral that is no range or list
    with the marker's own ``n`` (一、一年来工作回顾, （一）三大攻坚战; not 一、二线城市,
    三、四个人, 一、二、三产业: the next number, or a numeral followed by 、)."""
    m = numeral().match(text, e)
    if m is None:
        return False
    value = to_int(m.group())
    return value is not None and value != n + 1 and not text.startswith("、", m.end())


CONTAINER_TITLE_MAX = 40  # characters of the title between a glued container word and its first entry (附件…1.)
_CONTAINER_TITLE_STOPS = compile_re(f"[{SENTENCE_ENDS}{CLAUSE_MARKS}：:]")  # no title between holds these


def _containers(text: str, out: list[Candidate], body_start: int, body_end: int) -> list[Candidate]:
    """Container words (注释, 名词解释) standing alone on a line, or glued before the first
    entry of a numbered list in run-on text (with at most a short title between, no clause
    punctuation in it: 附件2026年民生实事1.…, not 附件中列出的任务包括：1.…): unnumbered
    candidates."""
    extra: list[Candidate] = []
    # a container word holds its last character: a body with none of those (one fast search
    # each) is spared the scan
    voc = vocabulary()
    present = any(text.find(ch, body_start, body_end) != -1 for ch in voc.container_last_chars)
    starts: list[int] | None = None  # of ``out`` (in order), made for the first glued word
    for m in voc.container_headings.finditer(text, body_start, body_end) if present else ():
        s, e = m.start(), m.end()
        strength = strength_at(text, s, body_start)
        if strength < AFTER_BOUNDARY:
            continue
        after = e
        while after < body_end and text[after] in HEADING_SPACE:
            after += 1
        alone = after >= body_end or text[after] in "\r\n"
        if strength == LINE_START and alone:
            extra.append(Candidate(s, s, "", "container", None, LINE_START, e))
            continue
        if starts is None:
            starts = [c.start for c in out]
        i = bisect_left(starts, after)
        followed = out[i] if i < len(out) and starts[i] <= after + CONTAINER_TITLE_MAX else None
        if (followed is not None and followed.number == 1
                and not _CONTAINER_TITLE_STOPS.search(text, after, followed.start)):
            # 注释［1］… / 名词解释1.… / 附件2026年民生实事1.… glued in run-on text: the
            # entry after it starts a line
            extra.append(Candidate(s, s, "", "container", None, AFTER_BOUNDARY, e))
            followed.strength = max(followed.strength, AFTER_BOUNDARY)
    return extra
