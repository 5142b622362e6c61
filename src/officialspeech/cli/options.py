"""Options shared by the commands that read files."""

from __future__ import annotations

import argparse
import re

from ..compiled import compile_re
from ..io import MAX_BYTES, size_label
from ..readers import FORMATS, format_name

_UNITS = {"": 1, "k": 1 << 10, "ki": 1 << 10, "m": 1 << 20, "mi": 1 << 20, "g": 1 << 30, "gi": 1 << 30}
_SIZE = compile_re(r"\s*(\d+)\s*(k|ki|m|mi|g|gi|)(?:b)?\s*", re.I)


def byte_size(value: str) -> int:
    """A positive size in bytes: ``65536``, ``512K``, ``64M``, ``1GiB``."""
    m = _SIZE.fullmatch(value)
    if m is None or int(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a positive size in bytes (e.g. 64M): {value!r}")
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


def add_vocabulary(parser: argparse.ArgumentParser) -> None:
    """``--vocabulary FILE``: a vocabulary extension (JSON or TOML) merged into the built-in
    vocabulary for the whole command, batch worker processes included (``main`` loads it)."""
    parser.add_argument("--vocabulary", default=None, metavar="FILE",
                        help="extend the built-in vocabulary with this JSON or TOML file (salutation and closing "
                             "words, chrome patterns, title suffixes…; README: Extending the vocabulary)")


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    """``--max-bytes``: the cap on a document's bytes and extracted text."""
    parser.add_argument("--max-bytes", type=byte_size, default=MAX_BYTES, metavar="SIZE",
                        help=f"refuse a document whose file or extracted text is larger (default {size_label(MAX_BYTES)}; "
                             "K, M, G suffixes)")


def add_batch_inputs(parser: argparse.ArgumentParser) -> None:
    """The options of the commands that convert folders and tables in batch (parse, chunk):
    ``--glob``, ``--input-format``, ``--text-field``, ``--id-field``, ``--resume``, ``--progress``."""
    parser.add_argument("--glob", default=None,
                        help="files to take from folders (default *.txt; *.docx, *.pdf or *.htm* "
                             "with --input-format docx, pdf or html)")
    parser.add_argument("--input-format", choices=(*FORMATS, "jsonl", "csv"), type=format_name, default=None,
                        help="read the inputs as text, Markdown (markdown or md), .docx, PDF, HTML, or as tables "
                             "(default: by suffix)")
    parser.add_argument("--text-field", default="text", help="the text column of a table (default text)")
    parser.add_argument("--id-field", default=None, help="the id column of a table (default: file:line)")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run into --output")
    parser.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                        help="progress bar on stderr (auto: when it is a terminal)")
