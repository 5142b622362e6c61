"""``officialspeech outline FILE``: an indented outline for people (or Markdown, or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..files import parse_file, parse_file_tree
from ..outline import outline_data, render_markdown, render_text
from ..readers import FORMATS, format_name
from .options import add_max_bytes, add_vocabulary

NAME = "outline"
HELP = "Print the outline of a speech: headings, points, salutation and closing."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``outline``."""
    parser.add_argument("file", metavar="FILE", help="a speech file, or - for standard input")
    parser.add_argument("--format", choices=("text", "markdown", "json", "html"), default="text",
                        help="text (default), markdown, json (the outline alone), or html (the page of `view`)")
    parser.add_argument("--input-format", choices=FORMATS, type=format_name, default=None,
                        help="read the file as text, Markdown (markdown or md), .docx, PDF or HTML (default: by suffix)")
    add_max_bytes(parser)
    add_vocabulary(parser)


def run(args: argparse.Namespace) -> int:
    """Print the outline in the chosen format (all but html from the plain parse tree: the
    models are not built, which a one-shot command would pay ~20 ms for)."""
    if args.format == "html":
        from ..view import render_html

        speech = parse_file(args.file, args.input_format, args.max_bytes)
        out = render_html(speech, name=Path(args.file).name if args.file != "-" else "")
    else:
        tree = parse_file_tree(args.file, args.input_format, args.max_bytes)
        if args.format == "json":
            out = json.dumps(outline_data(tree), ensure_ascii=False, indent=2) + "\n"
        elif args.format == "markdown":
            out = render_markdown(tree)
        else:
            out = render_text(tree)
    sys.stdout.write(out)
    return 0
