"""Stage: the paragraphs of the body text between headings, and the closing formula.

A paragraph is a line, or lines broken mid-sentence joined back, or a sentence of a run-on
line joined to the next by spaces.  The closing (谢谢大家！, the grammar's ``closing``) is
the last paragraph, or the last sentence of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..compiled import compile_re
from ..vocab import vocabulary
from .chars import GAP_SPACE, PARAGRAPH_JOIN_ENDS, SENTENCE_ENDS
from .chrome import after_end_chrome
from .markers import closing
from .positions import strip

if TYPE_CHECKING:
    from .document import Document
    from .headings import Heading

# Plain `re` here: these patterns need no Unicode properties and `re` runs them about 1.6x
# faster than `regex` over whole texts.
# A paragraph: the content of a line (without the white space around it; blank lines never
# match), then every next line that continues it: the line before does not end a sentence,
# a single line break lies between (blank lines part paragraphs) and the next line does not
# open with a dash, bracket or quote, a digit or an enclosed or dingbat number or letter
# (1 １ ² ① ⑴ ⒈ ⓐ ❶ …: U+2460-24FF, U+2776-2793).
_LINE = r"\S(?:[^\r\n]*\S)?"
_ONE_BREAK = r"(?:[^\S\n]*\n[^\S\n]*|[^\S\r\n]*\r[^\S\r\n]*)"
_NUMBERS = r"\d\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u24ff\u2776-\u2793"
_CONTINUES = rf"(?=[^—\-（(［\[【“{_NUMBERS}])"
_ONE_BREAK_RE = compile_re(_ONE_BREAK)
_PARAGRAPH = compile_re(f"{_LINE}(?:(?<![{re.escape(PARAGRAPH_JOIN_ENDS)}]){_ONE_BREAK}{_CONTINUES}{_LINE})*")
# sentences of a run-on line joined by spaces: the gap after a sentence end
_SPLIT_IN_LINE = compile_re(rf"[。！？!?”’]([{GAP_SPACE}]+)(?=\S)")

Range = tuple[int, int]
BACK_MATTER_MAX = 2  # short lines after the closing
BACK_MATTER_CHARS = 30


def has_gaps(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds any of the white space that can join sentences."""
    return any(text.find(ch, start, end) != -1 for ch in GAP_SPACE)


def split_paragraphs(text: str, start: int, end: int, gaps_possible: bool = True,
                     wrap: _Wrapped | None = None) -> list[Range]:
    """Paragraph ranges in ``text[start:end]``: one per line (or blank-line block), lines broken
    mid-sentence joined back, and sentences joined by spaces in run-on lines split apart
    (``gaps_possible`` False: the caller knows the stretch has no such white space).
    ``wrap``: the text's hard wrap, where given a full line broken mid-sentence is continued
    by a next line that opens with a number that is no marker (…投入强度提高到⏎2.4%，…)."""
    merged = [m.span() for m in _PARAGRAPH.finditer(text, start, end)]
    if wrap is not None and len(merged) > 1:
        merged = _figures_joined(text, merged, wrap)
    if not (gaps_possible and has_gaps(text, start, end)) or _SPLIT_IN_LINE.search(text, start, end) is None:
        return merged  # no sentences joined by spaces anywhere in this stretch
    out: list[Range] = []
    for s, e in merged:
        pos = s
        for m in _SPLIT_IN_LINE.finditer(text, s, e):
            out.append((pos, m.start(1)))
            pos = m.end(1)
        out.append((pos, e))
    return out


