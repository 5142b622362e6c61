"""The genre vocabulary and site-chrome patterns, loaded once from the package data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import regex


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("officialspeech").joinpath(f"data/{name}").read_text("utf-8")
    )
    return data


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Vocabulary:
    """Compiled word lists and patterns from data/vocab.json."""

    boundary_before: regex.Pattern[str]
    sentence_end: regex.Pattern[str]
    title_end: regex.Pattern[str]
    heading_bad_next: regex.Pattern[str]
    heading_bad_next_arabic: regex.Pattern[str]
    heading_bad_next_paren: regex.Pattern[str]
    heading_bad_prev: regex.Pattern[str]
    point_bad_prev: regex.Pattern[str]
    point_bad_next: regex.Pattern[str]
    sequence_words: dict[str, str]
    sequence_requires: dict[str, regex.Pattern[str]]
    sequence_bad_next: regex.Pattern[str]
    max_title_length: int
    container_headings: regex.Pattern[str]
    announcement: regex.Pattern[str]
    announcement_count: regex.Pattern[str]
    stripped: regex.Pattern[str]
    numeral_words: regex.Pattern[str]
    bare_numeral_bad_next: regex.Pattern[str]
    never_split: regex.Pattern[str]
    salutation: regex.Pattern[str]
    salutation_hint: regex.Pattern[str]
    salutation_addressee: regex.Pattern[str]
    salutation_max: int
    closing: regex.Pattern[str]
    subtitle: regex.Pattern[str]
    occasion: regex.Pattern[str]
    date_line: regex.Pattern[str]
    speaker_line: regex.Pattern[str]
    caption: regex.Pattern[str]
    speech_title: regex.Pattern[str]
    speech_kind: regex.Pattern[str]
    openers: regex.Pattern[str]
    openers_weak: regex.Pattern[str]
    openers_sure: regex.Pattern[str]
    title_finals: regex.Pattern[str]
    title_finals_any: regex.Pattern[str]


@cache
def vocabulary() -> Vocabulary:
    """The compiled vocabulary (built once per process)."""
    v = _load("vocab.json")
    sal = v["salutation"]
    addressee = _alternation(sal["addressees"])
    honorific = _alternation(sal["honorifics"])
    item = sal["item"]
    long_item = sal["honorific_item"]
    # An address: comma/、-separated items, at least one a known addressee, an
    # honorific-led or a 各-led item, closed by a colon.
    known = rf"(?:(?:{honorific}){long_item}|各{item}|(?:{addressee}))"
    any_item = rf"(?:(?:{honorific}){long_item}|{item})"
    sep = r"[、，,][ \u3000]*"
    salutation = rf"(?:{any_item}{sep}){{0,6}}?{known}(?:{sep}{any_item}){{0,8}}?[ \u3000]*[：:]"
    return Vocabulary(
        boundary_before=regex.compile(v["boundary_before"]),
        sentence_end=regex.compile(v["sentence_end"]),
        title_end=regex.compile(v["title_end"]),
        heading_bad_next=regex.compile(v["heading_bad_next"]),
        heading_bad_next_arabic=regex.compile(v["heading_bad_next_arabic"]),
        heading_bad_next_paren=regex.compile(v["heading_bad_next_paren"]),
        heading_bad_prev=regex.compile(v["heading_bad_prev"]),
        point_bad_prev=regex.compile(v["point_bad_prev"]),
        point_bad_next=regex.compile(v["point_bad_next"]),
        sequence_words=dict(v["point_sequence_words"]),
        sequence_requires={k: regex.compile(x) for k, x in v.get("point_sequence_requires", {}).items()},
        sequence_bad_next=regex.compile(v["point_sequence_bad_next"]),
        max_title_length=int(v["max_title_length"]),
        container_headings=regex.compile(rf"(?:{_alternation(v['container_headings'])})[：:]?"),
        announcement=regex.compile(v["announcement"]),
        announcement_count=regex.compile(v["announcement_count"]),
        stripped=regex.compile(v["stripped_punctuation"]),
        numeral_words=regex.compile(_alternation(v["numeral_words"])),
        bare_numeral_bad_next=regex.compile(v["bare_numeral_bad_next"]),
        never_split=regex.compile(_alternation(v["never_split"])),
        salutation=regex.compile(salutation),
        salutation_hint=regex.compile(rf"{addressee}|{honorific}|各"),
        salutation_addressee=regex.compile(addressee),
        salutation_max=int(sal["max_length"]),
        closing=regex.compile(v["closing"]),
        subtitle=regex.compile(v["subtitle"]),
        occasion=regex.compile(v["occasion"]),
        date_line=regex.compile(v["date_line"]),
        speaker_line=regex.compile(v["speaker_line"]),
        caption=regex.compile(v["caption"]),
        speech_title=regex.compile(v["speech_title"]),
        speech_kind=regex.compile(v["speech_kind"]),
        openers=regex.compile(_alternation(v["openers"]) + r"|(?:19|20)\d\d年"),
        openers_weak=regex.compile(_alternation(v["openers_weak"])),
        openers_sure=regex.compile(_alternation(v["openers_sure"])),
        title_finals=regex.compile(rf"(?:{_alternation(v['title_finals'])})$"),
        title_finals_any=regex.compile(_alternation(v["title_finals"])),
    )


Where = Literal["edges", "anywhere"]


@dataclass(frozen=True)
class ChromeLine:
    """One chrome line pattern of a site family."""

    site: str
    name: str
    where: Where
    pattern: regex.Pattern[str]
    match: Literal["line", "prefix", "suffix"] = "line"

    @property
    def multiline(self) -> regex.Pattern[str]:
        """The pattern with ^ and $ at line boundaries, to search a whole text at once."""
        return _multiline(self.pattern.pattern)


@dataclass(frozen=True)
class ChromeBlock:
    """A chrome block: a start line and the lines that continue it."""

    site: str
    name: str
    where: Where
    start: regex.Pattern[str]
    cont: regex.Pattern[str]
    max_lines: int | None = None

    @property
    def start_multiline(self) -> regex.Pattern[str]:
        """The start pattern with ^ and $ at line boundaries, to search a whole text at once."""
        return _multiline(self.start.pattern)


@dataclass(frozen=True)
class ChromeRules:
    """All chrome patterns from data/chrome.json."""

    lines: tuple[ChromeLine, ...]
    blocks: tuple[ChromeBlock, ...]


@cache
def _multiline(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.MULTILINE)


@cache
def chrome_rules() -> ChromeRules:
    """The compiled chrome patterns (built once per process)."""
    data = _load("chrome.json")
    lines: list[ChromeLine] = []
    blocks: list[ChromeBlock] = []
    for site, fam in data["families"].items():
        for entry in fam.get("lines", []):
            lines.append(ChromeLine(site, entry["name"], entry["where"], regex.compile(entry["pattern"]),
                                    entry.get("match", "line")))
        for entry in fam.get("blocks", []):
            blocks.append(ChromeBlock(site, entry["name"], entry.get("where", "anywhere"), regex.compile(entry["start"]),
                                      regex.compile(entry["continue"]), entry.get("max_lines")))
    return ChromeRules(tuple(lines), tuple(blocks))
