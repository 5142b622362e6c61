"""Walk a folder for speech files, reporting what could not be read (nothing is skipped
silently): an unreadable subfolder, or one that vanished during the walk, is an error."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def walk_files(folder: str | Path, wanted: Callable[[Path], bool],
               prune_hidden: bool = False) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files under ``folder`` (recursively, symbolic links to folders not followed,
    sorted) for which ``wanted(path)`` is true, and ``(path, problem)`` for each folder or
    entry that could not be read. With ``prune_hidden``, folders whose name starts with a
    dot (.git, .venv…) are not entered."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    stack = [str(folder)]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            if not (prune_hidden and entry.name.startswith(".")):
                                stack.append(entry.path)
                        elif entry.is_file() and wanted(Path(entry.path)):
                            files.append(Path(entry.path))
                    except OSError as exc:
                        problems.append((entry.path, _reason(exc)))
        except OSError as exc:
            problems.append((current, _reason(exc)))
    files.sort()
    problems.sort()
    return files, problems


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied: folder not read"
    if isinstance(exc, FileNotFoundError):
        return "vanished while the folder was read"
    return f"cannot read: {exc.strerror or exc}"


def glob_matcher(pattern: str) -> Callable[[Path], bool]:
    """Whether a path matches ``pattern`` as ``Path.rglob(pattern)`` would match it."""
    return lambda p: p.match(pattern)
