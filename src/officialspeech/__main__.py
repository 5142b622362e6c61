"""``python -m officialspeech``."""

from officialspeech.cli import run

run()
