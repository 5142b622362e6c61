"""The genre vocabulary and site-chrome patterns, loaded once from the package data files,
and the vocabulary extensions a user adds to them (:func:`load_vocabulary`).

:func:`vocabulary` and :func:`chrome_rules` return the *active* vocabulary: the built-in one
(built once per process), or the one :func:`using` made active for the current context
(``parse_speech(text, vocabulary=...)``, ``--vocabulary FILE``). Patterns derived from the
vocabulary elsewhere are cached per vocabulary with :func:`per_vocabulary`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property, wraps
from typing import Any, Literal, TypeVar, cast

import regex

from .compiled import compile_regex
from .firsts import first_class, last_class, match_widths, required_chars, required_sets
from .packaged import package_text


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        package_text(f"data/{name}")
    )
    return data


class LazyPattern:
    """A regular expression compiled on first use: the command line only pays for the
    patterns a text needs (the `regex` module compiles slowly). After the first call the
    compiled pattern's own methods are bound on the instance, so later calls cost nothing extra."""

    _METHODS = ("match", "fullmatch", "search", "finditer", "findall")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    @property
    def flags(self) -> int:
        """The flags it is compiled with."""
        return self._flags

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (binding its methods on this instance)."""
        compiled = compile_regex(self.pattern, self._flags)
        for name in self._METHODS:
            setattr(self, name, getattr(compiled, name))
        return compiled

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """The sets of characters every match holds one of each (:func:`pattern_needs`):
        ``firsts.holds(line, p.needs)`` is False for a line it cannot match, a cheaper test
        than the match on a short line (on a long text, match at a position instead)."""
        return pattern_needs(self)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.fullmatch(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        return self.compiled.findall(text, pos, endpos)


class CharClass:
    """A one-character pattern of the data files (``[第0-9年月]``), tested with ``in``: each
    character is matched once and the answer remembered, so the test costs a dict lookup."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled: regex.Pattern[str] | None = None
        self._memo: dict[str, bool] = {}

    def __contains__(self, ch: str) -> bool:
        hit = self._memo.get(ch)
        if hit is None:
            if self._compiled is None:
                self._compiled = compile_regex(self.pattern)
            hit = self._memo[ch] = bool(self._compiled.fullmatch(ch))
        return hit


