"""Synonym-spinning ("伪原创") corruption: find it, and repair it on request.

The lexicon (data/spinning.json) says, for each spun form, where it certainly replaced the
correct word (the correct word's collocations around it), where it is legitimate, and
whether other occurrences are suspect.  ``repair_text`` applies certain corrections (and
suspect ones on request) and lists every change with its span in the original and in the
repaired text, so spans of the original stay recoverable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from .compiled import compile_regex
from .packaged import package_text
from .parse.positions import LineIndex

Confidence = Literal["certain", "suspect"]


class SpinHit(BaseModel):
    """A spun word: where it stands, what it should read, how sure the lexicon is."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int
    wrong: str
    correction: str
    confidence: Confidence
    rule: str


class Change(BaseModel):
    """One applied correction: ``original[start:end]`` became ``repaired[new_start:new_end]``."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    new_start: int
    new_end: int
    wrong: str
    correction: str
    confidence: Confidence
    rule: str


class Repair(BaseModel):
    """The repaired text and the changes that made it."""

    model_config = ConfigDict(frozen=True)

    text: str
    changes: list[Change]

    def original_offset(self, offset: int) -> int:
        """The offset in the original text of a character at ``offset`` of the repaired text
        (inside a change: the start of the changed word)."""
        shift = 0
        for c in self.changes:
            if offset < c.new_start:
                break
            if offset < c.new_end:
                return c.start
            shift = c.end - c.new_end
        return offset + shift


@dataclass(frozen=True)
class _Entry:
    rule: str
    spun: str
    correct: str
    certain: regex.Pattern[str] | None
    legit: regex.Pattern[str] | None
    suspect: bool
    suspect_context: regex.Pattern[str] | None = None


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) if not any(c in w for c in "[]") else w
                    for w in sorted(words, key=len, reverse=True))


@cache
def _lexicon() -> tuple[list[_Entry], regex.Pattern[str]]:
    data = json.loads(package_text("data/spinning.json"))
    entries: list[_Entry] = []
    for p in data["pairs"]:
        spun = regex.escape(p["spun"])
        parts = []
        if p["before"]:
            parts.append(f"(?<=(?:{_alt(p['before'])})){spun}")
        if p["after"]:
            parts.append(f"{spun}(?=(?:{_alt(p['after'])}))")
        parts.extend(p["patterns"])
        certain = compile_regex("|".join(parts)) if parts else None
        legit = compile_regex("|".join(p["legit"])) if p["legit"] else None
        maybe = compile_regex(f"(?<=(?:{_alt(p['suspect_before'])})){spun}") if p.get("suspect_before") else None
        entries.append(_Entry(p["id"], p["spun"], p["correct"], certain, legit, bool(p["suspect"]), maybe))
    comp = data["compounds"]
    for word in comp["words"]:
        stem = word[: -len(comp["correct_suffix"])]
        spun = stem + comp["spun_suffix"]
        legit_before = [w for w in comp["legit_before"] if w.endswith(stem)]
        legit_parts = [f"(?:{_alt(legit_before)})(?<={regex.escape(spun)}|{regex.escape(stem)})"] if legit_before else []
        legit_parts.append(f"{regex.escape(spun)}(?:{comp['legit_after']})")
        legit_parts.extend(f"{regex.escape(w[:-len(stem)])}{regex.escape(spun)}" for w in legit_before)
        entries.append(_Entry("ze-" + stem, spun, word, compile_regex(regex.escape(spun)),
                              compile_regex("|".join(legit_parts)), False))
    hint = compile_regex(_alt(sorted({e.spun for e in entries})))
    return entries, hint


def find_spinning(text: str, include_suspect: bool = True) -> list[SpinHit]:
    """The spun words of ``text`` in order (suspect ones too unless ``include_suspect`` is false)."""
    entries, hint = _lexicon()
    if not hint.search(text):
        return []
    index = LineIndex(text)
    hits: dict[int, SpinHit] = {}
    for e in entries:
        legit_spans = [m.span() for m in e.legit.finditer(text)] if e.legit else []

        def is_legit(s: int, t: int, spans: list[tuple[int, int]] = legit_spans) -> bool:
            return any(a < t and s < b for a, b in spans)

        certain_at: set[int] = set()
        if e.certain is not None:
            for m in e.certain.finditer(text):
                s = text.find(e.spun, m.start(), m.end() + len(e.spun))
                if s == -1 or is_legit(s, s + len(e.spun)):
                    continue
                certain_at.add(s)
        for s in sorted(certain_at):
            hits[s] = _hit(index, s, e, "certain")
        if e.suspect_context is not None and include_suspect:
            for m in e.suspect_context.finditer(text):
                s = m.start()
                if s not in hits and not is_legit(s, s + len(e.spun)):
                    hits[s] = _hit(index, s, e, "suspect")
        if e.suspect and include_suspect:
            at = text.find(e.spun)
            while at != -1:
                if at not in certain_at and at not in hits and not is_legit(at, at + len(e.spun)):
                    hits[at] = _hit(index, at, e, "suspect")
                at = text.find(e.spun, at + 1)
    return [hits[k] for k in sorted(hits)]


def _hit(index: LineIndex, start: int, e: _Entry, confidence: Confidence) -> SpinHit:
    line, column = index.position(start)
    return SpinHit(start=start, end=start + len(e.spun), line=line, column=column, wrong=e.spun,
                   correction=e.correct, confidence=confidence, rule=e.rule)


def repair_text(text: str, include_suspect: bool = False) -> Repair:
    """``text`` with its certain spun words corrected (suspect ones too when asked)."""
    hits = [h for h in find_spinning(text, include_suspect) if include_suspect or h.confidence == "certain"]
    out: list[str] = []
    changes: list[Change] = []
    pos = 0
    new_len = 0
    for h in hits:
        if h.start < pos:
            continue
        out.append(text[pos:h.start])
        new_len += h.start - pos
        out.append(h.correction)
        changes.append(Change(start=h.start, end=h.end, new_start=new_len, new_end=new_len + len(h.correction),
                              wrong=h.wrong, correction=h.correction, confidence=h.confidence, rule=h.rule))
        new_len += len(h.correction)
        pos = h.end
    out.append(text[pos:])
    return Repair(text="".join(out), changes=changes)
