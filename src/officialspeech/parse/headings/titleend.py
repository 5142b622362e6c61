"""Evidence for where a title (or a point's lead) ends inside text with no punctuation there.

A cut at ``k`` means the title is ``text[title_start:k]`` and the body starts at ``k``.
The evidence: a sentence opener at ``k`` (习近平总书记, 党的十八大以来, a year…), a
typical title ending before it (…新局, …体系), the body restating the title's first or
last words, and a length prior.  Words listed as never_split are never cut.
"""

from __future__ import annotations

import re

import regex

from ...compiled import compile_re, compile_regex
from ...firsts import LedScan
from ...vocab import per_vocabulary, vocabulary
from ..chars import CLOSE_QUOTES, GAP_SPACE, HAN, OPEN_QUOTES, is_text
from ..markers import category_pattern, form_pattern

LONG_TITLE = 30
LONG_PENALTY = 0.2  # per character beyond LONG_TITLE
SEARCH_PENALTY = 0.1  # milder, when only asking whether a title starts somewhere
SPACE_CUT_STRONG = 5.0
SPACE_CUT = 3.0
NUMBERED_CUT = 5.5  # before a numeral and a space (…的工作|一 总体情况) or （1）: a sub-heading starts
SURE_OPENER = 4.0
SPACE_THEN_OPENER = 1.5
ANNOUNCED = 4.0  # the title is an item the speech announced before (从“A;B;C”三个方面)
ANNOUNCED_MIN = 6  # characters of the title that must have been announced
ANNOUNCED_REACH = 2000
RESTATE_MAX = 10  # the longest restated title word looked for (社会主义核心价值观)
DEFINED = 1.0  # the restated words are defined at once: …协商民主|协商民主是…
DEFINED_MAX = 8  # the longest title word the body may open by defining (“一国两制”是…)
DEFINED_MIN = 3
BAD_FINAL = 2.0
RESTATED_AFTER = 2  # characters (an adverb) before the body restates the title's first words
RESTATED_LATE = 2.0
RESTATED_INNER = 4  # characters of a word inside the title the body opens with (…校园周边综合治理|校园周边治理…)
RESTATED_INNER_SCORE = 2.5
RESTATED_REACH = 20  # past that, a body sentence says the title's words again (…的建议结合…，对|今年政府工作)
RESTATED_VERB = 3  # the longest opening verb before that object (推动, 抓紧, 大力推进: from 1 to 3 characters in)
_HAN_RUN = compile_re(f"[{HAN}]{{{RESTATED_INNER}}}")
COMPOUND_FINAL = 1.0
QUOTE_OPENS = 1.5  # as much as a weak opener
QUOTED_MAX = 12  # the longest quoted term looked for
OPENER_SCORE = {"sure": SURE_OPENER, "likely": 3.0, "weak": 1.5}
_SPACES = frozenset(GAP_SPACE)


@per_vocabulary
def _gaps() -> re.Pattern[str]:
    """White space, written out or as an escape (``escaped_space``: <U+00A0>)."""
    return compile_re(f"[{GAP_SPACE}]|{vocabulary().escaped_space.pattern}")


ENCLOSED_FORMS = ("cn_paren", "arabic_paren", "circled", "stem_paren")  # （一） （1） ① （甲）: headings or points


@per_vocabulary
def _enclosed_markers() -> re.Pattern[str]:
    """A bracketed or circled marker (``ENCLOSED_FORMS``: （一）, （1）, ①): a sub-heading or a
    list item starts there, so a title run on into it ends before it (…改造方案|（1）坚持…)."""
    return compile_re(_enclosed_source())


@per_vocabulary
def _enclosed_source() -> str:
    sources = [p for cat in ("heading", "point") for f in ENCLOSED_FORMS if (p := form_pattern(cat, f))]
    return "|".join(f"(?:{p})" for p in sources)


@per_vocabulary
def _enclosed_scan() -> LedScan:
    """:func:`_enclosed_markers`, its match starts found from their first characters."""
    return LedScan(_enclosed_source())


@per_vocabulary
def _numbered_gaps() -> re.Pattern[str]:
    """A numeral and a space, the grammar's heading marker whose 、 was lost (cn_space:
    一 总体情况): where a sub-heading starts inside run-on text."""
    return compile_re(f"(?:{form_pattern('heading', 'cn_space')})(?=[^ \u3000])")


def _escape_at(text: str, k: int) -> int | None:
    """Where the escaped space starting at ``k`` ends (None: none starts there)."""
    if text[k] != "<":
        return None
    m = vocabulary().escaped_space.match(text, k)
    return m.end() if m else None


