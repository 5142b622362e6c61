"""Recognise site chrome lines around a speech and the metadata they carry."""

from __future__ import annotations

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
    """A chrome line."""

    line: Line
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


def _content_like(text: str) -> bool:
    voc = vocabulary()
    if len(text) >= 40:
        return True
    if voc.salutation.match(text):
        return True
    return bool(regex.search(r"[。！？!?]", text)) and len(text) >= 12


def _match(rule: ChromeLine, text: str) -> dict[str, str] | None:
    m = rule.pattern.match(text)
    if not m or m.end() != len(text):
        return None
    return {k: v for k, v in m.groupdict().items() if v}


def find_chrome(lines: list[Line]) -> list[ChromeHit]:
    """Chrome lines: 'anywhere' patterns on any line, 'edges' patterns before the first and
    after the last line that reads like speech content; blocks (温馨提示 + numbered lines)."""
    rules = chrome_rules()
    hits: dict[int, ChromeHit] = {}
    # blocks first: their numbered lines look like content
    for i, ln in enumerate(lines):
        for block in rules.blocks:
            if ln.text and block.start.match(ln.text):
                hits[i] = ChromeHit(ln, block.site, block.name)
                j = i + 1
                while j < len(lines) and lines[j].text and block.cont.match(lines[j].text):
                    hits[j] = ChromeHit(lines[j], block.site, block.name)
                    j += 1
    anywhere = [r for r in rules.lines if r.where == "anywhere"]
    edges = [r for r in rules.lines if r.where == "edges"]
    for i, ln in enumerate(lines):
        if i in hits or not ln.text:
            continue
        for rule in anywhere:
            groups = _match(rule, ln.text)
            if groups is not None:
                hits[i] = ChromeHit(ln, rule.site, rule.name, groups)
                break

    def edge_hit(i: int) -> ChromeHit | None:
        for rule in edges:
            groups = _match(rule, lines[i].text)
            if groups is not None:
                return ChromeHit(lines[i], rule.site, rule.name, groups)
        return None

    content = [i for i, ln in enumerate(lines) if ln.text and i not in hits and _content_like(ln.text)]
    first = content[0] if content else len(lines)
    last = content[-1] if content else -1
    for i in range(0, first):
        if lines[i].text and i not in hits:
            hit = edge_hit(i)
            if hit:
                hits[i] = hit
    for i in range(len(lines) - 1, last, -1):
        if lines[i].text and i not in hits:
            hit = edge_hit(i)
            if hit:
                hits[i] = hit
    return [hits[i] for i in sorted(hits)]


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
