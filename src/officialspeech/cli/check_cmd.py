"""``officialspeech check PATH...``: validate speech structure, with CI-friendly output."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..readers import FORMATS, TEXT_FORMATS, detect_format, format_name, read_document
from ..walk import walk_files
from .options import add_max_bytes, add_vocabulary

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..check.config import Config
    from ..check.diagnostic import Diagnostic, Severity
    from ..check.output import Problem
    from ..io import Decoded

NAME = "check"
HELP = "Check speeches for broken numbering, leftover placeholders, wrong heading levels and more."
SUFFIXES = (".txt", ".md", ".text", ".docx", ".pdf", ".html", ".htm")


FORMATS_OUT = ("text", "json", "github", "sarif")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``check``."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=f"files, folders (searched for {', '.join('*' + s for s in SUFFIXES)} below them, "
                             "skipping folders whose name starts with a dot), or - for standard input")
    parser.add_argument("--format", "--output-format", dest="format", choices=FORMATS_OUT, default="text",
                        help="text (default), json, github (workflow annotations) or sarif (2.1.0); "
                             "--output-format is the same option")
    parser.add_argument("--select", default=None, help="comma-separated codes, prefixes or names to check (default: all)")
    parser.add_argument("--ignore", default="", help="comma-separated codes, prefixes or names to skip")
    parser.add_argument("--fail-level", choices=("error", "warning", "info"), default=None,
                        help="lowest severity that makes the exit code 1 (default: warning, or the config's)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    fix = parser.add_mutually_exclusive_group()
    fix.add_argument("--fix", action="store_true",
                     help="apply safe fixes in place (text files, written back in their own encoding and line "
                          "endings) until none is left, and report what changed; with - the fixed text goes to "
                          "stdout and the findings to stderr")
    fix.add_argument("--diff", action="store_true",
                     help="print the safe fixes as a unified diff instead of the findings, change nothing; "
                          "exit 1 when a file would change")
    parser.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule (on stderr with --format json or sarif)")
    parser.add_argument("--input-format", choices=FORMATS, type=format_name, default=None,
                        help="read files as text, Markdown (markdown or md), .docx, PDF or HTML (default: by suffix; "
                             ".md and .markdown are Markdown)")
    config = parser.add_mutually_exclusive_group()
    config.add_argument("--config", metavar="FILE", default=None,
                        help="use this configuration for every file (officialspeech.toml top-level keys, or "
                             "[tool.officialspeech] of a pyproject.toml) instead of the nearest one")
    config.add_argument("--no-config", action="store_true", help="ignore every configuration file: the defaults")
    parser.add_argument("--show-settings", action="store_true",
                        help="print the settings that apply to the first file (its configuration file, rules "
                             "and severities) and exit")
    parser.add_argument("--job-summary", action="store_true",
                        help="also append a Markdown table of the findings to the file named by "
                             "$GITHUB_STEP_SUMMARY (the GitHub Actions job summary)")
    add_max_bytes(parser)
    add_vocabulary(parser)


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _error(message: str) -> None:
    print(f"officialspeech: error: {message}", file=sys.stderr)


def _files(paths: list[str]) -> tuple[list[str], list[Problem]]:
    """The files to check, and a problem per path that cannot be checked (a folder without
    speech files included)."""
    from ..check.output import Problem

    out: list[str] = []
    problems: list[Problem] = []
    for p in dict.fromkeys(paths):  # each path once (standard input can be read only once)
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        try:
            if path.is_dir():
                found, unread = walk_files(path, lambda f: f.suffix.lower() in SUFFIXES, prune_hidden=True)
                problems.extend(Problem(where, f"{where}: {problem}") for where, problem in unread)
                if not found and not unread:
                    problems.append(Problem(p, f"{p}: no speech files ({', '.join('*' + s for s in SUFFIXES)}) "
                                               "in this folder"))
                out.extend(map(str, found))
            elif path.exists():
                out.append(p)
            else:
                problems.append(Problem(p, str(InputError("no such file or folder", p))))
        except OSError as exc:
            problems.append(Problem(p, str(InputError(exc.strerror or str(exc), p))))
    return out, problems


def _write_back(name: str, decoded: Decoded, fixed: str) -> str | None:
    """Write ``fixed`` to ``name`` in the encoding (and byte order mark) the file was read in;
    the reason the file was left unchanged, or None when it was written."""
    from ..io import decode_detected

    enc = decoded.encoding
    try:
        if enc.encode(decoded.text) != decoded.data:
            return f"its text does not round-trip through {enc.label}"
        data = enc.encode(fixed)
    except UnicodeEncodeError as exc:
        return f"the fixed text cannot be written as {enc.label} ({exc.object[exc.start:exc.end]!r})"
    try:
        back = decode_detected(data, name)
    except InputError:
        back = None
    if back is None or back.text != fixed or back.encoding != enc:
        return f"the fixed text would not read back the same as {enc.label}"
    # a new file beside it (beside a link's target: the link stays), then renamed over it:
    # a crash never leaves half a file
    target = Path(name).resolve()
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".fix")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            shutil.copymode(target, tmp)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc}"
    return None


def _write_stdout(decoded: Decoded, fixed: str) -> None:
    """The fixed text on standard output, in the encoding it came in when possible."""
    try:
        data = decoded.encoding.encode(fixed)
    except UnicodeEncodeError:
        data = None
    if data is None or getattr(sys.stdout, "buffer", None) is None:
        sys.stdout.write(fixed)
        sys.stdout.flush()
    else:
        _write_raw(data)


def _write_raw(data: bytes) -> None:
    """Bytes on standard output as they are."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8", "replace"))
    else:
        buffer.write(data)
    sys.stdout.flush()


