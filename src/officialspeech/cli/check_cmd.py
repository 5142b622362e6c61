"""``officialspeech check PATH...``: validate speech structure, with CI-friendly output."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..readers import FORMATS, detect_format, read_document
from ..walk import walk_files
from .options import add_max_bytes

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..check.diagnostic import Diagnostic, Severity
    from ..io import Decoded

NAME = "check"
HELP = "Check speeches for broken numbering, leftover placeholders, wrong heading levels and more."
SUFFIXES = (".txt", ".md", ".text", ".docx", ".pdf", ".html", ".htm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``check``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched for *.txt, *.md), or -")
    parser.add_argument("--output-format", choices=("text", "json", "github", "sarif"), default="text")
    parser.add_argument("--select", default=None, help="comma-separated codes, prefixes or names to check (default: all)")
    parser.add_argument("--ignore", default="", help="comma-separated codes, prefixes or names to skip")
    parser.add_argument("--fail-level", choices=("error", "warning", "info"), default=None,
                        help="lowest severity that makes the exit code 1 (default: warning, or the config's)")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--fix", action="store_true",
                        help="apply safe fixes in place (text files, written back in their own encoding and line "
                             "endings) until none is left, and report what changed; with - the fixed text goes to "
                             "stdout and the findings to stderr")
    parser.add_argument("--statistics", action="store_true",
                        help="print the number of findings per rule (on stderr with --output-format json or sarif)")
    parser.add_argument("--input-format", choices=FORMATS, default=None,
                        help="read files as text, .docx, PDF or HTML (default: by suffix)")
    add_max_bytes(parser)


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _error(message: str) -> None:
    print(f"officialspeech: error: {message}", file=sys.stderr)


def _files(paths: list[str]) -> tuple[list[str], list[str]]:
    """The files to check, and one error line per path that cannot be checked."""
    out: list[str] = []
    errors: list[str] = []
    for p in dict.fromkeys(paths):  # each path once (standard input can be read only once)
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        try:
            if path.is_dir():
                found, unread = walk_files(path, lambda f: f.suffix.lower() in SUFFIXES)
                out.extend(map(str, found))
                errors.extend(str(InputError(problem, where)) for where, problem in unread)
            elif path.exists():
                out.append(p)
            else:
                errors.append(str(InputError("no such file or folder", p)))
        except OSError as exc:
            errors.append(str(InputError(exc.strerror or str(exc), p)))
    return out, errors


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
             severities: dict[str, Severity]) -> Callable[..., list[Diagnostic]]:
    """Parse a text (with the format's heading hints) and check it with these options."""
    from ..check.runner import check_text

    def check(text: str, hints: set[int] | frozenset[int] = frozenset()) -> list[Diagnostic]:
        return check_text(text, name, hints, select=select, ignore=ignore, severities=severities)

    return check


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 1 when a finding reaches the fail level, 2 on an input or
    configuration error (after checking the other files)."""
    from ..check.config import ConfigError, find_config
    from ..check.diagnostic import SEVERITY_ORDER
    from ..check.fixes import MAX_FIX_PASSES, fix_until_stable
    from ..check.output import render_github, render_json, render_sarif, render_text, statistics, summary
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
    files, errors = _files(args.paths)
    for message in errors:
        _error(message)
    if not files and not errors:
        _error(f"no speech files ({', '.join('*' + s for s in SUFFIXES)}) found in {', '.join(args.paths)}")
        return 2
    failed = bool(errors)
    report = sys.stderr if stdin_fix else sys.stdout  # with --fix -, stdout carries the fixed text
    diagnostics: list[Diagnostic] = []
    sources: dict[str, str] = {}
    fail_levels: list[str] = []
    config_errors: set[str] = set()
    for name in files:
        try:
            config = find_config(Path.cwd() if name == "-" else Path(name))
        except ConfigError as exc:
            if str(exc) not in config_errors:  # (once, not for every file under it)
                config_errors.add(str(exc))
                _error(str(exc))
            if stdin_fix:
                _write_raw(read_bytes("-", args.max_bytes))  # what came in goes out unchanged
            failed = True
            continue
        select = select_cli if select_cli is not None else config.select
        ignore = ignore_cli + config.ignores_for(Path(name))
        check = _checker(name, select, ignore, config.severity)

        fmt = args.input_format or ("text" if name == "-" else detect_format(name))
        raw: bytes | None = None
        try:
            if stdin_fix:
                # what comes in goes out, fixed or (when it cannot be) as it came: a pipe
                # `check --fix - < a > b` never leaves b empty
                raw = read_bytes("-", args.max_bytes)
                if fmt != "text":
                    raise InputError(f"--fix rewrites text only, not {fmt}", "<stdin>")
                decoded = decode_detected(raw, "<stdin>")
                text = decoded.text
                hints: set[int] = set()
            elif fmt == "text":
                decoded = read_decoded(name, args.max_bytes)
                text = decoded.text
                hints = set()
            else:
                extracted = read_document(name, fmt, args.max_bytes)
                text = extracted.text
                hints = heading_lines(extracted)
        except InputError as exc:
            _error(str(exc))
            if raw is not None:
                _write_raw(raw)
            failed = True
            continue
        if args.fix and fmt == "text":
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
                    failed = True
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
        diagnostics.extend(found)
        fail_levels.append(args.fail_level or config.fail_level)
    if failed and not sources:
        return 2  # nothing could be checked: the errors above say why
    fmt = args.output_format
    if fmt == "json":
        report.write(render_json(diagnostics))
    elif fmt == "github":
        report.write(render_github(diagnostics))
    elif fmt == "sarif":
        from .. import __version__

        report.write(render_sarif(diagnostics, __version__))
    else:
        report.write(render_text(diagnostics, sources))
        report.write(summary(diagnostics) + "\n")
    if args.statistics:
        # json and sarif keep stdout one JSON document: the statistics go to stderr
        (sys.stderr if fmt in ("json", "sarif") else report).write(statistics(diagnostics))
    if failed:
        return 2
    level = min(fail_levels, key=lambda lv: SEVERITY_ORDER[lv]) if fail_levels else "warning"
    failing = at_or_above(diagnostics, level)  # type: ignore[arg-type]
    return 0 if args.exit_zero or not failing else 1