def _alternation(words: list[str]) -> str:
    """A pattern matching any of ``words``, longest first, written as a trie
    (``建(?:设|议)``): the engine tests one character class per position instead of every
    word, twice as fast on the long lists. It has no top-level ``|``."""
    root: dict[str, Any] = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = sorted((ch, sub) for ch, sub in node.items() if ch)
    singles = [regex.escape(ch) for ch, sub in branches if list(sub) == [""]]
    items = [regex.escape(ch) + _trie_pattern(sub) for ch, sub in branches if list(sub) != [""]]
    if singles:
        items.append(f"[{''.join(singles)}]" if len(singles) > 1 else singles[0])
    body = items[0] if len(items) == 1 else "(?:" + "|".join(items) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Compiled word lists and patterns from data/vocab.json, with any extension merged in
    (:func:`load_vocabulary`). Pass one to ``parse_speech(text, vocabulary=...)``."""

    boundary_before: CharClass
    credit_before: LazyPattern  # a photo credit (…/摄) before a marker: a boundary
    credit_end: str  # the character every photo credit ends with
    sentence_end: LazyPattern
    title_end: LazyPattern
    heading_bad_next: CharClass
    heading_bad_next_arabic: CharClass
    heading_bad_next_paren: CharClass
    heading_bad_prev: CharClass
    binding_finals: CharClass  # a word ending in one binds to the noun after it (第十一届|全国人大): the rules cut there is no sure end
    heading_word_across_break: LazyPattern  # the last character of a line and a numeral after it that make a word (统⏎一、)
    point_bad_prev: CharClass
    point_bad_next: CharClass
    point_verb_bad_next: CharClass  # after 一是/一要: the verb ends the marker, a numeral may follow (二是一以贯之)
    point_verb_bare_number: LazyPattern  # …but not a bare number (一是一，二是二: an idiom, no list)
    sequence_words: dict[str, str]
    sequence_requires: dict[str, LazyPattern]
    agenda_steps: frozenset[str]  # the sequence words only an agenda verb may follow (下面，请…): a moderator's steps
    sequence_bad_next: CharClass
    max_title_length: int
    container_headings: LazyPattern
    container_last_chars: frozenset[str]
    announcement: LazyPattern
    announcement_count: LazyPattern
    stripped: LazyPattern
    numeral_words: LazyPattern
    bare_numeral_bad_next: CharClass
    never_split: LazyPattern
    salutation_hint: LazyPattern
    salutation_addressee: LazyPattern
    salutation_item_before: LazyPattern
    salutation_title: LazyPattern
    """An addressee's title alone (主任, 部长: ``addressee_suffixes``), after a name that is the speaker's."""
    salutation_honorific: LazyPattern
    salutation_max: int
    salutation_line: LazyPattern
    salutation_line_ends: frozenset[str]
    """The characters a line address ends with before its colon (们, and the last of each
    address role: 学员, 干部…): a colon after any other is no line address's."""
    """An address at a line start that none of the addressee words gives away (少先队员们：)."""
    greetings: LazyPattern
    """A greeting run on after an address and its comma (同志们，大家好！)."""
    address_modifiers: LazyPattern
    address_role: LazyPattern
    """An addressee named by a role after address modifiers (全体学员, 各位党员, 全市广大青年)."""
    """Words that may stand before a known addressee in a line-start address (全市广大…)."""
    not_addressees: tuple[str, ...]
    """Pronouns ending like an addressee (我们：): no address ends with one."""
    not_addresses: frozenset[str]
    """Words ending like an addressee that are no address as a whole (人们：; 工人们： is one)."""
    site_reader: LazyPattern
    """Whom a site's own notice addresses (尊敬的用户，…), address modifiers before it: no
    speech's audience."""
    subtitle: LazyPattern
    occasion: LazyPattern
    date_in_text: LazyPattern
    metadata_date: LazyPattern
    date_line: LazyPattern
    speaker_line: LazyPattern
    front_note: LazyPattern
    front_issuer: LazyPattern  # a front line naming the issuing organisation only (…人民政府办公室)
    body_subject: LazyPattern
    dash: LazyPattern
    single_dash: LazyPattern
    escaped_space: LazyPattern
    dateline_end: LazyPattern
    dateline: LazyPattern
    title_frame_opens: tuple[str, ...]
    title_frame_close: str
    caption: LazyPattern
    speech_title: LazyPattern
    speech_kind: LazyPattern
    openers: LazyPattern
    opener_years: LazyPattern  # a year opening the body, a placeholder's too (2024年，…, XX年，…): among openers
    openers_weak: LazyPattern
    openers_sure: LazyPattern
    title_finals: frozenset[str]
    title_final_lengths: tuple[int, ...]
    title_finals_any: LazyPattern
    subhead_openers: LazyPattern
    chain_closer: LazyPattern
    endnote_occasion: LazyPattern  # a journal's note after the speech naming its date (※这是…2020年6月2日在…的讲话)
    title_bad_finals: frozenset[str]
    title_bad_final_lengths: tuple[int, ...]
    title_bad_final_chars: frozenset[str]
    announced_item_opens: frozenset[str]
    announced_item_closes: frozenset[str]
    title_open_frame: LazyPattern
    glued: GluedVocab
    data: Mapping[str, Any] = field(default_factory=dict, repr=False)
    """The merged vocab.json data it was built from."""
    chrome_data: Mapping[str, Any] | None = field(default=None, repr=False)
    """The merged chrome.json data; None: the built-in chrome."""
    source: str = "built-in"
    """Where the extension came from (a file name, ``<dict>``), or ``built-in``."""
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    """Patterns derived from this vocabulary (:func:`per_vocabulary`)."""


