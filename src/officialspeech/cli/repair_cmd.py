"""``officialspeech repair FILE``: correct synonym-spinning corruption (伪原创)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import OutputError, os_error_line
from ..io import read_text
from .options import add_max_bytes

NAME = "repair"
HELP = "Print the text with spun words corrected (效劳→服务, 根底→基础…); certain ones unless --suspect."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``repair``."""
    parser.add_argument("file", metavar="FILE", help="a speech file, or - for standard input")
    parser.add_argument("-o", "--output", default=None, help="write the repaired text here instead of stdout")
    parser.add_argument("--suspect", action="store_true", help="also apply suspect corrections")
    parser.add_argument("--list", action="store_true", help="list each change (on stderr when the text goes to stdout)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (default: the repaired text) or json (the changes instead of the text)")
    parser.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    add_max_bytes(parser)


def run(args: argparse.Namespace) -> int:
    """Repair one file."""
    from ..spinning import repair_text

    text = read_text(args.file, args.max_bytes)
    repair = repair_text(text, include_suspect=args.suspect)
    if args.format == "json":
        sys.stdout.write(json.dumps([c.model_dump() for c in repair.changes], ensure_ascii=False, indent=2) + "\n")
        return 0
    if args.output:
        try:
            Path(args.output).write_text(repair.text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write {os_error_line(exc, args.output)}") from None
    else:
        sys.stdout.write(repair.text)
    if args.list:
        stream = sys.stdout if args.output else sys.stderr
        line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        for c in repair.changes:
            line = max(i for i, s in enumerate(line_starts) if s <= c.start)
            print(f"{args.file}:{line + 1}:{c.start - line_starts[line] + 1}: {c.wrong} → {c.correction} "
                  f"({c.confidence}, {c.rule})", file=stream)
    return 0
