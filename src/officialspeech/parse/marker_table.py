"""The marker grammar compiled into a table: the regular expression of each terminal and
each rule as the sequence of symbols it expands to.

Lark compiles ``grammars/markers.lark`` (and checks it: it must build as a LALR parser);
everything the lexer and the stages after it need is read off the table it yields (the
scanning patterns in :mod:`.markers`, the interpretation of a marker below).  The table of
the built-in grammar is shipped as data (``data/marker_table.json``), keyed by a hash of
the grammar text with the vocabulary's words written in; while that key matches, a process
never imports Lark (the command line's start-up).  An extension vocabulary whose words
change the grammar, or an edited grammar, gets its table from Lark instead.
``tests/test_marker_table.py`` checks that the shipped table is the one Lark derives and
that a marker is read as the LALR parser reads it; ``python -m
officialspeech.build_marker_table`` writes the table anew after the grammar or its words
changed.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..packaged import package_file
from ..vocab import per_vocabulary

if TYPE_CHECKING:
    from lark import Lark

TABLE = "data/marker_table.json"


@dataclass(frozen=True, slots=True)
class Rule:
    """One alternative of a grammar rule."""

    origin: str
    """The rule it is an alternative of (heading, point, page, salutation…)."""
    alias: str | None
    """Its alias after ``->`` (cn_dun, cn_verb, page_of…), None when it has none."""
    expansion: tuple[str, ...]
    """The names of the symbols it expands to, in order (terminals are upper case)."""


@dataclass(frozen=True, slots=True)
class MarkerTable:
    """The marker grammar as the lexer reads it."""

    key: str
    """The SHA-256 of the grammar text it was compiled from (words written in)."""
    terminals: dict[str, str]
    """Each terminal's regular expression, by name."""
    rules: tuple[Rule, ...]
    """Every alternative of every rule, in grammar order."""

    def alternatives(self, origin: str) -> list[Rule]:
        """The alternatives of rule ``origin``, in grammar order."""
        return [r for r in self.rules if r.origin == origin]

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "terminals": self.terminals,
                "rules": [[r.origin, r.alias, list(r.expansion)] for r in self.rules]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MarkerTable:
        return cls(key=data["key"], terminals=dict(data["terminals"]),
                   rules=tuple(Rule(o, a, tuple(e)) for o, a, e in data["rules"]))


def grammar_key(text: str) -> str:
    """The key of a table compiled from grammar ``text``."""
    data = text.encode("utf-8")
    return f"crc32:{zlib.crc32(data):08x}:{len(data)}"  # (hashlib's import costs a one-shot command ~5 ms)


def from_parser(parser: Lark, key: str) -> MarkerTable:
    """The table of a built Lark parser."""
    terminals = {t.name: t.pattern.to_regexp() for t in parser.terminals}
    rules = tuple(Rule(r.origin.name, r.alias, tuple(s.name for s in r.expansion)) for r in parser.rules)
    return MarkerTable(key=key, terminals=terminals, rules=rules)


@cache
def shipped() -> MarkerTable | None:
    """The table shipped with the package (None when the file is missing)."""
    path = package_file(TABLE)
    if not path.is_file():
        return None
    return MarkerTable.from_json(json.loads(path.read_text("utf-8")))


@per_vocabulary
def marker_table() -> MarkerTable:
    """The table of the active vocabulary's grammar: the shipped one while its key matches
    the grammar text, else compiled by Lark."""
    from . import markers

    text = markers.grammar_text()
    key = grammar_key(text)
    table = shipped()
    if table is not None and table.key == key:
        return table
    return from_parser(markers.marker_parser(), key)


def compiled_builtin() -> MarkerTable:
    """The built-in grammar's table as Lark compiles it now (what the shipped file must hold)."""
    from ..vocab import using
    from . import markers

    with using(None):
        return from_parser(markers.marker_parser(), grammar_key(markers.grammar_text()))