@dataclass(frozen=True)
class GluedVocab:
    """Patterns for front matter run together (data/vocab.json ``glued_front``)."""

    title_words: LazyPattern
    breaks: LazyPattern
    subtitle: LazyPattern
    date: LazyPattern
    speaker_office: LazyPattern
    speaker_prefix: LazyPattern
    speaker_prefix_max: int
    speaker_space: LazyPattern
    speaker_name: LazyPattern
    max_name_length: int
    title_bad: LazyPattern
    title_marks: LazyPattern  # the note mark after a title (…体系※习近平)
    title_note: LazyPattern  # a bracketed edition note after a title word (…工作报告（摘要）)
    category_max: int  # a category label glued before a title is at most this long (领导讲话)
    occasion_title: LazyPattern  # how a speech title opens: 在…会议上的(讲话)
    place_year_title: LazyPattern  # …or a report's or script's, with its place and year: 青禾区2024年…
    body_openers: LazyPattern
    sentence_openers: LazyPattern  # words that only open a sentence (值此): a title ended before them
    min_repeat: int
    min_restated: int
    lookahead: int
    max_candidates: int
    clause_continuations: LazyPattern
    clause_punctuation: CharClass  # a title never ends with one (主席先生，各位同事：)
    not_names: LazyPattern
    subtitle_max: int
    speaker_office_max: int


_PLACEHOLDER = compile_regex(r"\{([a-z_]+)\}")


def _expand(pattern: str, pieces: dict[str, str]) -> str:
    """``pattern`` with each ``{name}`` of ``pieces`` written out (``{2,80}`` is left alone):
    a word list or a sub-pattern is kept once in the data and used by several patterns."""
    return _PLACEHOLDER.sub(lambda m: pieces.get(m.group(1), m.group()), pattern)


_ACTIVE: ContextVar[Vocabulary | None] = ContextVar("officialspeech_vocabulary", default=None)
_F = TypeVar("_F", bound=Callable[..., Any])
_V = TypeVar("_V")


def vocabulary() -> Vocabulary:
    """The active compiled vocabulary: the built-in one (built once per process) unless
    :func:`using` made another active."""
    active = _ACTIVE.get()
    return active if active is not None else _builtin()


def per_vocabulary(fn: _F) -> _F:
    """Cache ``fn`` (hashable arguments) once per vocabulary: for the built-in one like
    ``functools.cache``, for an extension in that vocabulary's ``memo``. Use it instead of
    ``@cache`` on anything derived from :func:`vocabulary`, :func:`grammar_words` or
    :func:`chrome_rules`."""
    builtin = cache(fn)

    @wraps(fn)
    def wrapper(*args: Any) -> Any:
        active = _ACTIVE.get()
        if active is None:
            return builtin(*args)
        key = (wrapper, args)
        memo = active.memo
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = fn(*args)
            return value

    wrapper.cache_clear = builtin.cache_clear  # type: ignore[attr-defined]
    return cast(_F, wrapper)


@contextmanager
def using(voc: Vocabulary | None) -> Iterator[Vocabulary]:
    """Make ``voc`` the active vocabulary in this context (None: the built-in one)."""
    token = _ACTIVE.set(voc)
    try:
        yield voc if voc is not None else _builtin()
    finally:
        _ACTIVE.reset(token)


def activate(voc: Vocabulary | None) -> None:
    """Make ``voc`` the active vocabulary for the rest of this context (a worker process)."""
    _ACTIVE.set(voc)


@cache
def _builtin() -> Vocabulary:
    return _compile(_load("vocab.json"))


