"""``officialspeech parse INPUT...``: the Speech JSON of one file, or JSON Lines for many.

One file prints its Speech JSON (indented). Several files, folders, JSON Lines or CSV
tables (a text column), ``-o``, ``--jobs`` or ``--resume`` switch to batch mode: one
record per document, ``{"id": …, …speech}`` or ``{"id": …, "error": {"kind", "message"}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from ..batch import Progress, completed, default_jobs, iter_documents
from ..batch import run as run_batch
from ..batch.sources import default_glob, table_format
from ..errors import InputError, OutputError, os_error_line
from ..files import parse_file
from ..readers import FORMATS, format_name
from .options import add_max_bytes

NAME = "parse"
HELP = "Parse speeches: the JSON tree of one file, or JSON Lines for folders, tables and many files."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``parse``."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="speech files, folders, .jsonl/.csv tables, or - for standard input")
    parser.add_argument("--indent", type=int, default=None, help="indent the JSON of a single file (default 2)")
    parser.add_argument("-o", "--output", default=None, help="write JSON Lines to this file instead of stdout")
    parser.add_argument("--jobs", "-j", type=int, default=None,
                        help=f"processes converting at once, this one included (default: the cores available, here {default_jobs()})")
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
    parser.add_argument("--scheduler", default=None,
                        help="run on a Dask cluster at this address (needs the dask extra)")
    add_max_bytes(parser)


def _batch_mode(args: argparse.Namespace) -> bool:
    if len(args.inputs) > 1 or args.output or args.jobs or args.resume or args.scheduler:
        return True
    name = args.inputs[0]
    if table_format(name, args.input_format) is not None:
        return True
    return name != "-" and Path(name).is_dir()


def _count(args: argparse.Namespace) -> tuple[int | None, list[str]]:
    """The number of documents when the inputs are files and folders only (None with tables
    or standard input), and the folders that hold no file to parse."""
    reader = args.input_format if args.input_format in FORMATS else None
    pattern = args.glob or default_glob(reader)
    total: int | None = 0
    empty: list[str] = []
    for name in args.inputs:
        if name == "-" or table_format(name, args.input_format) is not None:
            total = None
            continue
        path = Path(name)
        n = sum(1 for f in path.rglob(pattern) if f.is_file()) if path.is_dir() else 1
        if path.is_dir() and n == 0:
            empty.append(f"{name}: no files matching {pattern} in this folder")
        if total is not None:
            total += n
    return total, empty


def _check_output(output: str, resume: bool) -> None:
    """Refuse an output that is a folder, and with ``--resume`` anything but a regular file
    (a device or a pipe would be read forever)."""
    path = Path(output)
    try:
        if path.is_dir():
            raise OutputError(f"cannot write {output}: is a folder, not a file")
        if resume and path.exists() and not path.is_file():
            raise OutputError(f"--resume needs a regular file as -o/--output: {output} is not one")
    except OSError as exc:
        raise OutputError(f"cannot write {os_error_line(exc, output)}") from None


def run(args: argparse.Namespace) -> int:
    """Parse; in batch mode exit 1 when some documents failed."""
    if args.resume and not args.output:
        print("officialspeech: error: --resume needs -o/--output", file=sys.stderr)
        return 2
    if not _batch_mode(args):
        reader = args.input_format if args.input_format in FORMATS else None
        data = parse_file(args.inputs[0], reader, args.max_bytes).model_dump(mode="json")
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2 if args.indent is None else args.indent) + "\n")
        return 0
    total, empty = _count(args)
    if empty:
        for message in empty:
            print(f"officialspeech: error: {message}", file=sys.stderr)
        return 2
    if args.output:
        _check_output(args.output, args.resume)
    try:
        return _run_batch(args, total)
    except OSError as exc:
        if exc.filename is not None and exc.filename != args.output:
            raise InputError(exc.strerror or str(exc), str(exc.filename)) from None  # an input, not the output
        where = args.output or "standard output"
        raise OutputError(f"cannot write {where}: {exc.strerror or exc}") from None


def _run_batch(args: argparse.Namespace, total: int | None) -> int:
    docs = iter_documents(args.inputs, glob=args.glob, text_field=args.text_field, id_field=args.id_field,
                          input_format=args.input_format, max_bytes=args.max_bytes)
    enabled = {"auto": None, "always": True, "never": False}[args.progress]
    skip: Counter[str] = Counter()
    already_failed = 0
    if args.output and args.resume:
        skip, already_failed = completed(Path(args.output))
    if total is not None:
        total = max(total - sum(skip.values()), 0)  # the documents a resumed run still converts
    progress = Progress(total=total or None, enabled=enabled)
    if args.scheduler:
        from ..batch.dask import run_on_cluster

        failed = run_on_cluster(docs, args.scheduler, args.output, skip if args.resume else None)
        print(f"officialspeech parse: {failed} failed", file=sys.stderr)
        return 1 if failed or already_failed else 0
    if args.output:
        with open(args.output, "a" if args.resume else "w", encoding="utf-8") as out:
            run_batch(docs, out, args.jobs or default_jobs(), progress, skip)
    else:
        run_batch(docs, sys.stdout, args.jobs or 1, progress, skip)
    print(progress.finish(), file=sys.stderr)
    if progress.done == 0 and not args.resume:  # empty tables: nothing to parse is an input error
        print(f"officialspeech: error: no documents in {', '.join(args.inputs)}", file=sys.stderr)
        return 2
    return 1 if progress.failed or already_failed else 0
