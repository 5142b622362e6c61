"""Resume an interrupted run: the ids already written, and the output cut back to whole lines."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from .records import record_id


def completed(path: Path) -> tuple[Counter[str], int]:
    """Ids with a record in ``path`` (with how many records each: an input may repeat an id)
    and the number of failed ones; a torn last line (the run was killed while writing it) is
    cut off so the file ends with a whole record."""
    done: Counter[str] = Counter()
    failed = 0
    if not path.exists():
        return done, failed
    good_end = 0
    with open(path, "rb") as fh:
        offset = 0
        for raw in fh:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break
            parsed = record_id(raw.decode("utf-8", errors="replace"))
            if parsed is None:
                break
            doc_id, ok = parsed
            done[doc_id] += 1
            failed += not ok
            good_end = offset
    cut_back(path, good_end)
    return done, failed


def cut_back(path: Path, good_end: int) -> None:
    """Cut a torn last record off an output: keep its first ``good_end`` bytes (on disk)."""
    if good_end != path.stat().st_size:
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
            os.fsync(fh.fileno())
