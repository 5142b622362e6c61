"""Convert documents to JSON Lines, in this process or in worker processes.

Worker processes read, parse and serialise batches of documents and send back UTF-8 lines;
the parent takes every jobs-th batch itself (so ``--jobs 2`` is one worker process and the
parent, and no core waits on a process that only copies records), writes all lines in input
order, and never holds more than a few batches in flight, so memory stays flat however
large the corpus.  Every record is written whole and flushed per batch, so a run
killed at any point (kill -9 included) leaves whole records plus at most one torn line,
which ``--resume`` cuts off before continuing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TextIO

from .progress import Progress
from .records import WithVocabulary, convert
from .sources import Document

BATCH = 32  # documents converted per task (fewer, larger tasks: less of the parent's time in the pool)
IN_FLIGHT = 3  # tasks queued per worker


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


Converter = Callable[[Document], tuple[str, bool]]


def _convert_batch(docs: list[Document], converter: Converter = convert) -> list[tuple[bytes, int, bool]]:
    """The records of ``docs``, each a UTF-8 line (encoded here, in the worker: the parent
    only copies bytes), with the document's size and whether it parsed.  ``converter``
    makes a document's record (several lines for ``chunk``; none when it gives '')."""
    out = []
    for doc in docs:
        line, ok = converter(doc)
        if doc.text is not None:
            size = len(doc.text.encode("utf-8"))
        else:
            size = len(doc.data) if doc.data is not None else _size(doc.path)
        out.append(((line + "\n").encode("utf-8") if line else b"", size, ok))
    return out


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path and path != "-" else 0
    except OSError:
        return 0


def _batches(docs: Iterable[Document], skip: Counter[str]) -> Iterator[list[Document]]:
    def todo(d: Document) -> bool:
        if skip[d.id] > 0:  # as many documents of an id are skipped as have a record already
            skip[d.id] -= 1
            return False
        return True

    it = (d for d in docs if todo(d))
    while True:
        chunk = list(islice(it, BATCH))
        if not chunk:
            return
        yield chunk


def run(docs: Iterable[Document], out: TextIO, jobs: int, progress: Progress,
        skip: Iterable[str] | None = None, converter: Converter = convert, vocabulary: str | None = None) -> None:
    """Write one record per document of ``docs`` to ``out``, except those already done:
    ``skip`` lists their ids (an id listed twice skips its first two documents).
    ``converter`` makes the records (default: the Speech JSON; a picklable callable).
    ``vocabulary``: a vocabulary file each process loads and parses with (``--vocabulary``)."""
    if vocabulary is not None:
        converter = WithVocabulary(vocabulary, converter)
    remaining = Counter(skip or ())

    binary = getattr(out, "buffer", None)  # a text file's bytes underneath, when it has them
    out.flush()

    def write(results: list[tuple[bytes, int, bool]]) -> None:
        data = b"".join(line for line, _, _ in results)
        if binary is not None:
            binary.write(data)
            binary.flush()
        else:
            out.write(data.decode("utf-8"))
            out.flush()
        for _, size, ok in results:
            progress.update(size, ok)

    if jobs <= 1:
        for chunk in _batches(docs, remaining):
            write(_convert_batch(chunk, converter))
        return
    # jobs - 1 worker processes, and this process takes every jobs-th batch itself, in turn
    # when its records are due: on a machine with as many cores as jobs no core waits for
    # the one that only copies records
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    Results = list[tuple[bytes, int, bool]]
    with multiprocessing.get_context(method).Pool(jobs - 1) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[Results] | list[Document]] = deque()

        def write_next() -> None:
            item = pending.popleft()
            write(_convert_batch(item, converter) if isinstance(item, list) else item.get())

        for i, chunk in enumerate(_batches(docs, remaining)):
            pending.append(chunk if i % jobs == jobs - 1 else pool.apply_async(_convert_batch, (chunk, converter)))
            while len(pending) >= jobs * IN_FLIGHT:
                write_next()
        while pending:
            write_next()