def _compile(v: dict[str, Any], chrome_data: Mapping[str, Any] | None = None, source: str = "built-in") -> Vocabulary:
    sal = v["salutation"]
    words = _grammar_words(v)
    variants = _variants(v)
    # shared pieces: the date, the venues (kept in order: an alternation tried left to right)
    # and the offices (listed under glued_front)
    pieces = {"date": f"(?:{v['date']})", "venues": "(?:" + "|".join(map(regex.escape, v["venues"])) + ")",
              "offices": f"(?:{_alternation(_with_variants(v['glued_front']['speaker_offices'], variants))})",
              "speaker_labels": f"(?:{_alternation(v['speaker_labels'])})",
              "agencies": f"(?:{_alternation(v['news_agencies'])})", "agenda": f"(?:{variant_pattern(v['agenda'], variants)})",
              "dash": v["dash"], "single_dash": v["single_dash"]}
    pieces["dateline"] = f"(?:{_expand(v['dateline'], pieces)})"
    roles = _with_variants(sal.get("address_roles", []), variants)
    return Vocabulary(
        boundary_before=CharClass(v["boundary_before"]),
        credit_before=LazyPattern(v["credit_before"]),
        credit_end=str(v["credit_end"]),
        sentence_end=LazyPattern(v["sentence_end"]),
        title_end=LazyPattern(v["title_end"]),
        heading_bad_next=CharClass(v["heading_bad_next"]),
        heading_bad_next_arabic=CharClass(v["heading_bad_next_arabic"]),
        heading_bad_next_paren=CharClass(v["heading_bad_next_paren"]),
        heading_bad_prev=CharClass(v["heading_bad_prev"]),
        binding_finals=CharClass(v["binding_finals"]),
        heading_word_across_break=LazyPattern(v["heading_word_across_break"]),
        point_bad_prev=CharClass(v["point_bad_prev"]),
        point_bad_next=CharClass(v["point_bad_next"]),
        point_verb_bad_next=CharClass(v["point_verb_bad_next"]),
        point_verb_bare_number=LazyPattern(v["point_verb_bare_number"]),
        sequence_words=_variant_keys(dict(v["point_sequence_words"]), variants),
        sequence_requires=_variant_keys({k: LazyPattern(_expand(x, pieces))
                                         for k, x in v.get("point_sequence_requires", {}).items()}, variants),
        agenda_steps=frozenset(_variant_keys({k: k for k, x in v.get("point_sequence_requires", {}).items()
                                              if x == "{agenda}"}, variants)),
        sequence_bad_next=CharClass(v["point_sequence_bad_next"]),
        max_title_length=int(v["max_title_length"]),
        container_headings=LazyPattern(rf"(?:{_alternation(v['container_headings'])})[：:]?"),
        container_last_chars=frozenset(w[-1] for w in v["container_headings"]),
        announcement=LazyPattern(v["announcement"]),
        announcement_count=LazyPattern(v["announcement_count"]),
        stripped=LazyPattern(v["stripped_punctuation"]),
        numeral_words=LazyPattern(_alternation(v["numeral_words"])),
        bare_numeral_bad_next=CharClass(v["bare_numeral_bad_next"]),
        never_split=LazyPattern(_alternation(v["never_split"])),
        salutation_hint=LazyPattern(f"{words['addressees']}|{words['honorifics']}|{words['collective']}"),
        salutation_addressee=LazyPattern(words["addressees"]),
        salutation_honorific=LazyPattern(words["honorifics"]),
        salutation_item_before=LazyPattern(f"(?:{words['honorifics']})(?:{sal['honorific_item']})"
                                           f"|(?:{sal['item']})?(?:{words['addressee_suffixes']})"),
        salutation_title=LazyPattern(words["addressee_suffixes"]),
        salutation_max=int(sal["max_length"]),
        salutation_line=LazyPattern(sal["line_address"].replace("{honorifics}", words["honorifics"])
                                    .replace("{address_modifiers}", sal["address_modifiers"])
                                    .replace("{address_roles}", _alternation(roles))
                                    .replace("{address_organisations}", _alternation(sal.get("address_organisations", [])))),
        salutation_line_ends=frozenset({"们", "們", *(w[-1] for w in roles),
                                        *(w[-1] for w in sal.get("address_organisations", []))}),
        greetings=LazyPattern(sal["greetings"]),
        address_modifiers=LazyPattern(sal["address_modifiers"]),
        address_role=LazyPattern(f"(?:{sal['address_modifiers']})[^\\s:：。！？!?;；,，、“”《》]{{0,12}}?(?:{_alternation(roles)})"),
        not_addressees=tuple(sal["not_addressees"]),
        not_addresses=frozenset(sal["not_addresses"]),
        site_reader=LazyPattern(f"(?:{sal['address_modifiers']})?(?:{sal.get('site_reader', '(?!)')})"),
        subtitle=LazyPattern(variant_pattern(_expand(v["subtitle"], pieces), variants)),
        dash=LazyPattern(v["dash"]),
        single_dash=LazyPattern(v["single_dash"]),
        escaped_space=LazyPattern(v["escaped_space"]),
        dateline_end=LazyPattern(v["dateline_end"]),
        occasion=LazyPattern(_expand(v["occasion"], pieces)),
        date_in_text=LazyPattern(v["date_in_text"]),
        metadata_date=LazyPattern(v["metadata_date"]),
        date_line=LazyPattern(v["date_line"]),
        speaker_line=LazyPattern(_expand(v["speaker_line"], pieces)),
        front_note=LazyPattern(v["front_note"]),
        front_issuer=LazyPattern(v["front_issuer"]),
        body_subject=LazyPattern(v["body_subject"]),
        dateline=LazyPattern(pieces["dateline"]),
        title_frame_opens=tuple(v["title_frames"]["opens"]),
        title_frame_close=v["title_frames"]["closes"],
        caption=LazyPattern(v["caption"]),
        speech_title=LazyPattern(_alternation(_with_variants(v["glued_front"]["title_words"], variants))),
        speech_kind=LazyPattern(variant_pattern(v["speech_kind"], variants)),
        openers=LazyPattern(_alternation(v["openers"]) + "|" + v["opener_years"]),
        opener_years=LazyPattern(v["opener_years"]),
        openers_weak=LazyPattern(_alternation(v["openers_weak"])),
        openers_sure=LazyPattern(_alternation(v["openers_sure"])),
        title_finals=frozenset(v["title_finals"]),
        title_final_lengths=tuple(sorted({len(w) for w in v["title_finals"]})),
        title_finals_any=LazyPattern(_alternation(v["title_finals"])),
        subhead_openers=LazyPattern(_alternation(v["subhead_openers"])),
        chain_closer=LazyPattern(rf"[，,][ 　]*(?:{_alternation(v['chain_closers'])})"),
        endnote_occasion=LazyPattern(v.get("endnote_occasion", "(?!)")),
        title_bad_finals=frozenset(v["title_bad_finals"]),
        title_bad_final_lengths=tuple(sorted({len(w) for w in v["title_bad_finals"]})),
        title_bad_final_chars=frozenset(w[-1] for w in v["title_bad_finals"]),
        announced_item_opens=frozenset(v["announced_items"]["opens"]),
        announced_item_closes=frozenset(v["announced_items"]["closes"]),
        title_open_frame=LazyPattern(v["title_open_frame"]),
        glued=_glued(v["glued_front"], pieces, variants),
        data=v,
        chrome_data=chrome_data,
        source=source,
    )


