"""Exceptions raised by officialspeech."""

from __future__ import annotations


class OfficialSpeechError(Exception):
    """Base class of all officialspeech errors."""


class InputError(OfficialSpeechError):
    """Input that cannot be read as a speech: missing, binary, undecodable or empty.

    ``str(error)`` is one line meant for people; ``path`` names the input when known.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        text = f"{path}: {message}" if path else message
        super().__init__(" ".join(text.splitlines()) if len(text.splitlines()) > 1 else text)  # one line, always


class OutputError(OfficialSpeechError):
    """Output that cannot be written (a full disk, a read-only or missing folder, a folder
    named as the output file), or a cluster that cannot be reached. One line for people."""


def os_error_line(exc: OSError, default: str | None = None) -> str:
    """An OSError as one line: the file it names (or ``default``) and the reason."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    where = exc.filename if exc.filename is not None else default
    return f"{where}: {reason}" if where else reason


class VocabularyError(InputError):
    """A vocabulary extension (``load_vocabulary``, ``--vocabulary FILE``) that cannot be
    used: missing, not JSON/TOML, an unknown key, a wrong type, a pattern that does not
    compile. ``str(error)`` is one line naming the file and the key."""
