"""``officialspeech view FILE``: one self-contained HTML page to look at a parse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import parse_file
from ..readers import FORMATS, format_name
from ..view import render_html
from .options import add_vocabulary

NAME = "view"
HELP = "Write one self-contained HTML page showing the parse: the source text highlighted, an outline beside it."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``view``."""
    parser.add_argument("file", metavar="FILE", help="a speech file, or - for standard input")
    parser.add_argument("-o", "--output", default=None, help="write the page to this file (default: stdout)")
    parser.add_argument("--input-format", choices=FORMATS, type=format_name, default=None,
                        help="read the file as text, Markdown (markdown or md), .docx, PDF or HTML (default: by suffix)")
    add_vocabulary(parser)


def run(args: argparse.Namespace) -> int:
    """Write the page."""
    speech = parse_file(args.file, args.input_format)
    page = render_html(speech, name=Path(args.file).name if args.file != "-" else "")
    if args.output:
        Path(args.output).write_text(page, encoding="utf-8")
    else:
        sys.stdout.write(page)
    return 0