class _Wrapped:
    """The hard wrap of a document's view, told (:meth:`Wrap.detect`) only when a paragraph
    break before a figure asks for it, once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._width: int | None = -1

    def width(self) -> int | None:
        """The wrap width (None: the text is not hard-wrapped)."""
        if self._width == -1:
            from .headings.titles import WRAP_SLACK, Wrap

            doc = self.doc
            found = Wrap.detect(doc.view.text, doc.lines, frozenset(t.start for t in doc.tokens.all))
            self._width = None if found is None else found.width - WRAP_SLACK
        return self._width


def _figures_joined(text: str, paras: list[Range], wrap: _Wrapped) -> list[Range]:
    """``paras`` with each paragraph that a figure on the next line continues joined to it
    (see :func:`split_paragraphs`)."""
    out = [paras[0]]
    for s, e in paras[1:]:
        ps, pe = out[-1]
        # (a digit: what _CONTINUES stops at, \d; a marker there still opens its own paragraph)
        if (text[s].isdecimal() and text[pe - 1] not in PARAGRAPH_JOIN_ENDS
                and _ONE_BREAK_RE.fullmatch(text, pe, s) is not None and not wrap.doc.tokens.starts_at(s)
                and (width := wrap.width()) is not None
                and pe - max(ps, text.rfind("\n", ps, pe) + 1) >= width):  # (its last line is full)
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def find_paragraphs(doc: Document, start: int, heads: list[Heading]) -> tuple[list[Range], Range | None]:
    """The paragraphs of the body ``view[start:]`` around the ``heads``, and the closing
    (cut off the last paragraph)."""
    v = doc.view.text
    end = len(v)
    runs: list[Range] = []
    pos = start
    for h in heads:
        runs.append((pos, h.start))
        pos = h.heading_end
    runs.append((pos, end))
    paras: list[Range] = []
    spaced = has_gaps(v, start, end)  # (once for the body, not for every run)
    wrap = _Wrapped(doc)
    for a, b in runs:
        paras.extend(split_paragraphs(v, a, b, spaced, wrap))
    # the closing ends the last paragraph, or one followed only by back matter (a date, 全文完)
    # or by chrome its line breaks were lost around (谢谢大家！ 上一篇：…), or by a tail of site
    # chrome and what it lists (谢谢大家！ 本文档由用户上传… 相关文档 …讲话　4页　阅读1820 …)
    tail = _chrome_tail(v, paras)
    for i in range(tail - 1, max(-1, tail - 2 - BACK_MATTER_MAX), -1):
        found, last = _closing(v, paras[i])
        if found is not None:
            if last is None:
                del paras[i]
            else:
                paras[i] = last
            return paras, found
        if not (_back_matter(v, paras[i]) or _opens_with_chrome(v, paras[i]) or _note(v, paras[i])):
            break
    if paras:
        j = tail - 1 if 0 < tail < len(paras) else len(paras) - 1  # (the paragraph before a chrome tail)
        glued = _closing_before_chrome(v, paras[j])
        if glued is not None:
            found, last, rest = glued
            paras[j:j + 1] = [*([] if last is None else [last]), rest]
            return paras, found
    return paras, None


CHROME_TAIL_MAX = 12  # paragraphs at the end of a body looked at for a tail of site chrome


def _chrome_tail(v: str, paras: list[Range]) -> int:
    """Where the body's tail of site chrome starts (its line breaks lost, the chrome split
    into paragraphs at spaces): the first of the last paragraphs that opens with
    ``after_end`` chrome, when only such paragraphs and back matter (a related document's
    title, 4页　阅读1820) follow it, within CHROME_TAIL_MAX; else ``len(paras)``."""
    start = len(paras)
    for i in range(len(paras) - 1, max(-1, len(paras) - 1 - CHROME_TAIL_MAX), -1):
        if _opens_with_chrome(v, paras[i]):
            start = i
        elif not _back_matter(v, paras[i]):
            break
    return start


OPEN_BRACKETS = "（(【[〔"  # what chrome glued after a closing may open with (（责任编辑：…）, 【打印本页】)
CLOSE_BRACKETS = "）)】]〕"  # (their closers, in the same order)


def _closing_before_chrome(v: str, para: Range) -> tuple[Range, Range | None, Range] | None:
    """The closing of a paragraph that site chrome runs on after, its line breaks lost
    (…贡献！谢谢大家！此文档下载收益归作者所有相关文档…): the closing sentence right before the
    first ``after_end`` chrome in it, what stands before the closing (None: nothing) and the
    chrome and what follows it (kept as text)."""
    pattern = after_end_chrome()
    if pattern is None:
        return None
    s, e = para
    for m in pattern.finditer(v, s, e):
        h = m.start()
        while h > s and v[h - 1] in OPEN_BRACKETS:
            h -= 1
        h = _before_notes(v, s, h)
        found, last = _closing(v, (s, h))
        if found is not None:
            return found, last, strip(v, h, e)
    return None


NOTE_MAX = 60  # characters of a bracketed note between a closing and the chrome after it
_NOTE_OPEN = dict(zip(CLOSE_BRACKETS, OPEN_BRACKETS, strict=True))


def _before_notes(v: str, s: int, h: int) -> int:
    """Where the bracketed notes that end at ``h`` start (…谢谢大家！（本文根据录音整理）下载…):
    a closing may stand before them."""
    while h > s and v[h - 1].isspace():
        h -= 1
    while h > s and (opener := _NOTE_OPEN.get(v[h - 1])) is not None:
        j = v.rfind(opener, max(s, h - NOTE_MAX), h - 1)
        if j == -1:
            break
        h = j
        while h > s and v[h - 1].isspace():
            h -= 1
    return h


def _opens_with_chrome(v: str, para: Range) -> bool:
    """The paragraph is site chrome run on after the speech, its line breaks lost (上一篇：…
    下一篇：…, split from 谢谢大家！ at a space): it opens with an ``after_end`` pattern."""
    pattern = after_end_chrome()
    return pattern is not None and pattern.match(v, para[0], para[1]) is not None


def _note(v: str, para: Range) -> bool:
    """The paragraph is a note on the text after the speech, opened by the note mark
    (``title_marks``: ※本文根据会议现场录音整理…, ※这是…的讲话。)."""
    return vocabulary().glued.title_marks.match(v, para[0], para[1]) is not None


def _back_matter(v: str, para: Range) -> bool:
    """A short line after the speech proper: a date, a signature, （全文完）."""
    s, e = para
    return e - s <= BACK_MATTER_CHARS and not any(v.find(ch, s, e) != -1 for ch in SENTENCE_ENDS)


def _closing(v: str, para: Range) -> tuple[Range | None, Range | None]:
    """The closing formula in the paragraph ``para`` (the whole of it, or its last sentence)
    and what is left of the paragraph (None: nothing)."""
    formula = closing()
    s, e = para
    if formula.fullmatch(v, s, e):
        return (s, e), None
    k = e - 1
    while k > s and v[k - 1] not in SENTENCE_ENDS:
        k -= 1
    if k > s:
        a, b = strip(v, k, e)
        if formula.fullmatch(v, a, b):
            return (a, b), strip(v, s, k)
    return None, None