def _checker(name: str, select: list[str] | None, ignore: list[str],
             severities: dict[str, Severity], markdown_input: bool = False) -> Callable[..., list[Diagnostic]]:
    """Parse a text (with the format's heading hints; ``markdown_input``: its Markdown markup
    cut out) and check it with these options; in a Markdown file, inline disable comments of
    the raw text switch rules off."""
    from ..check.runner import check_text
    from ..check.suppress import directives, is_markdown, suppress, unknown_selectors

    markdown = markdown_input or is_markdown(name)
    warned: set[tuple[int, str]] = set()

    def check(text: str, hints: set[int] | frozenset[int] = frozenset()) -> list[Diagnostic]:
        found = check_text(text, name, hints, markdown=markdown_input, select=select, ignore=ignore,
                           severities=severities)
        if not markdown:
            return found
        marks = directives(text)
        for line, selector in unknown_selectors(marks):
            if (line, selector) not in warned:
                warned.add((line, selector))
                print(f"{name}:{line}: warning: disable comment names no rule: {selector}", file=sys.stderr)
        return suppress(found, marks)

    return check


@dataclass
class _Settings:
    """What applies to one file: its configuration and the options in effect."""

    config: Config
    select: list[str] | None
    ignore: list[str]
    fail_level: str


def _settings(name: str, args: argparse.Namespace, fixed: Config | None,
              select_cli: list[str] | None, ignore_cli: list[str]) -> _Settings:
    """The settings of file ``name`` (raises ConfigError from its configuration file)."""
    from ..check.config import find_config

    config = fixed if fixed is not None else find_config(Path.cwd() if name == "-" else Path(name))
    select = select_cli if select_cli is not None else config.select
    ignore = ignore_cli + config.ignores_for(Path(name))
    return _Settings(config, select, ignore, args.fail_level or config.fail_level)


