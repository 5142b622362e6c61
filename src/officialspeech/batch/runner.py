"""Convert documents to JSON Lines, in this process or in worker processes.

Worker processes read, parse and serialise batches of documents and send back UTF-8 lines;
``--jobs N`` is N - 1 worker processes and the parent, which converts a batch itself whenever
the workers have all the batches they can queue (so no core waits on a process that only
copies records), writes all lines in input order, and never holds more than a few batches
in flight, so memory stays flat however large the corpus. Batches are cut by size, the
first ones small so that every worker starts at once; workers are warmed (patterns
compiled) before their first document.  Every record is written whole and flushed per batch, so a run
killed at any point (kill -9 included) leaves whole records plus at most one torn line,
which ``--resume`` cuts off before continuing.
"""

from __future__ import annotations

import gc
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from .progress import Progress
from .records import WithVocabulary, convert
from .sources import Document

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

# Batches are cut by size (UTF-8 bytes, or the file's size): the first ones small, so that every
# worker has work at once, doubling up to BATCH_BYTES (a few tens of milliseconds of parsing:
# the pool's cost per task stays small, and no process is left waiting long on another's batch).
FIRST_BATCH_BYTES = 16_000
BATCH_BYTES = 512_000
BATCH_DOCS = 256  # at most this many documents a batch, however small
IN_FLIGHT = 3  # tasks queued per worker process
WARM_TEXT = "标题\n同志们：\n一、总体要求\n（一）坚持稳中求进。\n1.一是加强领导；二是狠抓落实。\n第1页 共1页\n"

Result = list[tuple[bytes, int, bool]]
Converter = Callable[[Document], tuple[str, bool]]


def default_jobs() -> int:
    """The cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def warm(converter: Converter = convert) -> None:
    """Compile the parser's patterns and build the models' schemas: called in the parent
    before the workers fork, and in each worker as it starts (next to nothing once inherited)."""
    converter(Document(id="warm", text=WARM_TEXT))


def _init_worker(converter: Converter) -> None:
    warm(converter)
    gc.freeze()  # what the worker inherited or built so far is never scanned (nor copied on write) again


def _convert_batch(docs: list[tuple[Document, int]], converter: Converter = convert) -> Result:
    """The records of ``docs``, each a UTF-8 line (encoded here, in the worker: the parent
    only copies bytes), with the document's size and whether it parsed. ``converter`` makes
    a document's record (several lines for ``chunk``; none when it gives ''). The cyclic
    garbage collector is off during a batch (records hold no cycles) and back on after it."""
    was = gc.isenabled()
    gc.disable()
    try:
        out = []
        for doc, size in docs:
            line, ok = converter(doc)
            out.append(((line + "\n").encode("utf-8") if line else b"", size, ok))
        return out
    finally:
        if was:
            gc.enable()


def _size(doc: Document) -> int:
    """The document's size in bytes: of its text (as UTF-8), its data, or its file."""
    if doc.text is not None:
        return len(doc.text.encode("utf-8"))
    if doc.data is not None:
        return len(doc.data)
    try:
        return os.path.getsize(doc.path) if doc.path and doc.path != "-" else 0
    except OSError:
        return 0


def _batches(docs: Iterable[Document], skip: Counter[str]) -> Iterator[list[tuple[Document, int]]]:
    """Batches of (document, size), by size: FIRST_BATCH_BYTES, doubling up to BATCH_BYTES."""
    limit = FIRST_BATCH_BYTES
    chunk: list[tuple[Document, int]] = []
    total = 0
    for d in docs:
        if skip[d.id] > 0:  # as many documents of an id are skipped as have a record already
            skip[d.id] -= 1
            continue
        size = _size(d)
        chunk.append((d, size))
        total += size
        if total >= limit or len(chunk) >= BATCH_DOCS:
            yield chunk
            chunk, total = [], 0
            limit = min(2 * limit, BATCH_BYTES)
    if chunk:
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

    def write(results: Result) -> None:
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
    _run_pool(_batches(docs, remaining), write, jobs, converter)


def _lookahead(batches: Iterator[list[tuple[Document, int]]], n: int) -> Iterator[tuple[list[tuple[Document, int]], int]]:
    """Each batch with how many follow it, counted up to ``n`` (batches read ``n`` ahead)."""
    ahead: deque[list[tuple[Document, int]]] = deque()
    for chunk in batches:
        ahead.append(chunk)
        if len(ahead) > n:
            yield ahead.popleft(), n
    while ahead:
        chunk = ahead.popleft()
        yield chunk, len(ahead)


def _run_pool(batches: Iterator[list[tuple[Document, int]]], write: Callable[[Result], None], jobs: int,
              converter: Converter = convert) -> None:
    """jobs - 1 worker processes, each kept IN_FLIGHT batches ahead; this process writes the
    records in order and, whenever the workers have all the batches they can queue, converts
    the next batch itself instead of waiting: on a machine with as many cores as jobs no
    core waits for the one that only copies records, whatever the balance of batch sizes.
    Near the end (the batches are read a few ahead) a worker is given one batch at a time,
    so that the last ones are shared out rather than left queued behind a busy worker."""
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    workers = jobs - 1
    queued = workers * IN_FLIGHT
    warm(converter)  # once, before the fork: the workers inherit the compiled patterns (spawn: they warm themselves)
    with multiprocessing.get_context(method).Pool(workers, initializer=_init_worker, initargs=(converter,)) as pool:
        _widen_pipes(pool)
        pending: deque[AsyncResult[Result] | Result] = deque()

        def write_ready() -> None:
            while pending and (isinstance(pending[0], list) or pending[0].ready()):
                item = pending.popleft()
                write(item if isinstance(item, list) else item.get())

        for chunk, left in _lookahead(batches, queued):
            write_ready()
            busy = sum(not isinstance(p, list) and not p.ready() for p in pending)
            if busy < (queued if left >= queued else workers):
                pending.append(pool.apply_async(_convert_batch, (chunk, converter)))
            else:
                pending.append(_convert_batch(chunk, converter))
            while len(pending) > 4 * queued:  # memory stays bounded when the head batch is slow
                item = pending.popleft()
                write(item if isinstance(item, list) else item.get())
        while pending:
            item = pending.popleft()
            write(item if isinstance(item, list) else item.get())


PIPE_BYTES = 1 << 20  # the pool's pipes widened to this (Linux's default cap, /proc/sys/fs/pipe-max-size)


def _widen_pipes(pool: object) -> None:
    """Widen the pool's task and result pipes (Linux: 64 KB by default) to PIPE_BYTES. A
    batch's records (~0.75 MB of JSON) then go into the pipe at once: through a 64 KB pipe
    the worker waits for the parent to drain each 64 KB, and the parent's reader thread waits
    for the GIL held by the parent's own parsing, a few ms a batch (about a tenth of the
    worker's time idle). Pools have no public handle on their pipes: ``_inqueue`` and
    ``_outqueue`` are looked up and anything missing (another platform, another Python) or
    refused (a lower pipe-max-size) leaves the pipe as it was; only speed depends on it."""
    import fcntl

    setsize = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setsize is None:
        return
    for queue in (getattr(pool, "_outqueue", None), getattr(pool, "_inqueue", None)):
        for end in (getattr(queue, "_writer", None), getattr(queue, "_reader", None)):
            try:
                fcntl.fcntl(end.fileno(), setsize, PIPE_BYTES)  # type: ignore[union-attr]
            except (OSError, AttributeError, ValueError):
                continue
