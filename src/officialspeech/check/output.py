"""Render diagnostics: text (with a caret under the place), json, github annotations, sarif,
and a Markdown job summary."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from .diagnostic import CHECK_SCHEMA_VERSION, Diagnostic
from .docs import REPOSITORY_URL, help_uri
from .registry import rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
GITHUB_ANNOTATION_LIMIT = 10  # GitHub shows this many annotations of each type per step
SRCROOT = "%SRCROOT%"


@dataclass(frozen=True)
class Problem:
    """A path that could not be checked and why: ``read`` (missing, unreadable, empty,
    undecodable, a folder without speech files), ``config`` (its configuration file is
    bad) or ``write`` (checked, but ``--fix`` could not write it back)."""

    path: str | None
    message: str
    kind: Literal["read", "config", "write"] = "read"


_PROBLEM_WORDS = {"read": "could not be read", "config": "not checked (configuration error)",
                  "write": "could not be written back"}


@dataclass(frozen=True)
class Run:
    """What a ``check`` run covered: the files checked and those that could not be."""

    checked: int = 0
    problems: Sequence[Problem] = ()

    @property
    def unreadable(self) -> int:
        """How many paths could not be read."""
        return sum(p.kind == "read" for p in self.problems)

    def tail(self) -> str:
        """``; 2 files could not be read`` and the like, or nothing."""
        counts = Counter(p.kind for p in self.problems)
        return "".join(f"; {n} file{'s' if n != 1 else ''} {_PROBLEM_WORDS[kind]}"
                       for kind, n in counts.items())


def display_width(text: str) -> int:
    """Terminal columns of ``text``: Han characters and full-width forms take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def render_text(diagnostics: Sequence[Diagnostic], sources: dict[str, str]) -> str:
    """``path:line:col: severity: CODE name message``, then the line and a caret under the place."""
    out: list[str] = []
    for d in diagnostics:
        out.append(f"{d.path}:{d.start.line}:{d.start.column}: {d.severity}: {d.code} {d.name} {d.message}")
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


def render_json(diagnostics: Sequence[Diagnostic], run: Run | None = None) -> str:
    """A stable JSON document: schema_version, one object per diagnostic, and the files
    that could not be checked (``errors``: path and message)."""
    data: dict[str, Any] = {"schema_version": CHECK_SCHEMA_VERSION,
                            "diagnostics": [d.model_dump(mode="json") for d in diagnostics]}
    if run is not None:
        data["errors"] = [{"path": p.path, "message": p.message} for p in run.problems]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(diagnostics: Sequence[Diagnostic], run: Run | None = None) -> str:
    """GitHub workflow commands (annotations, one per finding and per file that could not be
    read), then the summary line, and a note when GitHub will not show them all (it shows
    the first 10 annotations of each type per step)."""
    run = run or Run()
    out: list[str] = []
    for d in diagnostics:
        props = (f"file={_escape(d.path, True)},line={d.start.line},col={d.start.column},"
                 f"endLine={d.end.line},endColumn={d.end.column},title={_escape(d.code + ' ' + d.name, True)}")
        out.append(f"::{_GITHUB_LEVEL[d.severity]} {props}::{_escape(d.message)}")
    for p in run.problems:
        where = f" file={_escape(p.path, True)}," if p.path and p.path != "-" else " "
        out.append(f"::error{where}title=cannot check::{_escape(p.message)}")
    out.append(summary(diagnostics, run))
    counts = Counter(_GITHUB_LEVEL[d.severity] for d in diagnostics)
    counts["error"] += len(run.problems)
    over = [f"{n} {kind}s" for kind, n in sorted(counts.items()) if n > GITHUB_ANNOTATION_LIMIT]
    if over:
        out.append(f"officialspeech check: GitHub shows only the first {GITHUB_ANNOTATION_LIMIT} annotations of each "
                   f"type per step ({', '.join(over)} here): every finding is in the job summary (--job-summary) "
                   "and in the SARIF output")
    return "\n".join(out) + "\n"