def _show_settings(name: str, s: _Settings) -> str:
    """The settings of one file, for people."""
    from ..check.registry import rules
    from ..check.selection import enabled

    lines = [f"file: {name}",
             f"configuration: {s.config.source if s.config.source else 'none (defaults)'}",
             f"select: {', '.join(s.select) if s.select is not None else 'ALL'}",
             f"ignore: {', '.join(s.ignore) or '-'}",
             f"fail-level: {s.fail_level}",
             "rules:"]
    for r in rules().values():
        if enabled(r, s.select, s.ignore):
            severity = s.config.severity.get(r.code, s.config.severity.get(r.name, r.severity))
            lines.append(f"  {r.code} {r.name} {severity}{' [*]' if r.fixable else ''}")
    return "\n".join(lines) + "\n"


def _diff(name: str, before: str, after: str) -> str:
    """A unified diff of one file's safe fixes."""
    import difflib

    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=name, tofile=name))


def _write_job_summary(markdown: str) -> None:
    """Append to the GitHub Actions job summary, or say why not."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        print("officialspeech check: GITHUB_STEP_SUMMARY is not set: no job summary written", file=sys.stderr)
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(markdown)
    except OSError as exc:
        _error(f"{target}: cannot write the job summary: {exc.strerror or exc}")


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 1 when a finding reaches the fail level, 2 on a usage,
    configuration or input error (after checking the other files and printing the report:
    json and sarif are always one document)."""
    from ..check.config import Config, ConfigError, load_config
    from ..check.diagnostic import SEVERITY_ORDER
    from ..check.fixes import MAX_FIX_PASSES, fix_until_stable
    from ..check.output import (
        Problem,
        Run,
        render_github,
        render_job_summary,
        render_json,
        render_sarif,
        render_text,
        statistics,
        summary,
    )
    from ..check.registry import rules
    from ..check.runner import at_or_above
    from ..check.selection import unknown
    from ..files import heading_lines
    from ..io import decode_detected, read_bytes, read_decoded

    select_cli = _split(args.select)
    ignore_cli = _split(args.ignore) or []
    bad = unknown([*(select_cli or []), *ignore_cli], rules().values())
    if bad:
        _error(f"unknown rule selector(s): {', '.join(bad)}")
        return 2
    stdin_fix = bool(args.fix) and "-" in args.paths
    if stdin_fix and len(args.paths) > 1:
        _error("--fix with - (standard input) prints the fixed text on standard output and takes no other PATH")
        return 2
    fixed_config: Config | None = Config() if args.no_config else None
    if args.config:
        try:
            fixed_config = load_config(Path(args.config))
        except ConfigError as exc:
            _error(str(exc))
            return 2
    files, problems = _files(args.paths)
    for p in problems:
        _error(p.message)
    if args.show_settings:
        if not files:
            return 2
        try:
            settings = _settings(files[0], args, fixed_config, select_cli, ignore_cli)
        except ConfigError as exc:
            _error(str(exc))
            return 2
        sys.stdout.write(_show_settings(files[0], settings))
        return 0
    report = sys.stderr if stdin_fix else sys.stdout  # with --fix -, stdout carries the fixed text
    diagnostics: list[Diagnostic] = []
    sources: dict[str, str] = {}
    text_files: set[str] = set()
    fail_levels: list[str] = []
    config_errors: set[str] = set()
    diffs = 0
    for name in files:
        try:
            settings = _settings(name, args, fixed_config, select_cli, ignore_cli)
        except ConfigError as exc:
            if str(exc) not in config_errors:  # (once, not for every file under it)
                config_errors.add(str(exc))
                _error(str(exc))
            problems.append(Problem(name, f"{name}: not checked: {exc}", "config"))
            if stdin_fix:
                _write_raw(read_bytes("-", args.max_bytes))  # what came in goes out unchanged
            continue
        fmt = args.input_format or ("text" if name == "-" else detect_format(name))
        check = _checker(name, settings.select, settings.ignore, settings.config.severity, fmt == "markdown")
        raw: bytes | None = None
        try:
            if stdin_fix:
                # what comes in goes out, fixed or (when it cannot be) as it came: a pipe
                # `check --fix - < a > b` never leaves b empty
                raw = read_bytes("-", args.max_bytes)
                if fmt not in TEXT_FORMATS:
                    raise InputError(f"--fix rewrites text only, not {fmt}", "<stdin>")
                decoded = decode_detected(raw, "<stdin>")
                text = decoded.text
                hints: set[int] = set()
            elif fmt in TEXT_FORMATS:
                decoded = read_decoded(name, args.max_bytes)
                text = decoded.text
                hints = set()
            else:
                extracted = read_document(name, fmt, args.max_bytes)
                text = extracted.text
                hints = heading_lines(extracted)
        except InputError as exc:
            _error(str(exc))
            problems.append(Problem(name, str(exc)))
            if raw is not None:
                _write_raw(raw)
            continue
        if args.diff:
            if fmt not in TEXT_FORMATS:
                print(f"{name}: no diff: --diff covers text files only, not {fmt}", file=sys.stderr)
            else:
                result = fix_until_stable(text, check, MAX_FIX_PASSES)
                if result.text != text:
                    diffs += 1
                    report.write(_diff(name, text, result.text))
            sources[name] = text
            continue
        if args.fix and fmt in TEXT_FORMATS:
            result = fix_until_stable(text, check, MAX_FIX_PASSES)
            found = result.diagnostics
            if stdin_fix:
                _write_stdout(decoded, result.text)
                text = result.text
            elif result.applied:
                problem = _write_back(name, decoded, result.text)
                if problem is None:
                    text = result.text
                else:
                    _error(f"{name}: not fixed, file left unchanged: {problem}")
                    problems.append(Problem(name, f"{name}: not fixed, file left unchanged: {problem}", "write"))
                    found = check(text)
            if result.applied and text == result.text:
                print(f"{name}: applied {len(result.applied)} fix(es): "
                      + "; ".join(sorted({f.description for f in result.applied})), file=sys.stderr)
            if not result.converged:
                print(f"{name}: safe fixes still left after {MAX_FIX_PASSES} passes; run --fix again",
                      file=sys.stderr)
        else:
            if args.fix:
                print(f"{name}: not fixed: --fix rewrites text files only, not {fmt}", file=sys.stderr)
            found = check(text, hints)
        sources[name] = text
        if fmt in TEXT_FORMATS and not args.fix:
            text_files.add(name)  # offsets of fixes are those of the file itself
        diagnostics.extend(found)
        fail_levels.append(settings.fail_level)
    outcome = Run(checked=len(sources), problems=problems)
    if args.diff:
        if diffs or not problems:
            n = diffs
            print(f"officialspeech check: {n} file{'s' if n != 1 else ''} would be fixed" if n
                  else "officialspeech check: no safe fixes to apply", file=sys.stderr)
        return 2 if problems else (1 if diffs else 0)
    if problems:
        code = 2
    else:
        level = min(fail_levels, key=lambda lv: SEVERITY_ORDER[lv]) if fail_levels else "warning"
        failing = at_or_above(diagnostics, level)  # type: ignore[arg-type]
        code = 0 if args.exit_zero or not failing else 1
    fmt = args.format
    if fmt == "json":
        report.write(render_json(diagnostics, outcome))
    elif fmt == "github":
        report.write(render_github(diagnostics, outcome))
    elif fmt == "sarif":
        from .. import __version__

        report.write(render_sarif(diagnostics, __version__, outcome, fixable=text_files, exit_code=code))
    elif sources:  # (when nothing could be checked, the lines on stderr say why)
        report.write(render_text(diagnostics, sources))
        report.write(summary(diagnostics, outcome) + "\n")
    if args.statistics:
        # json and sarif keep stdout one JSON document: the statistics go to stderr
        (sys.stderr if fmt in ("json", "sarif") else report).write(statistics(diagnostics))
    if args.job_summary:
        _write_job_summary(render_job_summary(diagnostics, outcome))
    return code
