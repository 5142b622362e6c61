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
        super().__init__(f"{path}: {message}" if path else message)
