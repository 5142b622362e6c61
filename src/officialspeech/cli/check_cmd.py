"""``officialspeech check PATH...``: validate speech structure, with CI-friendly output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..readers import FORMATS, read_document

if TYPE_CHECKING:
    from ..check.diagnostic import Diagnostic

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
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place and report what changed")
    parser.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    parser.add_argument("--input-format", choices=FORMATS, default=None,
                        help="read files as text, .docx, PDF or HTML (default: by suffix)")


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


def _files(paths: list[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            out.extend(found)
        elif path.exists():
            out.append(p)
        else:
            raise InputError("no such file or folder", p)
    return out


def run(args: argparse.Namespace) -> int:
    """Check every file; exit 1 when a finding reaches the fail level."""
    from ..check.config import ConfigError, find_config
    from ..check.diagnostic import SEVERITY_ORDER
    from ..check.fixes import apply_fixes
    from ..check.output import render_github, render_json, render_sarif, render_text, statistics, summary
    from ..check.registry import rules
    from ..check.runner import at_or_above, check_text
    from ..check.selection import unknown

    select_cli = _split(args.select)
    ignore_cli = _split(args.ignore) or []
    bad = unknown([*(select_cli or []), *ignore_cli], rules().values())
    if bad:
        print(f"officialspeech: error: unknown rule selector(s): {', '.join(bad)}", file=sys.stderr)
        return 2
    diagnostics: list[Diagnostic] = []
    sources: dict[str, str] = {}
    fail_levels: list[str] = []
    try:
        for name in _files(args.paths):
            config = find_config(Path.cwd() if name == "-" else Path(name))
            extracted = read_document(name, args.input_format)
            text = extracted.text
            select = select_cli if select_cli is not None else config.select
            ignore = ignore_cli + config.ignores_for(Path(name))
            options = {"select": select, "ignore": ignore, "severities": config.severity}
            found = check_text(text, path=name, **options)
            if args.fix and name != "-" and extracted.format == "text":
                fixed, applied = apply_fixes(text, found)
                if applied:
                    Path(name).write_text(fixed, encoding="utf-8")
                    print(f"{name}: applied {len(applied)} fix(es): "
                          + "; ".join(sorted({f.description for f in applied})), file=sys.stderr)
                    text = fixed
                    found = check_text(text, path=name, **options)
            sources[name] = text
            diagnostics.extend(found)
            fail_levels.append(args.fail_level or config.fail_level)
    except ConfigError as exc:
        print(f"officialspeech: error: {exc}", file=sys.stderr)
        return 2
    fmt = args.output_format
    if fmt == "json":
        sys.stdout.write(render_json(diagnostics))
    elif fmt == "github":
        sys.stdout.write(render_github(diagnostics))
    elif fmt == "sarif":
        from .. import __version__

        sys.stdout.write(render_sarif(diagnostics, __version__))
    else:
        sys.stdout.write(render_text(diagnostics, sources))
        print(summary(diagnostics))
    if args.statistics:
        sys.stdout.write(statistics(diagnostics))
    level = min(fail_levels, key=lambda lv: SEVERITY_ORDER[lv]) if fail_levels else "warning"
    failing = at_or_above(diagnostics, level)  # type: ignore[arg-type]
    return 0 if args.exit_zero or not failing else 1
