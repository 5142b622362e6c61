"""``officialspeech chunk INPUT...``: JSON Lines of chunks for search and RAG, in batch like ``parse``.

One line per chunk, ``{"id": …, "chunk": i, "chunks": n, "text": …, "heading_path": […],
"path": …, "span": {…}, "gaps": […], "pages": […], "kind": …}``, or one error record per
document that failed; ``--jobs`` and ``--resume`` work as for ``parse``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from ..batch import Progress, default_jobs, iter_documents
from ..batch import run as run_batch
from ..batch.chunking import ChunkRecords, completed_chunks
from ..chunks import BY
from ..readers import FORMATS, format_name

NAME = "chunk"
HELP = "Cut speeches into chunks with heading paths, paths, spans and pages: JSON Lines for RAG pipelines."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``chunk``."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="speech files, folders, .jsonl/.csv tables, or - for standard input")
    parser.add_argument("-o", "--output", default=None, help="write the JSON Lines to this file instead of stdout")
    parser.add_argument("--max-chars", type=int, default=500, help="longest chunk text, in characters (default 500)")
    parser.add_argument("--overlap", type=int, default=0,
                        help="characters a chunk may repeat from the end of the one before (default 0)")
    parser.add_argument("--by", choices=BY, default="point",
                        help="point (default): a chunk per point, paragraphs packed; paragraph: a chunk per "
                             "paragraph or point; section: a section's text packed")
    parser.add_argument("--jobs", "-j", type=int, default=None,
                        help=f"processes converting at once, this one included (default with -o: the cores available, "
                             f"here {default_jobs()}; 1 on stdout)")
    parser.add_argument("--glob", default=None, help="files to take from folders (default *.txt)")
    parser.add_argument("--input-format", choices=(*FORMATS, "jsonl", "csv"), type=format_name, default=None,
                        help="read the inputs as text, Markdown (markdown or md), .docx, PDF, HTML, or as tables "
                             "(default: by suffix)")
    parser.add_argument("--text-field", default="text", help="the text column of a table (default text)")
    parser.add_argument("--id-field", default=None, help="the id column of a table (default: file:line)")
    parser.add_argument("--resume", action="store_true", help="continue an interrupted run into --output")
    parser.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                        help="progress bar on stderr (auto: when it is a terminal)")


def run(args: argparse.Namespace) -> int:
    """Write the chunks; exit 1 when some documents failed, 2 on bad options."""
    if args.resume and not args.output:
        print("officialspeech: error: --resume needs -o/--output", file=sys.stderr)
        return 2
    if args.max_chars < 1 or not 0 <= args.overlap < args.max_chars:
        print("officialspeech: error: --max-chars must be at least 1 and --overlap from 0 to max-chars - 1",
              file=sys.stderr)
        return 2
    docs = iter_documents(args.inputs, glob=args.glob, text_field=args.text_field, id_field=args.id_field,
                          input_format=args.input_format)
    converter = ChunkRecords(args.max_chars, args.overlap, args.by)
    progress = Progress(enabled={"auto": None, "always": True, "never": False}[args.progress])
    skip: Counter[str] = Counter()
    already_failed = 0
    if args.output and args.resume:
        skip, already_failed = completed_chunks(Path(args.output))
    if args.output:
        with open(args.output, "a" if args.resume else "w", encoding="utf-8") as out:
            run_batch(docs, out, args.jobs or default_jobs(), progress, skip, converter)
    else:
        run_batch(docs, sys.stdout, args.jobs or 1, progress, skip, converter)
    print(progress.finish().replace("parse", "chunk", 1), file=sys.stderr)
    return 1 if progress.failed or already_failed else 0