# where 2-6 Han characters are said twice in a row (…协商民主协商民主…), at every start:
# zero-width, so the matches overlap
_REPEAT = compile_re(f"(?=([{HAN}]{{2,{RESTATE_MAX}}})\\1)")


@per_vocabulary
def point_marker() -> regex.Pattern[str]:
    """Any point marker of the grammar (一是, 第一，, 首先…): the body visibly starts there."""
    return compile_regex(category_pattern("point"))


@per_vocabulary
def _body_openers() -> LedScan:
    """Where the body may open: a sentence opener of any strength or a point marker."""
    voc = vocabulary()
    return LedScan("|".join(f"(?:{p})" for p in (
        voc.openers.pattern, voc.openers_weak.pattern, category_pattern("point"))))


@per_vocabulary
def _title_finals() -> re.Pattern[str]:
    """Any typical title ending (a plain word list: `re` scans it faster than `regex`)."""
    return compile_re(vocabulary().title_finals_any.pattern)


@per_vocabulary
def opener_strength() -> re.Pattern[str]:
    """One match tells the strongest opener at a position: its group names the strength."""
    voc = vocabulary()
    return compile_re(f"(?P<sure>{voc.openers_sure.pattern})|(?P<likely>(?:{voc.openers.pattern})|(?:"
                         f"{category_pattern('point')}))|(?P<weak>{voc.openers_weak.pattern})")


def _protected(text: str, start: int, stop: int) -> set[int]:
    voc = vocabulary()
    out: set[int] = set()
    for m in voc.never_split.finditer(text, max(0, start - 6), min(len(text), stop + 6)):
        out.update(range(m.start() + 1, m.end()))
    return out


def cut_score(text: str, title_start: int, k: int, long_penalty: float = LONG_PENALTY) -> float:
    """The evidence for a title ``text[title_start:k]`` followed by the body (-1: impossible)."""
    before, after = text[k - 1], text[k]
    if k - title_start >= 4 and is_text(before) and (
            _numbered_gaps().match(text, k) is not None or _enclosed_markers().match(text, k) is not None):
        return NUMBERED_CUT
    if (after in _SPACES or _escape_at(text, k) is not None) and is_text(before) and k - title_start >= 2:
        return _gap_score(text, k)
    if not (is_text(before) and is_text(after)) or before in OPEN_QUOTES or after in CLOSE_QUOTES:
        return -1.0
    if k - title_start < 4:
        return -1.0
    score = ending_score(text, title_start, k, opening_score(text, k))
    return _restated_score(text, title_start, k, score, long_penalty)


def _gap_score(text: str, k: int) -> float:
    """A gap in run-on text at ``k``: an indent (U+3000, several spaces) or a joined line."""
    voc = vocabulary()
    escape = _escape_at(text, k)
    strong = escape is not None or text[k] == "\u3000" or text[k + 1:k + 2] in _SPACES  # (an escape: an indent)
    score = SPACE_CUT_STRONG if strong else SPACE_CUT
    j = k + 1 if escape is None else escape
    while j < len(text):
        if text[j] in _SPACES:
            j += 1
        elif (e := _escape_at(text, j)) is not None:
            j = e
        else:
            break
    if voc.openers.match(text, j) or point_marker().match(text, j):
        score += SPACE_THEN_OPENER
    return score


def opening_score(text: str, k: int) -> float:
    """How surely a sentence opens at ``k``: 习近平总书记…, 党的十八大以来… surely; 我们…,
    一是… likely; 坚持… maybe; a quoted term (…重大意义|“十四五”时期是…) as a weak opener,
    not a quoted term the title ends with (…空间治理“一张图”：, …“五个专项治理”。)."""
    opener = opener_strength().match(text, k)
    score = OPENER_SCORE[opener.lastgroup or ""] if opener else 0.0
    if text[k] == "“":
        close = text.find("”", k + 1, k + QUOTED_MAX)
        if close != -1 and is_text(text[close + 1:close + 2] or "。"):
            score += QUOTE_OPENS
    return score


