"""Stage: the front matter and where the body starts.

The salutation (:mod:`.salutation`) ends the front matter when it comes before the first
top-level heading; without one, the body starts at the first line that reads like body
text.  The lines before are classified (:mod:`.lines`: title, subtitle, speaker, date);
front matter run together (a scraped page that lost its line breaks) is read as a glued
run (:mod:`.glued`).
"""

from __future__ import annotations

import re

from ...compiled import compile_re
from ...firsts import first_class
from ...vocab import per_vocabulary, vocabulary
from ..chars import INLINE_SPACE, LINE_BREAKS
from ..document import Document
from ..markers import FORMS
from .lines import Front, iso_date, read_front, title_like
from .salutation import find_salutation

__all__ = ["Front", "read_front_matter"]

SALUTATION_WINDOW = 4000
_LINE = compile_re(r"[^\r\n]+")


def read_front_matter(doc: Document) -> Front:
    """The front matter of the view, the salutation and the body start."""
    v = doc.view.text
    n = len(v)
    sal = find_salutation(v, min(n, SALUTATION_WINDOW))
    first_head = _first_heading_line(doc)
    if sal is not None and first_head is not None and sal[0][0] > first_head:
        sal = None
    if sal is not None:
        (ss, se), names = sal
        front = read_front(v, 0, ss, se)
        front.salutation, front.addressees = (ss, se), names
        return _endnote_date(v, front)
    body_start = _body_start(v, first_head)
    lookahead = 0
    if body_start < n and body_start != first_head:
        line = _LINE.match(v, body_start)
        lookahead = min(line.end() if line else body_start, body_start + vocabulary().glued.lookahead)
    return _endnote_date(v, read_front(v, 0, body_start, body_start, lookahead=lookahead,
                                       earlier=_titles_before(doc, body_start) if lookahead else ""))


ENDNOTE_REACH = 300  # characters from the end of the text in which a journal's endnote stands


@per_vocabulary
def _endnote_first() -> re.Pattern[str] | None:
    """What an endnote (vocab ``endnote_occasion``) can open with (None: not told)."""
    return first_class(vocabulary().endnote_occasion.pattern)


def _endnote_date(v: str, front: Front) -> Front:
    """``front`` with the date a journal's note after the speech gives (vocab
    ``endnote_occasion``: …。※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。), where
    the front matter has none."""
    lo = max(front.body_start, len(v) - ENDNOTE_REACH)
    first = _endnote_first()
    if front.date is not None or (first is not None and first.search(v, lo) is None):
        return front  # (the cheap test first: no character an endnote opens with stands there)
    m = vocabulary().endnote_occasion.search(v, lo)
    if m is None or m.start("date") < 0:
        return front
    found = iso_date(m.group("date"))
    front.date = m.span("date")
    front.date_iso = found[1] if found is not None else None
    return front


def _first_heading_line(doc: Document) -> int | None:
    """Start of the first line that opens with a marker of a form that opens the body
    (一、, （一）)."""
    v = doc.view.text
    for t in doc.tokens.all:
        if t.category != "heading" or not FORMS[t.form].opens_body:
            continue
        j = t.start
        while j > 0 and v[j - 1] in INLINE_SPACE:
            j -= 1
        if j == 0 or v[j - 1] in LINE_BREAKS:
            return j
    return None


def _body_start(v: str, first_head: int | None) -> int:
    """The first line before ``first_head`` that reads like body text (long, or a sentence)."""
    voc = vocabulary()
    limit = first_head if first_head is not None else len(v)
    for m in _LINE.finditer(v, 0, limit):
        t = m.group().strip()
        if len(t) >= 40 or (voc.sentence_end.search(t) and len(t) >= 12 and not voc.date_line.match(t)):
            return m.start()
    return limit


def _titles_before(doc: Document, body_start: int) -> str:
    """The titles that chrome cut out before the view offset ``body_start`` carries (its
    ``title`` or ``file_name`` group, or the whole hit when it reads as a title), each
    closed by ``\\x00``: what a title glued to the first body line may restate."""
    at = doc.view.source(body_start)
    out: list[str] = []
    for h in doc.chrome:
        if h.end > at:
            break
        t = h.groups.get("title") or h.groups.get("file_name") or (h.text if title_like(h.text) else "")
        if t:
            out.append(t + "\x00")
    return "".join(out)
