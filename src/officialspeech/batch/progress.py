"""A progress line on stderr when it is a terminal (documents, MB/s, and the ETA when the total
is known); silent otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts documents and bytes; draws at most a few times a second."""

    def __init__(self, total: int | None = None, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.done = 0
        self.failed = 0
        self.bytes = 0
        self.start = time.monotonic()
        self._drawn = 0.0

    def update(self, size: int, ok: bool) -> None:
        """One more document of ``size`` bytes."""
        self.done += 1
        self.bytes += size
        self.failed += not ok
        now = time.monotonic()
        if self.enabled and now - self._drawn > 0.2:
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The progress text."""
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        rate = self.bytes / elapsed / 1e6
        text = f"{self.done} documents, {self.failed} failed, {rate:.1f} MB/s"
        if self.total:
            left = round(max(self.total - self.done, 0) * elapsed / max(self.done, 1))
            eta = f"{left // 60}:{left % 60:02d}" if left >= 60 else f"{left} s"
            text = f"{self.done}/{self.total} documents, {self.failed} failed, {rate:.1f} MB/s, ETA {eta}"
        return text

    def finish(self) -> str:
        """Clear the bar and return the summary line."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        elapsed = time.monotonic() - self.start
        return (f"officialspeech parse: {self.done} documents, {self.failed} failed, "
                f"{self.bytes / 1e6:.1f} MB in {elapsed:.1f} s")
