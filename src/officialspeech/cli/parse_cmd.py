"""``officialspeech parse FILE|- ...``: print the Speech JSON (JSON Lines for several files)."""

from __future__ import annotations

import argparse
import json
import sys

from ..io import read_text
from ..parser import parse_speech

NAME = "parse"
HELP = "Parse speeches and print their JSON tree (one JSON object per line for several files)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``parse``."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="speech files, or - for standard input")
    parser.add_argument("--indent", type=int, default=None,
                        help="indent the JSON (default: 2 for one file, none for several)")


def run(args: argparse.Namespace) -> int:
    """Parse every file; all inputs are read before anything is printed."""
    texts = [(name, read_text(name)) for name in args.files]
    single = len(texts) == 1
    indent = args.indent if args.indent is not None else (2 if single else None)
    for name, text in texts:
        data = parse_speech(text).model_dump(mode="json")
        if not single:
            data = {"path": name, **data}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    return 0