def ending_score(text: str, title_start: int, k: int, score: float) -> float:
    """``score`` with the evidence of how the title would end at ``k``."""
    voc = vocabulary()
    for n in voc.title_final_lengths:
        if k - n >= title_start and text[k - n:k] in voc.title_finals:
            score += 1.5
            # …人才强国|战略培养…: two title endings in a row are one compound ending (but a
            # body may open with a compound of its own: …新格局|社区治理…)
            follows = _final_at(text, k)
            if follows and not _final_at(text, k + follows):
                score -= COMPOUND_FINAL
            break
    # a title does not end with a word that wants what follows it (…对外开放依托|我国…)
    if text[k - 1] in voc.title_bad_final_chars:
        for n in voc.title_bad_final_lengths:
            if k - n >= title_start and text[k - n:k] in voc.title_bad_finals:
                score -= BAD_FINAL
                break
    return score


def _restated_score(text: str, title_start: int, k: int, score: float, long_penalty: float) -> float:
    """``score`` with the evidence of a body restating or defining the title's words, less
    the penalty for a long title."""
    length = k - title_start
    # the body restates the title's first words: “十五五”时期主要任务|“十五五”时期是…,
    # or after an adverb: …新局面|如期实现…
    head = text[title_start:title_start + 3]
    if length >= 6 and len(head) == 3:
        if text[k:k + 3] == head:
            score += 3.0
        elif text.find(head, k + 1, k + 3 + RESTATED_AFTER) != -1:
            score += RESTATED_LATE
    # the body restates the title's last words: …协商民主|协商民主是…
    # (each test first asks for the one character it cannot do without)
    # (only where the title holds the body's first character: the shortest such word)
    j = text.rfind(text[k], max(title_start, k - RESTATE_MAX), k - 1)
    while j != -1:
        n = k - j
        if text[j:k] == text[k:k + n]:
            score += 3.0
            if text[k + n:k + n + 1] == "是":
                score += DEFINED
            return _long(score, length, long_penalty)
        j = text.rfind(text[k], max(title_start, k - RESTATE_MAX), j)
    # the body opens with the object of the title's opening verb (抓紧校园周边综合治理|校园周边治理涉及…,
    # 推动协商成果转化落地见效|协商成果的价值…): RESTATED_INNER characters said again
    inner = text[k:k + RESTATED_INNER]
    if RESTATED_INNER + 4 <= length <= RESTATED_REACH and _HAN_RUN.fullmatch(inner) is not None and text.find(
            inner, title_start + 1, title_start + RESTATED_VERB + RESTATED_INNER) != -1:
        return _long(score + RESTATED_INNER_SCORE, length, long_penalty)
    # the body opens by defining a word of the title: …“一国两制”|“一国两制”是… (the longest)
    p = text.rfind("是", k + DEFINED_MIN, k + DEFINED_MAX + 1)
    while p != -1:
        if text[k:p] in text[title_start:k]:
            score += 2.5
            break
        p = text.rfind("是", k + 2, p)
    return _long(score, length, long_penalty)


def _final_at(text: str, k: int) -> int:
    """The length of a typical title ending that starts at ``k`` (0: none)."""
    voc = vocabulary()
    for n in voc.title_final_lengths:
        if text[k:k + n] in voc.title_finals:
            return n
    return 0


def _long(score: float, length: int, long_penalty: float) -> float:
    """``score`` less the penalty for a title longer than LONG_TITLE."""
    if length > LONG_TITLE:
        score -= (length - LONG_TITLE) * long_penalty
    return score


def _evidence(text: str, title_start: int, stop: int) -> set[int]:
    """Cut positions where some evidence can apply (every other position scores 0)."""
    lo = title_start + 4
    ks: set[int] = set()
    ks.update(_body_openers().starts(text, lo, stop + 8))
    ks.update(m.end() for m in _title_finals().finditer(text, title_start, stop))
    ks.update(m.start() for m in _gaps().finditer(text, title_start + 2, stop))
    ks.update(m.start() for m in _numbered_gaps().finditer(text, lo, stop))
    ks.update(_enclosed_scan().starts(text, lo, stop))
    ks.update(_object_restated(text, title_start, stop))
    ks.update(m.start() + len(m.group(1)) for m in _REPEAT.finditer(text, title_start, stop + 6))
    ks.update(_defined_positions(text, title_start, lo, stop))
    head = text[title_start:title_start + 3]
    if len(head) == 3:
        at = text.find(head, title_start + 6, stop + 3 + RESTATED_AFTER)
        while at != -1:
            ks.update(range(at - RESTATED_AFTER, at + 1))
            at = text.find(head, at + 1, stop + 3 + RESTATED_AFTER)
    return {k for k in ks if lo <= k < stop}