def grammar_words() -> dict[str, str]:
    """The word lists the marker grammar takes from the active vocabulary, as patterns: each
    ``{name}`` in grammars/markers.lark is written out with ``grammar_words()[name]``."""
    active = _ACTIVE.get()
    if active is None:
        return _builtin_grammar_words()
    return cast(dict[str, str], _memo(active, "grammar_words", lambda: _grammar_words(dict(active.data))))


@cache
def _builtin_grammar_words() -> dict[str, str]:
    return _grammar_words(_load("vocab.json"))


def _memo(voc: Vocabulary, key: str, make: Callable[[], Any]) -> Any:
    try:
        return voc.memo[key]
    except KeyError:
        value = voc.memo[key] = make()
        return value


def _variants(v: dict[str, Any]) -> dict[int, str]:
    """The variant forms of characters (traditional: 們, 講, 謝…) as a translation table."""
    return str.maketrans(v["salutation"].get("variant_chars", {}))


def _grammar_words(v: dict[str, Any]) -> dict[str, str]:
    sal = v["salutation"]
    variants = _variants(v)
    return {
        "addressees": _alternation(_with_variants(sal["addressees"], variants)),
        "honorifics": _alternation(_with_variants(sal["honorifics"], variants)),
        "addressee_suffixes": _alternation(_with_variants(sal.get("addressee_suffixes", []), variants)),
        "sequence_words": _alternation(_with_variants(list(v["point_sequence_words"]), variants)),
        "item": sal["item"],
        "honorific_item": sal["honorific_item"],
        "collective": regex.escape(sal["collective_prefix"]),
        "collective_item": sal.get("collective_item", sal["item"]),
        # (the formulas are patterns, tried after the words; the words' traditional forms are
        # listed in the data: every variant of every word would double a pattern the closing
        # rule holds four times, a millisecond of every process's start)
        "closing_words": "|".join([*map(regex.escape, v["closing_words"]), *v.get("closing_formulas", [])]),
        "closing_leads": "|".join(map(regex.escape, v["closing_leads"])),
    }


