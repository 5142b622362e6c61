"""The package's own files (``data/``, a wheel's ``grammars/``), found next to this module.

``importlib.resources`` gives the same paths for a package installed as files (every pip
install), but importing it costs a one-shot command ~5 ms of modules it pulls in
(tempfile, shutil, …)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def package_file(name: str) -> Path:
    """The file ``name`` (``data/vocab.json``) inside the package."""
    return PACKAGE / name


def package_text(name: str) -> str:
    """The UTF-8 text of the package file ``name``."""
    return package_file(name).read_text("utf-8")