def _defined_positions(text: str, title_start: int, lo: int, stop: int) -> set[int]:
    """Cuts before a word of the title that the body opens by defining: 坚持和完善“一国两制”…|“一国两制”是…"""
    out: set[int] = set()
    at = text.find("是", lo + 2, stop + DEFINED_MAX)
    while at != -1:
        for n in range(DEFINED_MIN, DEFINED_MAX + 1):
            if at - n >= lo and text.find(text[at - n:at], title_start, at - n) != -1:
                out.add(at - n)
        at = text.find("是", at + 1, stop + DEFINED_MAX)
    return out


def _object_restated(text: str, title_start: int, stop: int) -> list[int]:
    """Where, before ``stop`` and within RESTATED_REACH of the title start, the body may open
    by saying again the object of the title's opening verb (see :func:`_restated_score`)."""
    out: list[int] = []
    hi = min(stop, title_start + RESTATED_REACH) + 1
    for j in range(title_start + 1, title_start + 1 + RESTATED_VERB):
        gram = text[j:j + RESTATED_INNER]
        if _HAN_RUN.fullmatch(gram) is None:
            continue
        k = text.find(gram, title_start + RESTATED_INNER + 4, hi)
        while k != -1:
            out.append(k)
            k = text.find(gram, k + 1, hi)
    return out


def strong_evidence_possible(text: str, title_start: int, stop: int) -> bool:
    """Whether any cut in the range could score as high as a sentence opener does: a cheap
    test that spares the full scoring for the common run-in heading."""
    voc = vocabulary()
    lo = title_start + 4
    return bool(voc.openers.search(text, lo, stop + 8) or _gaps().search(text, title_start + 2, stop)
                or point_marker().search(text, lo, stop + 8)
                or _enclosed_scan().search(text, lo, stop)
                or _object_restated(text, title_start, stop)
                or _REPEAT.search(text, title_start, stop + 6)
                or text.find(text[title_start:title_start + 3], title_start + 6, stop + 3) != -1
                or announced_end(text, title_start) is not None)


def announced_end(text: str, title_start: int) -> int | None:
    """Where a title ends that the speech announced before, as one item of a list:
    从“筑牢思想根基,坚定理想信念;锤炼过硬作风…”两个方面 … 一、筑牢思想根基,坚定理想信念“理想信念”是…
    (None when its first words were not announced within ANNOUNCED_REACH characters)."""
    head = text[title_start:title_start + ANNOUNCED_MIN]
    if len(head) < ANNOUNCED_MIN:
        return None
    at = text.rfind(head, max(1, title_start - ANNOUNCED_REACH), title_start - ANNOUNCED_MIN)
    voc = vocabulary()
    if at == -1 or text[at - 1] not in voc.announced_item_opens:
        return None
    n = ANNOUNCED_MIN
    limit = min(title_start - at, len(text) - title_start, LONG_TITLE)
    while n < limit and text[at + n] == text[title_start + n]:
        n += 1
    # the announced item ended there, the title goes on
    if n < limit and text[at + n] in voc.announced_item_closes:
        return title_start + n
    return None


def cut_scores(text: str, title_start: int, stop: int,
               long_penalty: float = LONG_PENALTY) -> list[tuple[int, float]]:
    """``(k, score)`` for the cuts in ``[title_start + 4, stop)`` that have any evidence.
    Past a gap that joined two lines (white space after a word) a title runs on only where
    the body defines a word of it (坚持党的领导 推动高质量发展|高质量发展是…): the other evidence
    is not looked for there."""
    stop = min(stop, len(text) - 1)
    joined = stop
    for gap in _gaps().finditer(text, title_start + 2, stop):
        if is_text(text[gap.start() - 1]):
            joined = gap.start() + 1
            break
    protected = _protected(text, title_start, stop)
    ks = _evidence(text, title_start, joined)
    if joined < stop:
        ks.update(k for k in _defined_positions(text, title_start, joined, stop) if k < stop)
    announced = announced_end(text, title_start)
    if announced is not None and announced < stop:
        ks.add(announced)
    out: list[tuple[int, float]] = []
    for k in sorted(ks):
        sc = -1.0 if k in protected else cut_score(text, title_start, k, long_penalty)
        if k == announced and sc > -1.0:
            sc += ANNOUNCED
        out.append((k, sc))
    return out


def best_cut(text: str, title_start: int, stop: int,
             long_penalty: float = LONG_PENALTY) -> tuple[int | None, float]:
    """The best-supported cut and its score (None when no cut is possible)."""
    best_k: int | None = None
    best = -1.0
    for k, sc in cut_scores(text, title_start, stop, long_penalty):
        if sc > best:
            best, best_k = sc, k
    return best_k, best
