"""Load the marker grammar once, compile it into a scanner and interpret markers.

``grammars/markers.lark`` is the single source of the marker vocabulary.  Each
alternative of its ``heading``, ``point`` and ``page`` rules is compiled into a
branch of one scanning regular expression (named group ``<category>__<alias>__<n>``);
the LALR parser built from the same grammar interprets what the scanner found.
Both are built once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

import regex
from lark import Lark, Token, Tree
from lark.exceptions import LarkError
from lark.grammar import NonTerminal, Rule, Terminal

from .numerals import to_int

Category = Literal["heading", "point", "page"]
_CATEGORIES: tuple[Category, ...] = ("heading", "point", "page")
_INLINE_WS = r"[ \t\u3000]{0,3}"


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


def grammar_text() -> str:
    """The text of the marker grammar as shipped in the package."""
    return resources.files("officialspeech").joinpath("grammars/markers.lark").read_text("utf-8")


@cache
def marker_parser() -> Lark:
    """The LALR parser of the marker grammar (built once per process)."""
    # cache=True: Lark keeps the built tables in a temp file keyed by the grammar, so a fresh
    # process (the command line) loads them instead of rebuilding (~20 ms)
    return Lark(grammar_text(), parser="lalr", start="start", maybe_placeholders=False, cache=True)


def _terminal_regex(parser: Lark) -> dict[str, str]:
    return {t.name: t.pattern.to_regexp() for t in parser.terminals}


def _alternatives(parser: Lark, category: Category) -> list[Rule]:
    return [r for r in parser.rules if r.origin.name == category]


def _rule_regex(parser: Lark, rule: Rule, terms: dict[str, str]) -> str:
    parts: list[str] = []
    for sym in rule.expansion:
        if isinstance(sym, NonTerminal):
            raise ValueError(f"scanner rules may only use terminals, not {sym.name}")
        assert isinstance(sym, Terminal)
        parts.append(f"(?:{terms[sym.name]})")
    sep = _INLINE_WS if rule.origin.name == "page" else ""
    return sep.join(parts)


@cache
def scanner_pattern(categories: tuple[Category, ...] = _CATEGORIES) -> str:
    """The scanning regex source: one named group per grammar alternative."""
    parser = marker_parser()
    terms = _terminal_regex(parser)
    branches: list[str] = []
    for category in categories:
        for i, rule in enumerate(_alternatives(parser, category)):
            alias = rule.alias or category
            branches.append(f"(?P<{category}__{alias}__{i}>{_rule_regex(parser, rule, terms)})")
    return "|".join(branches)


@cache
def scanner(categories: tuple[Category, ...] = _CATEGORIES) -> regex.Pattern[str]:
    """The compiled scanning regex for the marker ``categories`` (default: all)."""
    return regex.compile(scanner_pattern(categories), regex.V0)


def category_pattern(category: Category) -> str:
    """The regex source matching any marker of one category."""
    parser = marker_parser()
    terms = _terminal_regex(parser)
    return "|".join(_rule_regex(parser, r, terms) for r in _alternatives(parser, category))


@lru_cache(maxsize=8192)
def interpret(text: str) -> Marker | None:
    """Interpret a marker string (as found by the scanner) with the grammar; None when the
    text is not a marker after all (百十、: the scanner's numeral class is wider than numerals)."""
    try:
        return _interpret(text)
    except (LarkError, ValueError):
        return None


def _interpret(text: str) -> Marker:
    tree = marker_parser().parse(text)
    inner = tree.children[0]
    assert isinstance(inner, Tree)
    category = inner.data
    form_tree = inner
    form = str(form_tree.data)
    numbers: list[int] = []
    word = ""
    for tok in form_tree.children:
        assert isinstance(tok, Token)
        if tok.type in ("CN_NUM", "ARABIC"):
            value = to_int(str(tok))
            if value is None:
                raise ValueError(f"not a numeral: {tok!s}")
            numbers.append(value)
        elif tok.type in ("POINT_VERB", "DI_POINT_VERB", "SEQUENCE_WORD"):
            word = str(tok)
        elif tok.type == "COMMA":
            word = "，"
    cat = _category_of(form)
    del category
    return Marker(category=cat, form=form, numbers=tuple(numbers), word=word)


@cache
def _form_categories() -> dict[str, Category]:
    parser = marker_parser()
    out: dict[str, Category] = {}
    for category in _CATEGORIES:
        for rule in _alternatives(parser, category):
            out[rule.alias or category] = category
    return out


def _category_of(form: str) -> Category:
    return _form_categories()[form]
