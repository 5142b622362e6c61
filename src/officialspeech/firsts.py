"""The characters a regular expression can start a match with, read off its parse: a cheap
test that spares trying a pattern where it cannot match (the marker lexer, site chrome)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Generic, TypeVar

from .compiled import compile_re

T = TypeVar("T")


def first_items(pattern: str, *, loose: bool = False) -> set[str] | None:
    """The class items (escaped characters and ranges) a match of ``pattern`` can start with
    (a leading ``^`` skipped), or None when that cannot be told (a category such as ``\\w``,
    a ``regex``-only construct such as ``\\p{Han}``, an optional start).

    ``loose``: also look past an optional start (``(?:文档)?格式``: 文 or 格) and take the
    categories ``\\d`` and ``\\s`` as items (`re` and `regex` agree on them): a prefilter's
    answer, as the chrome rules use it; the marker scanner keeps the strict one."""
    try:
        from re import _parser as sre  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import sre_parse as sre
    try:
        return _first_items(sre.parse(pattern), sre, loose)
    except (re.error, ValueError):
        return None


def _first_items(seq: Any, sre: Any, loose: bool = False) -> set[str] | None:
    i = 0
    while i < len(seq) and str(seq[i][0]) == "AT" and str(seq[i][1]) == "AT_BEGINNING":
        i += 1  # ^
    if i >= len(seq):
        return None
    op, av = seq[i]
    name = str(op)
    if name == "LITERAL":
        return {re.escape(chr(av))}
    if name == "IN":
        out: set[str] = set()
        for item_op, item in av:
            if str(item_op) == "LITERAL":
                out.add(re.escape(chr(item)))
            elif str(item_op) == "RANGE":
                out.add(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
            elif loose and str(item_op) == "CATEGORY" and str(item) in _CATEGORIES:
                out.add(_CATEGORIES[str(item)])
            else:
                return None  # a category or a negated class
        return out
    if name == "BRANCH":
        found: set[str] = set()
        for branch in av[1]:
            sub = _first_items(branch, sre, loose)
            if sub is None:
                return None
            found |= sub
        return found
    if name == "SUBPATTERN":
        return _first_items(av[-1], sre, loose)
    if name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
        return _first_items(av[2], sre, loose)
    if loose and name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] == 0:
        # an optional start: what it starts with, or what follows it does
        body, rest = _first_items(av[2], sre, loose), _first_items(seq[i + 1:], sre, loose)
        return body | rest if body is not None and rest is not None else None
    return None


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s"}


def class_chars(items: set[str]) -> frozenset[int]:
    """The code points of the class items (characters and ranges, as :func:`first_items` gives
    them) ``items``."""
    if not items:
        return frozenset()
    out: set[int] = set()
    parsed_op, parsed = _sre().parse(f"[{''.join(sorted(items))}]")[0]
    for op, av in parsed if str(parsed_op) == "IN" else [(parsed_op, parsed)]:
        if str(op) == "LITERAL":
            out.add(av)
        elif str(op) == "RANGE":
            out.update(range(av[0], av[1] + 1))
    return frozenset(out)


def first_class(pattern: str) -> re.Pattern[str] | None:
    """A one-character pattern matching what a match of ``pattern`` can start with (None:
    it cannot be told)."""
    items = first_items(pattern, loose=True)
    return compile_re(f"[{''.join(sorted(items))}]") if items else None


_BACKREFERENCE = compile_re(r"\\[1-9]|\(\?P=")


class LedScan:
    """The starts of ``re.finditer(pattern)``'s matches, found faster: the pattern led by
    the set of its first characters, consumed, with the match read in a lookbehind holding
    a lookahead (as the marker lexer's finder is). `re` skips the positions outside a
    leading set in a loop of its own instead of entering the alternation at each one (a
    sentence-opener list of ~1,000 characters: 2.5x faster over a title's window). A match
    that starts inside the one before it is passed over, as finditer would have gone on
    past that one; the pattern matches nothing empty (a first character is required)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern  # the source, as ``re.Pattern.pattern``
        first = None if _BACKREFERENCE.search(pattern) else first_items(pattern)  # (group m would renumber them)
        self._plain = compile_re(pattern)
        self._led = None if first is None else compile_re(f"[{''.join(sorted(first))}](?<=(?=(?P<m>{pattern})).)")

    def starts(self, text: str, pos: int, endpos: int) -> list[int]:
        """``[m.start() for m in re.finditer(pattern, text[:endpos], pos)]``, with the
        string's bounds as finditer has them (tests/test_firsts.py)."""
        led = self._led
        if led is None:
            return [m.start() for m in self._plain.finditer(text, pos, endpos)]
        out: list[int] = []
        last = pos
        for m in led.finditer(text, pos, endpos):
            s, e = m.span("m")
            if s >= last:
                out.append(s)
                last = e
        return out

    def search(self, text: str, pos: int, endpos: int) -> bool:
        """Whether the pattern matches anywhere in ``text[pos:endpos]``."""
        return (self._led or self._plain).search(text, pos, endpos) is not None


def last_items(pattern: str) -> set[str] | None:
    """The class items a match of ``pattern`` can end with (a trailing ``$`` and lookarounds
    skipped), or None when that cannot be told (a category, an optional end, a construct
    `re` reads otherwise than `regex`): the end of a line a suffix or whole-line rule matches."""
    if _IGNORECASE.search(pattern):
        return None
    parsed = _readable_parse(pattern)
    if parsed is None:
        return None
    try:
        return _last_items(list(parsed))
    except (ValueError, RecursionError):
        return None


_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


def _last_items(seq: list[Any]) -> set[str] | None:
    i = len(seq) - 1
    while i >= 0 and str(seq[i][0]) in _ZERO_WIDTH:
        i -= 1  # $, \Z, a lookbehind checking what the match ends with
    if i < 0:
        return None
    op, av = seq[i]
    name = str(op)
    if name == "LITERAL":
        return {re.escape(chr(av))}
    if name == "IN":
        out: set[str] = set()
        for item_op, item in av:
            if str(item_op) == "LITERAL":
                out.add(re.escape(chr(item)))
            elif str(item_op) == "RANGE":
                out.add(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
            else:
                return None  # a category or a negated class
        return out
    if name == "BRANCH":
        found: set[str] = set()
        for branch in av[1]:
            sub = _last_items(list(branch))
            if sub is None:
                return None
            found |= sub
        return found
    if name == "SUBPATTERN":
        return _last_items(list(av[-1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
        return _last_items(list(av[2]))
    return None


def last_class(pattern: str) -> re.Pattern[str] | None:
    """A one-character pattern matching what a match of ``pattern`` can end with (None: it
    cannot be told)."""
    items = last_items(pattern)
    return compile_re(f"[{''.join(sorted(items))}]") if items else None


_IGNORECASE = compile_re(r"\(\?[a-zA-Z]*i")


def required_chars(pattern: str) -> frozenset[str]:
    """Characters every match of ``pattern`` holds (literals outside optional parts, the
    common ones of alternatives): a line without one of them cannot match. Empty when none
    can be told (a case-insensitive pattern, a ``regex``-only construct)."""
    if _IGNORECASE.search(pattern):
        return frozenset()
    try:
        from re import _parser as sre  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import sre_parse as sre
    try:
        return frozenset(_required(sre.parse(pattern)))
    except (re.error, ValueError, RecursionError):
        return frozenset()


def _required(seq: Any) -> set[str]:
    out: set[str] = set()
    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "SUBPATTERN":
            out |= _required(av[-1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
            out |= _required(av[2])
        elif name == "BRANCH":
            branches = [_required(b) for b in av[1]]
            out |= set.intersection(*branches) if branches else set()
    return out


_PROPERTY = compile_re(r"\\[pP]\{[^{}]*\}")  # \p{Han}: one character of a kind `re` cannot name
# what `re` would read otherwise than `regex` does: a brace that opens no repeat count
# (a fuzzy constraint {e<=1}), an inline flag (?i) (?V1) (?r), a named list \L<...>
_READ_OTHERWISE = compile_re(r"\{(?!\d*,?\d*\})|\(\?[a-zA-Z]|\\L<")
_NAMED = compile_re(r"\(\?P<[^>]*>")


def required_sets(pattern: str) -> tuple[str, ...]:
    """Characters of which every match of ``pattern`` holds at least one, set by set (``[:：]``,
    the first characters of each branch of ``(?:来源|时间)``, a literal): a line without any
    character of a set cannot match. Each set is a string of its characters, the smaller sets
    first; none when none can be told (a case-insensitive pattern, flags `re` reads otherwise)."""
    if _IGNORECASE.search(pattern):
        return ()
    parsed = _readable_parse(pattern)
    if parsed is None:
        return ()
    try:
        found = _sets(parsed)
    except (ValueError, RecursionError, OverflowError):
        return ()
    return tuple(sorted({"".join(sorted(x)) for x in found}, key=lambda x: (len(x), x)))


def holds(text: str, needs: tuple[str, ...]) -> bool:
    """``text`` holds a character of each set of ``needs`` (strings of characters; see
    :func:`required_sets`)."""
    for chars in needs:
        if chars in text:  # (a substring test: a one-character set, most are, in one step)
            continue
        if len(chars) == 1:
            return False
        if len(chars) > _LOOP_MAX:
            if _charset(chars).isdisjoint(text):
                return False
            continue
        for ch in chars:
            if ch in text:
                break
        else:
            return False
    return True


_LOOP_MAX = 8  # a larger set is tested as a set against the text's characters


class NeedsIndex(Generic[T]):
    """Items (patterns) with their ``needs`` (:func:`required_sets`), indexed by the characters
    of each one's first, smallest set: :meth:`holding` finds the items a text may match from
    the text's characters, in one pass over them, instead of testing every item's sets in turn
    (23 inline chrome rules, of which a run holds the characters of two or three)."""

    def __init__(self, items: Sequence[tuple[T, tuple[str, ...]]]) -> None:
        self._items = tuple(items)
        self._always = tuple(i for i, (_, needs) in enumerate(self._items) if not needs)
        by_char: dict[str, list[int]] = {}
        for i, (_, needs) in enumerate(self._items):
            if needs:
                for ch in needs[0]:
                    by_char.setdefault(ch, []).append(i)
        self._by_char = {ch: tuple(ix) for ch, ix in by_char.items()}
        self._keys = frozenset(by_char)

    def holding(self, text: str) -> list[T]:
        """The items, in their order, whose needs ``text`` holds (``holds(text, needs)``)."""
        present = self._keys.intersection(text)
        if not present and not self._always:
            return []
        found = set(self._always)
        by_char = self._by_char
        for ch in present:
            found.update(by_char[ch])
        items = self._items
        out: list[T] = []
        for i in sorted(found):
            item, needs = items[i]
            if holds(text, needs[1:]):  # (its first set it holds: a character of it is present)
                out.append(item)
        return out


@lru_cache(maxsize=1024)
def _charset(chars: str) -> frozenset[str]:
    return frozenset(chars)


_SET_MAX = 64  # a class of more characters (a range of Han characters) is no test worth making


def _sets(seq: Any) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            out.append(frozenset(chr(av)))
        elif name == "IN":
            chars: set[str] = set()
            for item_op, item in av:
                if str(item_op) == "LITERAL":
                    chars.add(chr(item))
                elif str(item_op) == "RANGE" and item[1] - item[0] < _SET_MAX:
                    chars.update(chr(c) for c in range(item[0], item[1] + 1))
                else:
                    break  # a category, a negated class, a wide range: any character may do
            else:
                if 0 < len(chars) <= _SET_MAX:
                    out.append(frozenset(chars))
        elif name == "SUBPATTERN":
            out.extend(_sets(av[-1]))
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
            out.extend(_sets(av[2]))
        elif name == "BRANCH":
            # every branch holds its own first set: one of their characters stands in a match
            firsts = [_sets(b) for b in av[1]]
            if firsts and all(firsts):
                union = frozenset().union(*(f[0] for f in firsts))
                if len(union) <= _SET_MAX:
                    out.append(union)
    return out


def _re_readable(pattern: str) -> str | None:
    """``pattern`` as `re` reads it for these tests (``\\p{Han}`` as one word character, group
    names dropped where no group is referred to by name), or None when `re` would read it
    otherwise than `regex` does."""
    plain = _PROPERTY.sub(r"\\w", pattern)
    if "(?P=" not in plain:  # (`re` refuses a group name used twice, as in the branches of a rule)
        plain = _NAMED.sub("(?:", plain)
    if _READ_OTHERWISE.search(plain.replace("(?P=", "")):
        return None
    return plain


@lru_cache(maxsize=512)
def _readable_parse(pattern: str) -> Any:
    """`re`'s parse of :func:`_re_readable` ``pattern`` (None: there is none), made once for
    the tests read off it."""
    plain = _re_readable(pattern)
    if plain is None:
        return None
    try:
        return _sre().parse(plain)
    except (re.error, ValueError, RecursionError, OverflowError):
        return None


def _sre() -> Any:
    try:
        from re import _parser as sre  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import sre_parse as sre
    return sre


def match_widths(pattern: str) -> tuple[int, int] | None:
    """The fewest and most characters a match of ``pattern`` spans (``regex`` syntax; the
    most may be very large: no bound), or None when that cannot be told: a line shorter than
    the first cannot match it, nor can one longer than the second be matched whole."""
    parsed = _readable_parse(pattern)
    if parsed is None:
        return None
    try:
        lo, hi = parsed.getwidth()
    except (ValueError, RecursionError, OverflowError):
        return None
    return int(lo), int(hi)
