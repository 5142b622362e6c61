"""``officialspeech schema``: print the JSON Schema of the Speech JSON."""

from __future__ import annotations

import argparse
import json
import sys

from ..model import Speech

NAME = "schema"
HELP = "Print the JSON Schema of the JSON that `parse` prints."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``schema`` takes no arguments."""


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    schema = Speech.model_json_schema(mode="serialization")
    sys.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
    return 0
