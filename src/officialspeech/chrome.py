"""Recognise site chrome lines around a speech and the metadata they carry."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

import regex

from .vocab import ChromeLine, chrome_rules, vocabulary

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_DATE = regex.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


@dataclass(frozen=True, slots=True)
class Line:
    """A physical line: ``start``/``end`` exclude the line break; ``text`` is the stripped content."""

    start: int
    end: int
    text: str
    content_start: int
    content_end: int


@dataclass(frozen=True, slots=True)
class ChromeHit:
    """Chrome: a whole line, or the matched start or end of one."""

    start: int
    end: int
    text: str
    site: str
    rule: str
    groups: dict[str, str] = field(default_factory=dict)


def split_lines(text: str) -> list[Line]:
    """The physical lines of ``text`` (\\n, \\r\\n or \\r) with their stripped content positions."""
    out: list[Line] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        out.append(_line(text, pos, m.start()))
        pos = m.end()
    out.append(_line(text, pos, len(text)))
    return out


def _line(text: str, s: int, e: int) -> Line:
    raw = text[s:e]
    stripped = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    return Line(s, e, stripped, s + lead, s + lead + len(stripped))


_HAN = regex.compile(r"\p{Han}")


def _content_like(text: str) -> bool:
    voc = vocabulary()
    if voc.salutation.match(text):
        return True
    han = len(_HAN.findall(text))
    return han >= 30 or (han >= 12 and bool(regex.search(r"[。！？!?]", text)))


def _groups(m: regex.Match[str]) -> dict[str, str]:
    return {k: v for k, v in m.groupdict().items() if v}


def _line_hit(rule: ChromeLine, ln: Line) -> ChromeHit | None:
    m = rule.pattern.search(ln.text) if rule.match == "suffix" else rule.pattern.match(ln.text)
    if not m or m.end() == m.start():
        return None
    if rule.match == "line" and m.end() != len(ln.text):
        return None
    s, e = ln.content_start + m.start(), ln.content_start + m.end()
    return ChromeHit(s, e, m.group(), rule.site, rule.name, _groups(m))


def _whole(ln: Line, site: str, rule: str, groups: dict[str, str] | None = None) -> ChromeHit:
    return ChromeHit(ln.content_start, ln.content_end, ln.text, site, rule, groups or {})


def _blocks(lines: list[Line], where: str, allowed: range | None, hits: dict[int, list[ChromeHit]]) -> None:
    for block in chrome_rules().blocks:
        if block.where != where:
            continue
        for i, ln in enumerate(lines):
            if i in hits or not ln.text or (allowed is not None and i not in allowed) or not block.start.match(ln.text):
                continue
            hits[i] = [_whole(ln, block.site, block.name)]
            j, taken = i + 1, 0
            while j < len(lines) and (block.max_lines is None or taken < block.max_lines):
                nxt = lines[j]
                if not nxt.text:
                    j += 1
                    continue
                m = block.cont.match(nxt.text)
                if not m or m.end() != len(nxt.text) or j in hits:
                    break
                hits[j] = [_whole(nxt, block.site, block.name, _groups(m))]
                j += 1
                taken += 1


def find_chrome(text: str, lines: list[Line]) -> list[ChromeHit]:
    """Chrome: 'anywhere' patterns on any line; 'edges' patterns only before the first and after
    the last line that reads like speech content; blocks (温馨提示 + its numbered lines)."""
    rules = chrome_rules()
    hits: dict[int, list[ChromeHit]] = {}
    _blocks(lines, "anywhere", None, hits)
    anywhere = [r for r in rules.lines if r.where == "anywhere"]
    if anywhere:
        starts = [ln.start for ln in lines]
        for rule in anywhere:
            # a first pass over the whole text finds the few lines worth matching
            for m in rule.multiline.finditer(text):
                i = bisect_right(starts, m.start()) - 1
                if i in hits or not lines[i].text:
                    continue
                hit = _line_hit(rule, lines[i])
                if hit:
                    hits[i] = [hit]
    def content(i: int) -> bool:
        return bool(lines[i].text) and i not in hits and _content_like(lines[i].text)

    first = next((i for i in range(len(lines)) if content(i)), len(lines))
    last = next((i for i in range(len(lines) - 1, first - 1, -1) if content(i)), -1)
    zone = [i for i in range(len(lines)) if i < first or i > last]
    _blocks(lines, "edges", range(0, first), hits)
    _blocks(lines, "edges", range(last + 1, len(lines)), hits)
    for i in zone:
        ln = lines[i]
        if not ln.text or i in hits:
            continue
        found: list[ChromeHit] = []
        for rule in rules.lines:
            if rule.where != "edges":
                continue
            hit = _line_hit(rule, ln)
            if hit is None:
                continue
            if rule.match == "line":
                found = [hit]
                break
            if not any(h.start < hit.end and hit.start < h.end for h in found):
                found.append(hit)
        if found:
            hits[i] = sorted(found, key=lambda h: h.start)
    return [h for i in sorted(hits) for h in hits[i]]


def metadata_from(hits: list[ChromeHit]) -> dict[str, object]:
    """The ``Metadata`` dict gathered from the named groups of chrome hits (first value wins)."""
    meta: dict[str, object] = {}
    for hit in hits:
        for key, value in hit.groups.items():
            if key in meta:
                continue
            if key == "pages":
                meta[key] = int(value)
            elif key == "format":
                meta[key] = value.upper()
            elif key == "date":
                m = _DATE.match(value)
                if m:
                    y, mo, d = (int(x) for x in m.groups())
                    if 1 <= mo <= 12 and 1 <= d <= 31:
                        meta[key] = f"{y:04d}-{mo:02d}-{d:02d}"
            elif key == "keywords":
                meta[key] = value.split()
            else:
                meta[key] = value
    return meta