def _variant_keys(by_word: dict[str, _V], variants: dict[int, str]) -> dict[str, _V]:
    """``by_word`` with each word's variant form as a key too (最后 and 最後: the same role)."""
    out = dict(by_word)
    for word, value in by_word.items():
        out.setdefault(word.translate(variants), value)
    return out


def variant_pattern(pattern: str, variants: dict[int, str]) -> str:
    """``pattern`` matching each character that has a variant in either form (讲话 -> [讲講][话話];
    inside a class the variant joins it). Escapes (``\\p{Han}``, ``\\d``), groups, counts and
    ``{name}`` pieces are kept as they are."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            j = i + 2
            if i + 1 < n and pattern[i + 1] in "pPN" and j < n and pattern[j] == "{":
                j = pattern.index("}", j) + 1
            out.append(pattern[i:j])
            i = j
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        v = variants.get(ord(ch))
        if v is not None and v != ch:
            out.append(ch + v if in_class else f"[{ch}{v}]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _with_variants(words: list[str], variants: dict[int, str]) -> list[str]:
    """``words`` and their forms with every character that has a variant written in it
    (同志们, 同志們)."""
    return list(dict.fromkeys([*words, *(w.translate(variants) for w in words)]))


def _glued(g: dict[str, Any], pieces: dict[str, str], variants: dict[int, str]) -> GluedVocab:
    return GluedVocab(
        title_words=LazyPattern(_alternation(_with_variants(g["title_words"], variants))),
        breaks=LazyPattern(_expand(g["break"], pieces)),
        subtitle=LazyPattern(variant_pattern(_expand(g["subtitle"], pieces), variants)),
        date=LazyPattern(_expand(g["date"], pieces)),
        speaker_office=LazyPattern(_alternation(_with_variants(g["speaker_offices"], variants))),
        speaker_prefix=LazyPattern(f"(?:{g['speaker_prefix']})*"),
        speaker_prefix_max=int(g["speaker_prefix_max"]),
        speaker_space=LazyPattern(g["speaker_space"]),
        speaker_name=LazyPattern(g["speaker_name"]),
        max_name_length=int(g["max_name_length"]),
        title_bad=LazyPattern(g["title_bad"]),
        title_marks=LazyPattern(g["title_marks"]),
        title_note=LazyPattern(f"[（(](?:{_alternation(g.get('title_notes', []))})[）)]" if g.get("title_notes") else "(?!)"),
        category_max=int(g["category_max"]),
        occasion_title=LazyPattern(g["occasion_title"]),
        place_year_title=LazyPattern(g["place_year_title"]),
        body_openers=LazyPattern(_alternation(g["body_openers"])),
        sentence_openers=LazyPattern(_alternation(g["sentence_openers"])),
        min_repeat=int(g["min_repeat"]),
        min_restated=int(g["min_restated"]),
        lookahead=int(g["lookahead"]),
        max_candidates=int(g["max_candidates"]),
        clause_continuations=LazyPattern(f"(?:{_alternation(g['clause_continuations'])})|{g['clause_punctuation']}"),
        clause_punctuation=CharClass(g["clause_punctuation"]),
        not_names=LazyPattern(_alternation(g["not_names"])),
        subtitle_max=int(g["subtitle_max_length"]),
        speaker_office_max=max(len(w) for w in g["speaker_offices"]),
    )


Where = Literal["edges", "anywhere"]


@dataclass(frozen=True)
class ChromeLine:
    """One chrome line pattern of a site family."""

    site: str
    name: str
    where: Where
    pattern: LazyPattern
    match: Literal["line", "prefix", "suffix"] = "line"
    not_before: LazyPattern | None = None
    """A line is not this chrome when the next non-blank line matches this (a title line
    above its subtitle: 知敬畏　存戒惧　守底线 over ——在…党课上的讲稿 is no keyword list)."""

    @property
    def multiline(self) -> regex.Pattern[str]:
        """The pattern with ^ and $ at line boundaries, to search a whole text at once."""
        return _multiline(self.pattern.pattern)

    @cached_property
    def first(self) -> re.Pattern[str] | None:
        """What a line this pattern matches (from its start) opens with, when that can be told:
        a line opening otherwise is not tried (None: every line is)."""
        return first_class(self.pattern.pattern) if self.match != "suffix" else None

    @cached_property
    def last(self) -> re.Pattern[str] | None:
        """What a line this pattern matches ends with, when that can be told (a whole-line
        rule, or a suffix rule anchored with ``$``): a line ending otherwise is not tried."""
        p = self.pattern.pattern
        anchored = self.match == "line" or (self.match == "suffix" and p.endswith("$") and not p.endswith("\\$"))
        return last_class(p) if anchored else None

    @cached_property
    def required(self) -> frozenset[str]:
        """Characters a line this pattern matches holds: a line without one is not tried."""
        return required_chars(self.pattern.pattern)

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """Sets of characters (each a string) of which a line this pattern matches holds at
        least one each, the smallest first: a line missing a set is not tried."""
        return pattern_needs(self.pattern)

    @cached_property
    def widths(self) -> tuple[int, int]:
        """The fewest and most characters of a line this pattern matches (a 'line' rule
        matches it whole; a prefix or suffix rule, a part): a line of another length is not
        tried. (0, no bound) when that cannot be told."""
        found = match_widths(self.pattern.pattern) if not self.pattern.flags else None
        lo, hi = found if found is not None else (0, sys.maxsize)
        return lo, hi if self.match == "line" else sys.maxsize


@dataclass(frozen=True)
class ChromeBlock:
    """A chrome block: a start line and the lines that continue it."""

    site: str
    name: str
    where: Where
    start: LazyPattern
    cont: LazyPattern
    max_lines: int | None = None

    @property
    def start_multiline(self) -> regex.Pattern[str]:
        """The start pattern with ^ and $ at line boundaries, to search a whole text at once."""
        return _multiline(self.start.pattern)

    @cached_property
    def first(self) -> re.Pattern[str] | None:
        """What the start line of the block opens with, when that can be told (None: every
        line may start it)."""
        return first_class(self.start.pattern)


@dataclass(frozen=True)
class ChromeInline:
    """A chrome pattern as it looks inside glued front matter (searched anywhere in the run)."""

    site: str
    name: str
    pattern: LazyPattern
    titled: bool = False  # what stands just before a hit is a title (6800字, .docx)
    meta: bool = False
    """An article page's meta line (发布时间：…, 来源：…): the stretch the run opens with before the
    first such hit may be the page's title, one with no title word (…大会召开2024-06-14 08:02 来源：…)."""

    @cached_property
    def needs(self) -> tuple[str, ...]:
        """Sets of characters (each a string) of which a hit holds one each, the smallest
        first: a run missing a set holds no hit."""
        return pattern_needs(self.pattern)

    @cached_property
    def first(self) -> re.Pattern[str] | None:
        """A one-character pattern of what a hit can start with (None: it cannot be told)."""
        return first_class(self.pattern.pattern)


