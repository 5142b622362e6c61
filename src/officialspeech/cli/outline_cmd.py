"""``officialspeech outline FILE``: an indented outline for people (or Markdown, or JSON)."""

from __future__ import annotations

import argparse
import json
import sys

from ..io import read_text
from ..outline import outline_data, render_markdown, render_text
from ..parser import parse_speech

NAME = "outline"
HELP = "Print the outline of a speech: headings, points, salutation and closing."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``outline``."""
    parser.add_argument("file", metavar="FILE", help="a speech file, or - for standard input")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help="text (default), markdown, or json (the outline alone)")


def run(args: argparse.Namespace) -> int:
    """Print the outline in the chosen format."""
    speech = parse_speech(read_text(args.file))
    if args.format == "json":
        out = json.dumps(outline_data(speech), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "markdown":
        out = render_markdown(speech)
    else:
        out = render_text(speech)
    sys.stdout.write(out)
    return 0
