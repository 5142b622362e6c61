"""The ``officialspeech`` command line: ``main(argv) -> int`` and a registry of commands.

Each command lives in its own module with ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``; add a new one to ``COMMANDS``.  Only the module of the command
being run is imported (``outline`` does not load ``check`` or the batch runner): the others
get a bare sub-parser, so their names stay valid choices; with no command (or ``--help``)
every module is loaded to list them.  Exit codes: 0 success, 1 findings (``check``),
2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from types import ModuleType

from ..errors import OfficialSpeechError

# command name -> its module in this package, in the order ``--help`` lists them
COMMANDS: dict[str, str] = {"parse": "parse_cmd", "outline": "outline_cmd", "schema": "schema_cmd",
                            "check": "check_cmd", "repair": "repair_cmd"}


def command_module(name: str) -> ModuleType:
    """The module of command ``name`` (imported on first use)."""
    return import_module(f".{COMMANDS[name]}", __name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every registered command in full, or only ``command`` in full
    (the others bare, so that their modules are not imported)."""
    from .. import __version__

    parser = _Parser(prog="officialspeech", description="Parse and check Chinese official speeches.")
    parser.add_argument("--version", action="version", version=f"officialspeech {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        if command is not None and name != command:
            sub.add_parser(name)
            continue
        module = command_module(name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when its first word names one."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
        if word == "--":
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(_command(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        code: int = args._run(args)
    except OfficialSpeechError as exc:
        print(f"officialspeech: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return code


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
