"""Render diagnostics: text (with a caret under the place), json, github annotations, sarif."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Sequence

from .diagnostic import CHECK_SCHEMA_VERSION, Diagnostic
from .registry import rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def display_width(text: str) -> int:
    """Terminal columns of ``text``: Han characters and full-width forms take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def render_text(diagnostics: Sequence[Diagnostic], sources: dict[str, str]) -> str:
    """``path:line:col: CODE name message``, then the line and a caret under the place."""
    out: list[str] = []
    for d in diagnostics:
        out.append(f"{d.path}:{d.start.line}:{d.start.column}: {d.code} {d.name} {d.message}")
        text = sources.get(d.path)
        if text is None:
            continue
        lines = text.splitlines()
        if 0 < d.start.line <= len(lines):
            line = lines[d.start.line - 1]
            before = line[:d.start.column - 1]
            length = d.end.column - d.start.column if d.end.line == d.start.line else len(line) - len(before)
            marked = line[d.start.column - 1:d.start.column - 1 + max(1, length)]
            shown = line if len(line) <= 200 else line[max(0, len(before) - 60):len(before) + 60]
            pad = display_width(before) if shown is line else display_width(before[-60:])
            out.append("    " + shown)
            out.append("    " + " " * pad + "^" * max(1, display_width(marked)))
        if d.fix is not None and d.fix.safe:
            out.append(f"    fix: {d.fix.description}")
    return "\n".join(out) + ("\n" if out else "")


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    """A stable JSON document: schema_version and one object per diagnostic."""
    data = {"schema_version": CHECK_SCHEMA_VERSION,
            "diagnostics": [d.model_dump(mode="json") for d in diagnostics]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub workflow commands (annotations), then a plain summary: GitHub shows only the
    first few annotations of a step."""
    out: list[str] = []
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for d in diagnostics:
        props = (f"file={_escape(d.path, True)},line={d.start.line},col={d.start.column},"
                 f"endLine={d.end.line},endColumn={d.end.column},title={_escape(d.code + ' ' + d.name, True)}")
        out.append(f"::{level[d.severity]} {props}::{_escape(d.message)}")
    out.append(summary(diagnostics))
    return "\n".join(out) + "\n"


def summary(diagnostics: Sequence[Diagnostic]) -> str:
    """One line: how many diagnostics of each severity, in how many files."""
    if not diagnostics:
        return "officialspeech check: no problems found"
    counts = Counter(d.severity for d in diagnostics)
    files = len({d.path for d in diagnostics})
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    return f"officialspeech check: {', '.join(parts)} in {files} file{'s' if files != 1 else ''}"


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """Counts per rule, most frequent first."""
    counts = Counter((d.code, d.name) for d in diagnostics)
    fixable = {d.code for d in diagnostics if d.fix is not None and d.fix.safe}
    lines = [f"{n:5d}  {code}  {name}{'  [*]' if code in fixable else ''}"
             for (code, name), n in counts.most_common()]
    return "\n".join(lines) + ("\n" if lines else "")


def render_sarif(diagnostics: Sequence[Diagnostic], version: str) -> str:
    """SARIF 2.1.0 with rule metadata, for GitHub code scanning."""
    all_rules = list(rules().values())
    index = {r.code: i for i, r in enumerate(all_rules)}
    run = {
        "tool": {"driver": {
            "name": "officialspeech",
            "version": version,
            "informationUri": "https://pypi.org/project/officialspeech/",
            "rules": [{
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "help": {"text": f"{r.explanation}\nBad: {r.bad}\nGood: {r.good}"},
                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            } for r in all_rules],
        }},
        "results": [{
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": d.path},
                "region": {"startLine": d.start.line, "startColumn": d.start.column,
                           "endLine": d.end.line, "endColumn": d.end.column,
                           "charOffset": d.start.offset, "charLength": d.end.offset - d.start.offset},
            }}],
        } for d in diagnostics],
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
