"""The marker lexer: the grammar compiled into scanning patterns, the marker forms, and the
one lexing pass over a document.

``grammars/markers.lark`` (at the repository root, shipped inside the wheel) is the single
source of the marker shapes.  Each alternative of its ``heading``, ``point`` and ``page``
rules is compiled into a branch of one scanning regular expression (named group
``<category>__<alias>__<n>``); ``salutation`` and ``closing`` into the patterns the front
matter and paragraph stages match with; the same alternatives, one terminal to a group,
interpret what the scanner found.  All of them are read off the grammar's table
(:mod:`.marker_table`: compiled by Lark, shipped for the built-in grammar, so that Lark is
not imported at run time), take words of the vocabulary (salutation addressees, closing and
sequence words) and are built once per vocabulary, on first use (the built-in one, or an
extension: ``parse_speech(text, vocabulary=...)``).

:func:`lex` runs the scanner once over the view of a document; the stages after it read
the :class:`Token` list it returns and never scan the text for markers again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import regex

from ..compiled import compile_re, compile_regex
from ..firsts import class_chars, first_items
from ..numerals import stem_to_int, to_int
from ..packaged import package_file
from ..vocab import grammar_words, per_vocabulary, using, vocabulary
from .chars import COLONS, COMMAS, HEADING_SPACE, INLINE_SPACE, SEMICOLONS, SENTENCE_ENDS, has_text
from .escapes import escape_before
from .marker_table import MarkerTable, Rule, marker_table

if TYPE_CHECKING:
    from lark import Lark

Category = Literal["heading", "point", "page"]
_CATEGORIES: tuple[Category, ...] = ("heading", "point", "page")
STRUCTURE: tuple[Category, ...] = ("heading", "point")
"""The categories of the document's one scan: heading and point markers."""
_INLINE_WS = f"[{INLINE_SPACE}]{{0,3}}"
_WORD = compile_regex(r"\{([a-z_]+)\}")
GRAMMAR = "grammars/markers.lark"


@dataclass(frozen=True, slots=True)
class Form:
    """What a heading marker form says about structure."""

    rank: int
    """Nesting rank: a heading closes the open sections of equal or lower rank."""
    style: str
    """``Section.style`` in the model."""
    level: int | None
    """``Section.level`` (GB/T 9704: 一、 > （一） > 1. > （1）); None: one below its parent."""
    opens_body: bool
    """A line opening with this form ends the front matter."""


# The one table of heading marker forms: the grammar's aliases, the container words
# (注释, 名词解释: data/vocab.json) that stand as unnumbered headings, and unnumbered
# Markdown headings.
FORMS: dict[str, Form] = {
    "part": Form(0, "other", None, False),
    "attachment": Form(0, "other", None, False),
    "container": Form(0, "other", None, False),
    "cn_dun": Form(1, "cn_dun", 1, True),
    "cn_space": Form(1, "cn_dun", 1, True),
    "cn_paren": Form(2, "cn_paren", 2, True),
    "arabic_dot": Form(3, "arabic_dot", 3, False),
    "arabic_space": Form(3, "arabic_dot", 3, False),  # 1 创建工作…: the 1. series, its dot lost
    "arabic_paren": Form(4, "other", 4, False),  # (style: outlines name three styles; form says （1）)
    # items counted 甲、乙、丙 and （甲）（乙）: below the four levels, the 、 form above the bracketed
    "stem_dun": Form(5, "other", None, False),
    "stem_paren": Form(6, "other", None, False),
    "footnote": Form(7, "other", None, False),
    # a Markdown heading line (## 小结) that opens with none of the markers above: its rank
    # is the document's (parse.markup.unnumbered_ranks, from its number of #s), not this one
    "markdown": Form(0, "other", None, False),
}