@dataclass(frozen=True)
class ChromeRules:
    """All chrome patterns from data/chrome.json."""

    lines: tuple[ChromeLine, ...]
    blocks: tuple[ChromeBlock, ...]
    inline: tuple[ChromeInline, ...] = ()
    after_end: tuple[ChromeInline, ...] = ()
    """Chrome as it looks glued right after the end of a speech (谢谢大家！此文档下载收益…)."""


def pattern_needs(pattern: LazyPattern) -> tuple[str, ...]:
    """The sets of characters every match of ``pattern`` holds one of each (see
    :func:`firsts.required_sets`; the characters it always holds among them), smallest first."""
    if pattern.flags:
        return ()
    sets = {*required_sets(pattern.pattern), *required_chars(pattern.pattern)}
    return tuple(sorted(sets, key=lambda x: (len(x), x)))


@cache
def _multiline(pattern: str) -> regex.Pattern[str]:
    return compile_regex(pattern, regex.MULTILINE)


_META = set(".^$*+?{}[]\\|()")


@cache
def literal_prefix(pattern: str) -> str:
    """The plain characters a ``^``-anchored pattern starts with ('' when none): a text
    without them cannot match, which a fast ``in`` test tells."""
    body = pattern[1:] if pattern.startswith("^") else ""
    out: list[str] = []
    for i, ch in enumerate(body):
        if ch in _META:
            # a quantifier applies to the character before it: drop that one too
            if ch in "*+?{" and out:
                out.pop()
            break
        out.append(ch)
        if i + 1 < len(body) and body[i + 1] in "*+?{":
            out.pop()
            break
    return "".join(out)


