"""Corpus conversion on a Dask cluster (optional extra ``dask``).

Dask was chosen over Spark: it is pure Python, installs from PyPI in seconds, runs the
same ``convert`` function in its workers without a JVM or serialisation bridge, and a
``LocalCluster`` gives tests the real scheduler.  For a real cluster start
``dask scheduler`` on one machine and ``dask worker tcp://HOST:8786`` on the others (each
with officialspeech installed), then run ``officialspeech parse INPUTS --scheduler
tcp://HOST:8786 -o out.jsonl`` or call :func:`parse_bag` on your own bag.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import Any

from ..errors import OutputError
from .records import WithVocabulary, convert
from .sources import Document

PARTITION = 64  # documents a Dask partition holds
CONNECT_TIMEOUT = 5  # seconds to reach the scheduler before giving up


def _record(item: Document | str | tuple[str, str]) -> dict[str, Any]:
    if isinstance(item, str):
        doc = Document(id="", text=item)
    elif isinstance(item, tuple):
        doc = Document(id=item[0], text=item[1])
    else:
        doc = item
    line, _ = convert(doc)
    data: dict[str, Any] = json.loads(line)
    return data


def parse_bag(bag: Any) -> Any:
    """Map a ``dask.bag.Bag`` of texts, ``(id, text)`` pairs or Documents to outline records
    (dicts: the Speech JSON with its id, or ``{"id", "error"}``)."""
    return bag.map(_record)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _connect(client_class: Any, address: str) -> Any:
    """A client of the scheduler at ``address``, or an OutputError after ``CONNECT_TIMEOUT``
    seconds (a wrong address, a scheduler that is down), with distributed's own log lines
    about the failed attempts kept off stderr."""
    import logging

    quiet = [logging.getLogger(name) for name in ("distributed", "distributed.client", "distributed.comm")]
    levels = [log.level for log in quiet]
    for log in quiet:
        log.setLevel(logging.CRITICAL)
    try:
        return client_class(address, timeout=CONNECT_TIMEOUT, set_as_default=True)
    except Exception as exc:  # OSError, TimeoutError, ValueError for a malformed address…
        raise OutputError(f"cannot connect to the Dask scheduler at {address} "
                          f"within {CONNECT_TIMEOUT} s: {_one_line(exc)}") from None
    finally:
        for log, level in zip(quiet, levels, strict=True):
            log.setLevel(level)


def run_on_cluster(docs: Iterable[Document], address: str, output: str | None,
                   skip: Iterable[str] | None = None, vocabulary: str | None = None) -> int:
    """Convert ``docs`` on the Dask scheduler at ``address``; write JSON Lines to ``output`` (or
    stdout); return the number of failed documents. With ``skip`` (the ids already in
    ``output``, as for ``--resume``) those documents are left out and ``output`` is appended to.
    ``vocabulary``: a vocabulary file the workers load (it must be readable there too)."""
    import sys
    from collections import Counter

    import dask.bag as db
    from distributed import Client

    remaining = Counter(skip or ())
    items = []  # the documents are small here: paths, or table rows
    for doc in docs:
        if remaining[doc.id] > 0:
            remaining[doc.id] -= 1
        else:
            items.append(doc)
    mode = "a" if skip is not None else "w"
    results: list[tuple[str, bool]] = []
    if items:
        client = _connect(Client, address)
        try:
            bag = db.from_sequence(items, partition_size=PARTITION).map(WithVocabulary(vocabulary) if vocabulary else convert)  # type: ignore[no-untyped-call]
            results = bag.compute()
        except Exception as exc:  # the cluster went away, a worker died…: one line, nothing half-written
            raise OutputError(f"the Dask run on {address} failed: {_one_line(exc)}") from None
        finally:
            with contextlib.suppress(Exception):
                client.close()
    failed = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(open(output, mode, encoding="utf-8")) if output else sys.stdout
        for line, ok in results:
            out.write(line + "\n")
            failed += not ok
    return failed
