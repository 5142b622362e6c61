"""Convert documents to JSON Lines, in this process or in worker processes.

Workers read, parse and serialise; the parent only writes the lines they send back, in
input order, and never holds more than a few batches in flight, so memory stays flat
however large the corpus.  Every record is written whole and flushed per batch, so a run
killed at any point (kill -9 included) leaves whole records plus at most one torn line,
which ``--resume`` cuts off before continuing.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TextIO

from .progress import Progress
from .records import convert
from .sources import Document

BATCH = 8  # documents a worker converts per task
IN_FLIGHT = 3  # tasks queued per worker


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _convert_batch(docs: list[Document]) -> list[tuple[str, int, bool]]:
    out = []
    for doc in docs:
        line, ok = convert(doc)
        if doc.text is not None:
            size = len(doc.text.encode("utf-8"))
        else:
            size = len(doc.data) if doc.data is not None else _size(doc.path)
        out.append((line, size, ok))
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
        skip: Iterable[str] | None = None) -> None:
    """Write one record per document of ``docs`` to ``out``, except those already done:
    ``skip`` lists their ids (an id listed twice skips its first two documents)."""
    remaining = Counter(skip or ())

    def write(results: list[tuple[str, int, bool]]) -> None:
        out.write("".join(line + "\n" for line, _, _ in results))
        out.flush()
        for _, size, ok in results:
            progress.update(size, ok)

    if jobs <= 1:
        for chunk in _batches(docs, remaining):
            write(_convert_batch(chunk))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(jobs) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[list[tuple[str, int, bool]]]] = deque()
        for chunk in _batches(docs, remaining):
            pending.append(pool.apply_async(_convert_batch, (chunk,)))
            while len(pending) >= jobs * IN_FLIGHT:
                write(pending.popleft().get())
        while pending:
            write(pending.popleft().get())