def chrome_rules() -> ChromeRules:
    """The compiled chrome patterns of the active vocabulary (the built-in ones are built
    once per process)."""
    active = _ACTIVE.get()
    if active is None or active.chrome_data is None:
        return _builtin_chrome_rules()
    data = active.chrome_data
    return cast(ChromeRules, _memo(active, "chrome_rules", lambda: _chrome_rules(data, active.data)))


@cache
def _builtin_chrome_rules() -> ChromeRules:
    return _chrome_rules(_load("chrome.json"), _builtin().data)


def _chrome_rules(data: Mapping[str, Any], vocab_data: Mapping[str, Any]) -> ChromeRules:
    # each label list once: {name} in a pattern is the alternation of words[name] (in order)
    pieces = {k: "(?:" + "|".join(ws) + ")" for k, ws in data.get("words", {}).items()}
    # every pattern matches both forms of the characters with a variant (首页 and 首頁): the
    # vocabulary's table (``vocab_data``, the vocabulary's merged data) and the chrome data's own
    variants = str.maketrans({**vocab_data["salutation"].get("variant_chars", {}),
                              **data.get("variant_chars", {})})

    def expand(pattern: str) -> LazyPattern:
        return LazyPattern(variant_pattern(_expand(pattern, pieces), variants))

    lines: list[ChromeLine] = []
    blocks: list[ChromeBlock] = []
    inline: list[ChromeInline] = []
    after_end: list[ChromeInline] = []
    # compiled on first use (LazyPattern): a text meets few of the rules, and the command line
    # pays only for those (``vocab_extension`` compiles them all up front to check them)
    for site, fam in data["families"].items():
        inline.extend(ChromeInline(site, e["name"], expand(e["pattern"]), bool(e.get("titled")),
                                   bool(e.get("meta")))
                      for e in fam.get("inline", []))
        after_end.extend(ChromeInline(site, e["name"], expand(e["pattern"]))
                         for e in fam.get("after_end", []))
        for entry in fam.get("lines", []):
            not_before = entry.get("not_before")
            lines.append(ChromeLine(site, entry["name"], entry["where"], expand(entry["pattern"]),
                                    entry.get("match", "line"),
                                    None if not_before is None else expand(not_before)))
        for entry in fam.get("blocks", []):
            blocks.append(ChromeBlock(site, entry["name"], entry.get("where", "anywhere"),
                                      expand(entry["start"]),
                                      expand(entry["continue"]), entry.get("max_lines")))
    return ChromeRules(tuple(lines), tuple(blocks), tuple(inline), tuple(after_end))
