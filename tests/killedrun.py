"""Start a batch run and kill it with SIGKILL (the whole process group) once it has written
some output: what `--resume` must recover from."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def parse_command(source: Path, out: Path) -> list[str]:
    """``officialspeech parse SOURCE -o OUT --jobs 2`` in a fresh interpreter."""
    return [sys.executable, "-m", "officialspeech", "parse", str(source), "-o", str(out), "--jobs", "2"]


def kill_when_written(cmd: list[str], out: Path, min_bytes: int = 20000, timeout: float = 20) -> bytes:
    """Run ``cmd``, kill it with SIGKILL when ``out`` holds ``min_bytes`` (or after ``timeout``
    seconds) and return what it had written."""
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < min_bytes):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    return out.read_bytes()