def summary(diagnostics: Sequence[Diagnostic], run: Run | None = None) -> str:
    """One line: how many diagnostics of each severity, in how many files, and how many
    files could not be read."""
    tail = run.tail() if run is not None else ""
    if not diagnostics:
        if run is not None and run.problems and not run.checked:
            return "officialspeech check: nothing checked" + tail
        scope = f" in {run.checked} file{'s' if run.checked != 1 else ''}" if run is not None else ""
        return f"officialspeech check: no problems found{scope}" + tail
    counts = Counter(d.severity for d in diagnostics)
    files = len({d.path for d in diagnostics})
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    last = run.checked if run is not None and run.checked != files else files
    of = f" of {last}" if last != files else ""
    return f"officialspeech check: {', '.join(parts)} in {files}{of} file{'s' if last != 1 else ''}" + tail


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """Counts per rule, most frequent first."""
    counts = Counter((d.code, d.name) for d in diagnostics)
    fixable = {d.code for d in diagnostics if d.fix is not None and d.fix.safe}
    lines = [f"{n:5d}  {code}  {name}{'  [*]' if code in fixable else ''}"
             for (code, name), n in counts.most_common()]
    return "\n".join(lines) + ("\n" if lines else "")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render_job_summary(diagnostics: Sequence[Diagnostic], run: Run, limit: int = 1000) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the summary line and a table of every finding
    (at most ``limit`` rows: GitHub takes up to 1 MiB per step)."""
    all_rules = rules()
    out = ["## officialspeech check", "", summary(diagnostics, run).removeprefix("officialspeech check: "), ""]
    if diagnostics:
        out += ["| file | line | severity | rule | message |", "|---|---|---|---|---|"]
        for d in diagnostics[:limit]:
            out.append(f"| {_cell(d.path)} | {d.start.line}:{d.start.column} | {d.severity} | "
                       f"[{d.code}]({help_uri(all_rules[d.code])}) {d.name} | {_cell(d.message)} |")
        if len(diagnostics) > limit:
            out.append(f"\n{len(diagnostics) - limit} more not shown.")
        out.append("")
    if run.problems:
        out += ["Could not be checked:", ""]
        out += [f"- {_cell(p.message)}" for p in run.problems]
        out.append("")
    return "\n".join(out) + "\n"


def artifact_uri(path: str) -> str:
    """A file name as a URI reference (RFC 3986): relative paths stay relative (``/``
    separators, every other reserved or non-ASCII character percent-encoded, so
    ``drafts/讲话.txt`` is ``drafts/%E8%AE%B2%E8%AF%9D.txt``), absolute ones become
    ``file://`` URIs, standard input is ``stdin``."""
    if path == "-":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    # a name that is not valid UTF-8 on disk comes as surrogate escapes: its bytes are encoded
    return quote(p.as_posix(), safe="/", errors="surrogateescape")


def _location(path: str) -> dict[str, Any]:
    loc: dict[str, Any] = {"uri": artifact_uri(path)}
    if path != "-" and not Path(path).is_absolute():
        loc["uriBaseId"] = SRCROOT
    return loc


def _fixes(d: Diagnostic) -> list[dict[str, Any]]:
    f = d.fix
    if f is None or not f.safe:
        return []
    return [{"description": {"text": f.description},
             "artifactChanges": [{"artifactLocation": _location(d.path),
                                  "replacements": [{"deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                                    "insertedContent": {"text": f.replacement}}]}]}]


def render_sarif(diagnostics: Sequence[Diagnostic], version: str, run: Run | None = None,
                 fixable: Collection[str] = (), exit_code: int = 0, cwd: Path | None = None) -> str:
    """A SARIF 2.1.0 log (always one, also when no file could be read): rule metadata with
    ``helpUri`` into docs/rules.md, results with percent-encoded ``artifactLocation.uri``
    relative to ``%SRCROOT%`` (the working folder), ``fixes`` for the safe fixes of the files
    in ``fixable`` (text files, where the offsets are those of the file), and one
    invocation with a notification per file that could not be checked."""
    run = run or Run()
    all_rules = list(rules().values())
    index = {r.code: i for i, r in enumerate(all_rules)}
    results: list[dict[str, Any]] = []
    for d in diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _location(d.path),
                "region": {"startLine": d.start.line, "startColumn": d.start.column,
                           "endLine": d.end.line, "endColumn": d.end.column,
                           "charOffset": d.start.offset, "charLength": d.end.offset - d.start.offset},
            }}],
        }
        fixes = _fixes(d) if d.path in fixable else []
        if fixes:
            result["fixes"] = fixes
        results.append(result)
    notifications: list[dict[str, Any]] = []
    for p in run.problems:
        note: dict[str, Any] = {"level": "error", "message": {"text": p.message}}
        if p.path:
            note["locations"] = [{"physicalLocation": {"artifactLocation": _location(p.path)}}]
        notifications.append(note)
    invocation: dict[str, Any] = {"executionSuccessful": not run.problems, "exitCode": exit_code}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    base = (cwd or Path.cwd()).resolve().as_uri().rstrip("/") + "/"
    sarif_run = {
        "tool": {"driver": {
            "name": "officialspeech",
            "version": version,
            "informationUri": REPOSITORY_URL,
            "rules": [{
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explanation},
                "help": {"text": f"{r.explanation}\nBad: {r.bad}\nGood: {r.good}"},
                "helpUri": help_uri(r),
                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            } for r in all_rules],
        }},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"uri": base}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [sarif_run]},
                      ensure_ascii=False, indent=2) + "\n"