# How a marker stands in the text: at a line start, after a boundary, or glued to a word.
LINE_START, AFTER_BOUNDARY, GLUED = 3, 2, 1


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker interpreted by the grammar."""

    category: Category
    form: str
    """The alias of the grammar alternative: cn_dun, cn_paren, cn_verb, page_of…"""
    numbers: tuple[int, ...]
    """The numerals in the marker, in order (a page_of marker has two)."""
    word: str
    """The non-numeral word of a point marker (是, 要, 首先…), else ''."""


@dataclass(slots=True)
class Token:
    """A heading or point marker the lexer found (view offsets). The stages read tokens and
    never change them (not frozen: a frozen dataclass's __init__ costs three times as much,
    and the lexer makes one per marker: 0.11 s a million markers)."""

    start: int
    end: int
    category: Category
    """The grammar rule whose alternative matched: heading or point."""
    form: str
    """The alias of the alternative that matched (cn_dun, cn_verb, sequence…)."""
    text: str
    marker: Marker | None
    """The grammar's reading of ``text``; None when it is no marker after all (百十、)."""


class Tokens:
    """The tokens of one document, in order, and where each stage's stretch of them starts."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.all = tokens
        self._starts = [t.start for t in tokens]

    def starts_at(self, pos: int) -> bool:
        """A token starts at ``pos``."""
        i = bisect_left(self._starts, pos)
        return i < len(self._starts) and self._starts[i] == pos

    def starting_at(self, pos: int) -> list[Token]:
        """The tokens a scan from ``pos`` finds: those starting there or later; where a
        token runs across ``pos``, the few after it are read again from ``pos`` (the scan
        from there may split that stretch differently) until they agree with the lexed ones."""
        i = bisect_left(self._starts, pos)
        if i == 0 or self.all[i - 1].end <= pos:
            return self.all[i:]
        local: list[Token] = []
        read = interpreter()
        for s, e, name in scan(self.text, pos):
            k = bisect_left(self._starts, s)
            if k < len(self.all) and self.all[k].start == s and self.all[k].end == e:
                return local + self.all[k:]
            local.append(_token(self.text, s, e, name, read))
        return local


def lex(text: str) -> Tokens:
    """The heading and point markers of ``text`` (the view): the one scan of a document."""
    read = interpreter()
    return Tokens(text, [_token(text, s, e, name, read) for s, e, name in scan(text)])


def scan(text: str, pos: int = 0, categories: tuple[Category, ...] = STRUCTURE) -> Iterator[tuple[int, int, str]]:
    """``(start, end, group name)`` of each match of ``scanner(categories).finditer(text,
    pos)``, found faster (:func:`_finder`): the same matches (tests/test_markers.py)."""
    finder = _finder(categories)
    if finder is None:
        for m in scanner(categories).finditer(text, pos):
            yield m.start(), m.end(), m.lastgroup or ""
        return
    last = pos
    for m in finder.finditer(text, pos):
        name = m.lastgroup or ""
        s, e = m.span(name)
        if s >= last:  # (a match inside the one before it: the scan would have gone on past it)
            yield s, e, name
            last = e


def marker_at(text: str, pos: int, categories: tuple[Category, ...] = STRUCTURE) -> bool:
    """A marker of ``categories`` starts at ``pos`` (``scanner(categories).match(text, pos)``,
    read with the lexer's pattern: the scanner is not compiled for it)."""
    finder = _finder(categories)
    if finder is None:
        return scanner(categories).match(text, pos) is not None
    return finder.match(text, pos) is not None


@per_vocabulary
def _finder(categories: tuple[Category, ...]) -> re.Pattern[str] | None:
    """The scanner as a pattern that opens with the set of the markers' first characters,
    consumed, and reads the marker from that character in a lookbehind holding a lookahead
    (None: the first characters cannot be told). `re` skips the positions outside a leading
    set in a loop of its own instead of entering the pattern at each one (the lexing pass
    23% faster over real text). Its match is that first character; the marker is the span
    of the named group that matched, and a match that starts inside the one before it is
    passed over, as the scan would have gone on past that one."""
    first = first_characters(categories)
    if first is None:
        return None
    return compile_re(f"[{first}](?<=(?=(?:{_dispatched(categories)})).)")


def _token(text: str, s: int, e: int, name: str, read: Callable[[str], Marker | None]) -> Token:
    category, form, _ = name.split("__")
    found = text[s:e]
    return Token(s, e, category, form, found, read(found))  # type: ignore[arg-type]


LIST_FORMS = ("arabic_paren",)  # a line of （1）…（2）… items is a list of points, not headings
# a bracketed series that heads sections too (（一）, ㈠) is a list only as a sentence's clauses:
# 三项工程：㈠政务云扩容…；㈡电子政务外网…；: each item after a clause mark, none a sentence
CLAUSE_LIST_FORMS = ("cn_paren",)
# and so is a 1. series in text that kept its line breaks (…三个时间节点：1.七月底前完成…；2.…；3.…。);
# once they are lost, items that opened their lines read the same (：1.…；2.…；)
LINED_CLAUSE_LIST_FORMS = ("arabic_dot",)
LIST_OPENERS = COLONS + SEMICOLONS + COMMAS  # what a clause-list item follows
LIST_SEPARATORS = SEMICOLONS  # …and what the items after the first follow


def inline_lists(tokens: list[Token], line_end: Callable[[int], int], text: str = "",
                 run_on: bool = False) -> frozenset[int]:
    """Starts of the tokens of a LIST_FORMS form followed on their own line by the next
    number of the same form (（1）新增就业；（2）改造小区。): list items, where a line-start
    （1） alone would read as a heading. A CLAUSE_LIST_FORMS series (LINED_CLAUSE_LIST_FORMS
    too, unless ``run_on``: the text lost its line breaks) counts only where each item
    follows a clause mark (the first ：，；, the next ；) and no sentence ends between them:
    the clauses of one sentence, not run-on sections (``text``: the text lexed)."""
    out: set[int] = set()
    last: dict[str, Token] = {}
    clause_forms = CLAUSE_LIST_FORMS if run_on else CLAUSE_LIST_FORMS + LINED_CLAUSE_LIST_FORMS
    for tok in tokens:
        if tok.marker is None or (tok.form not in LIST_FORMS and tok.form not in clause_forms):
            continue
        prev = last.get(tok.form)
        if (prev is not None and prev.marker is not None and tok.marker.numbers[0] == prev.marker.numbers[0] + 1
                and tok.start < line_end(prev.end)
                and (tok.form in LIST_FORMS or _clauses(text, prev, tok, prev.start in out))):
            out.update((prev.start, tok.start))
        last[tok.form] = tok
    return frozenset(out)


RUN_IN_TITLE_MAX = 25  # characters of the title sentence a run-in sub-heading opens with (（1）推行“阳光审批”。…)
RUN_IN_TITLE_BREAKS = LIST_OPENERS  # what a title sentence holds none of (、 it may): a list clause's marks


def run_in_series(tokens: list[Token], text: str) -> frozenset[int]:
    """Starts of the LIST_FORMS tokens (（1）) that head run-in sub-sections once the line
    breaks are lost: a series numbered on from 1, two items or more, where every item opens
    with a short title sentence (its 。！？ within RUN_IN_TITLE_MAX characters, no comma,
    ；or ： before it) and says more after it before the next item — ``（1）着力整治形式主义。
    要持续为基层减负…。（2）…``, each line of a report joined to the next. A list's items
    are clauses or long sentences (``（1）做好重点群体就业，围绕…；推动…。（2）…``): one that
    does not open so breaks the series, and the others stay list items. For text whose body
    lost its line breaks only (the caller's test): on its lines, a line of such items is one
    paragraph's list."""
    out: set[int] = set()
    series: list[Token] = []

    def close() -> None:
        if len(series) >= 2 and all(_titled(text, a.end, b.start) for a, b in pairwise(series)) and _titled(
                text, series[-1].end, len(text)):
            out.update(t.start for t in series)
        series.clear()

    for tok in tokens:
        if tok.marker is None or tok.form not in LIST_FORMS:
            continue
        n = tok.marker.numbers[0]
        if series and series[-1].marker is not None and n == series[-1].marker.numbers[0] + 1:
            series.append(tok)
            continue
        close()
        if n == 1:
            series.append(tok)
    close()
    return frozenset(out)


def _titled(text: str, start: int, stop: int) -> bool:
    """``text[start:stop]`` opens with a title sentence and goes on (see :func:`run_in_series`)."""
    end = min(stop, start + RUN_IN_TITLE_MAX + 1)
    first = next((i for i in range(start, end) if text[i] in SENTENCE_ENDS or text[i] in RUN_IN_TITLE_BREAKS), None)
    if first is None or first - start < 2 or text[first] not in SENTENCE_ENDS:
        return False
    return has_text(text, first + 1, stop)


def _clauses(text: str, prev: Token, tok: Token, listed: bool) -> bool:
    """``prev`` and ``tok`` read as two clauses of one sentence (see :func:`inline_lists`)."""
    if not _follows(text, tok.start, LIST_SEPARATORS) or not (listed or _follows(text, prev.start, LIST_OPENERS)):
        return False
    return all(text.find(m, prev.end, tok.start) == -1 for m in SENTENCE_ENDS)


def _follows(text: str, i: int, marks: str) -> bool:
    """``text[i]`` follows one of ``marks`` on its line, past inline white space."""
    i -= 1
    while i >= 0 and text[i] in INLINE_SPACE:
        i -= 1
    return i >= 0 and text[i] in marks


def strength_at(text: str, start: int, body_start: int) -> int:
    """How the marker at ``start`` stands: at a line start, after a boundary, or glued."""
    i = start - 1
    while i >= body_start:
        if text[i] in HEADING_SPACE:
            i -= 1
        elif text[i] == ">" and (k := escape_before(text, i + 1, body_start)) is not None:
            i = k - 1  # white space written out as an escape (<U+00A0>) indents like a space
        else:
            break
    if i < body_start or text[i] in "\r\n":
        return LINE_START
    voc = vocabulary()
    if i < start - 1 or text[i] in voc.boundary_before:
        return AFTER_BOUNDARY
    if text[i] == voc.credit_end and voc.credit_before.search(text, max(body_start, i - CREDIT_MAX), i + 1):
        return AFTER_BOUNDARY  # a photo credit run on into the text: …新华社记者 鞠鹏/摄第一，
    return GLUED


CREDIT_MAX = 40  # characters a photo credit spans at most


# ---------------------------------------------------------------------- the grammar

def grammar_path() -> Path:
    """Where the grammar is read from: inside the installed package (a wheel), else the
    source tree's ``grammars/`` (an editable install or a checkout)."""
    shipped = package_file(GRAMMAR)
    if shipped.is_file():
        return shipped
    return Path(__file__).resolve().parents[3] / GRAMMAR


def grammar_text() -> str:
    """The marker grammar with the data's word lists written in."""
    words = grammar_words()
    raw = grammar_path().read_text("utf-8")
    return _WORD.sub(lambda m: words[m.group(1)].replace("/", "\\/") if m.group(1) in words else m.group(), raw)


@per_vocabulary
def marker_parser() -> Lark:
    """The LALR parser of the marker grammar with the active vocabulary's words (built once
    per vocabulary)."""
    from lark import Lark

    # cache=True: Lark keeps the built tables in a temp file keyed by the grammar, so a fresh
    # process (the command line) loads them instead of rebuilding (~20 ms)
    return Lark(grammar_text(), parser="lalr", start=["start", "salutation", "address", "closing"],
                maybe_placeholders=False, cache=True)


@cache
def _builtin_table() -> MarkerTable:
    """The table of the built-in grammar, for what takes no words of the vocabulary (the
    numeral terminal, the aliases of the rules)."""
    with using(None):
        return marker_table()


def _rule_regex(table: MarkerTable, rule: Rule, group: str = "") -> str:
    """The regex source of one alternative (inline white space only inside page markers:
    第 3 页); with ``group``, each terminal in a named group ``<group><n>`` (the interpreter's
    reading of a marker)."""
    parts: list[str] = []
    for n, name in enumerate(rule.expansion):
        if name not in table.terminals:
            raise ValueError(f"scanner rules may only use terminals, not {name}")
        parts.append(f"(?P<{group}{n}>{table.terminals[name]})" if group else f"(?:{table.terminals[name]})")
    return (_INLINE_WS if rule.origin == "page" else "").join(parts)


@per_vocabulary
def scanner_pattern(categories: tuple[Category, ...] = _CATEGORIES) -> str:
    """The scanning regex source: one named group per grammar alternative."""
    table = marker_table()
    branches: list[str] = []
    for category in categories:
        for i, rule in enumerate(table.alternatives(category)):
            alias = rule.alias or category
            branches.append(f"(?P<{category}__{alias}__{i}>{_rule_regex(table, rule)})")
    return "|".join(branches)


@per_vocabulary
def scanner(categories: tuple[Category, ...] = _CATEGORIES) -> regex.Pattern[str] | re.Pattern[str]:
    """The compiled scanning regex for the marker ``categories`` (default: all).

    Where the first characters of every alternative can be told from the grammar, the
    pattern is led by a lookahead for them and compiled with the standard `re`, which then
    skips the positions where no marker can start (1.7x faster over real text than `regex`
    trying every alternative at every position; tests/test_markers.py compares the two)."""
    first = first_characters(categories)
    if first is None:
        return compile_regex(scanner_pattern(categories), regex.V0)
    return compile_re(f"(?=[{first}])(?:{_dispatched(categories)})")


def _dispatched(categories: tuple[Category, ...]) -> str:
    """The scanning alternation with its branches grouped by the characters they can start
    with, each group led by a lookahead for them: at a position only the branches that can
    start there are tried (a failing position costs a few lookaheads, not every branch).
    Branches whose first characters overlap stay in one group, in grammar order, so the
    same branch wins at every position as in the flat alternation."""
    table = marker_table()
    branches: list[tuple[str, set[str], frozenset[int]]] = []
    for category in categories:
        for i, rule in enumerate(table.alternatives(category)):
            alias = rule.alias or category
            items = first_items(table.terminals[rule.expansion[0]]) or set()
            source = f"(?P<{category}__{alias}__{i}>{_rule_regex(table, rule)})"
            branches.append((source, items, class_chars(items)))
    groups: list[list[int]] = []
    for k, (_, _, chars) in enumerate(branches):
        joined = [g for g in groups if any(branches[j][2] & chars for j in g)]
        merged = sorted({k, *(j for g in joined for j in g)})
        groups = [g for g in groups if g not in joined] + [merged]
    groups.sort(key=lambda g: g[0])
    parts = []
    for g in groups:
        lead = "".join(sorted(set().union(*(branches[j][1] for j in g))))
        parts.append(f"(?=[{lead}])(?:{'|'.join(branches[j][0] for j in g)})")
    return "|".join(parts)


@per_vocabulary
def first_characters(categories: tuple[Category, ...] = _CATEGORIES) -> str | None:
    """A character class (without brackets) of the characters a marker of ``categories``
    can start with, read off the first terminal of each grammar alternative; None when a
    terminal's start cannot be told (a category such as \\w, an optional start)."""
    table = marker_table()
    parts: set[str] = set()
    for category in categories:
        for rule in table.alternatives(category):
            found = first_items(table.terminals[rule.expansion[0]])
            if found is None:
                return None
            parts |= found
    return "".join(sorted(parts))




@per_vocabulary
def form_pattern(category: str, form: str) -> str:
    """The regex source matching the alternatives of ``category`` that make marker ``form``
    (heading, cn_space: 一 总体要求)."""
    table = marker_table()
    return "|".join(_rule_regex(table, r) for r in table.alternatives(category) if (r.alias or category) == form)


@per_vocabulary
def category_pattern(category: str) -> str:
    """The regex source matching any alternative of one grammar rule (heading, point, page,
    salutation, closing)."""
    table = marker_table()
    return "|".join(_rule_regex(table, r) for r in table.alternatives(category))


@cache
def numeral() -> regex.Pattern[str]:
    """A Chinese numeral (the grammar's ``CN_NUM`` terminal)."""
    return compile_regex(_builtin_table().terminals["CN_NUM"])


@per_vocabulary
def salutation() -> regex.Pattern[str]:
    """An address closed by its colon (the grammar's ``salutation``), matched at its start."""
    return compile_regex(category_pattern("salutation"))


@per_vocabulary
def bare_address() -> regex.Pattern[str]:
    """An address without its colon (the grammar's ``address``)."""
    return compile_regex(category_pattern("address"))


@per_vocabulary
def closing() -> re.Pattern[str]:
    """A closing formula (the grammar's ``closing``), matched against a whole stretch;
    compiled with the standard `re`, as Lark compiles the grammar's terminals (in half the
    time `regex` takes: part of a one-shot outline's start-up)."""
    return compile_re(category_pattern("closing"))


def interpret(text: str) -> Marker | None:
    """Interpret a marker string (as found by the scanner) with the grammar; None when the
    text is not a marker after all (百十、: the scanner's numeral class is wider than numerals)."""
    return interpreter()(text)


_NUMERAL_TERMINALS = frozenset({"CN_NUM", "ARABIC", "CIRCLED", "PAREN_CN_NUM", "DOT_ARABIC", "STEM"})
_WORD_TERMINALS = frozenset({"POINT_VERB", "DI_POINT_VERB", "SEQUENCE_WORD"})


@per_vocabulary
def interpreter() -> Callable[[str], Marker | None]:
    """:func:`interpret` for the active vocabulary's grammar, with its own cache (the lexer
    takes it once per document).

    The grammar's ``start`` is an alternation of flat rules (terminals only), so the parse
    of a marker the scanner found is the first alternative, in grammar order, that matches
    the whole text, with each terminal in a group: the terminals are its tokens.  Each
    alternative's pattern is compiled on first use, and tried only where the text opens
    with a character it can start with.  ``tests/test_marker_table.py`` checks this reading
    against the LALR parser Lark builds from the grammar, on every text the scanner can
    find (white space the grammar ignores elsewhere, as in ``一 是``, is no marker here, as
    the scanner never finds one)."""
    table = marker_table()
    readers = [_Alternative(table, rule) for start in table.alternatives("start") for rule in
               table.alternatives(start.expansion[0])]

    @lru_cache(maxsize=8192)
    def read(text: str) -> Marker | None:
        for alt in readers:
            found = alt.read(text)
            if found is not None:
                return found if isinstance(found, Marker) else None
        return None

    return read


class _Alternative:
    """One alternative of ``start``'s rules, as the interpreter reads a marker with it."""

    def __init__(self, table: MarkerTable, rule: Rule) -> None:
        self.table = table
        self.rule = rule
        self.category: Category = rule.origin  # type: ignore[assignment]
        self.form = rule.alias or rule.origin
        items = first_items(table.terminals[rule.expansion[0]])
        self.first = compile_regex(f"[{''.join(sorted(items))}]") if items else None
        self._pattern: regex.Pattern[str] | None = None

    def read(self, text: str) -> Marker | bool | None:
        """The marker ``text`` reads as with this alternative; None when it does not match
        the whole text; False when it does but a numeral in it is none (百十、)."""
        if self.first is not None and not self.first.match(text):
            return None
        if self._pattern is None:
            # (`regex`, as every grammar pattern but the scanner: a terminal may use its syntax)
            self._pattern = compile_regex(_rule_regex(self.table, self.rule, group="t"), regex.V0)
        m = self._pattern.fullmatch(text)
        if m is None:
            return None
        numbers: list[int] = []
        word = ""
        for n, name in enumerate(self.rule.expansion):
            value = m.group(f"t{n}")
            if name in _NUMERAL_TERMINALS:
                number = stem_to_int(value) if name == "STEM" else to_int(value)
                if number is None:
                    return False
                numbers.append(number)
            elif name in _WORD_TERMINALS:
                word = value
            elif name == "COMMA":
                word = "，"
        return Marker(category=self.category, form=self.form, numbers=tuple(numbers), word=word)
