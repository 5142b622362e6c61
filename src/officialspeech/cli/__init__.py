"""The ``officialspeech`` command line: ``main(argv) -> int`` and a registry of commands.

Each command lives in its own module with ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``; add a new one to ``COMMANDS``.  Only the module of the command
being run is imported (``outline`` does not load ``check`` or the batch runner): the others
get a bare sub-parser, so their names stay valid choices; with no command (or ``--help``)
every module is loaded to list them.  Exit codes, the same for every command: 0 success,
1 findings (``check``) or failed documents in a batch (``parse``, ``chunk``), 2 usage error or
input that cannot be read (a folder without speech files included).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from importlib import import_module
from types import ModuleType

from ..errors import OfficialSpeechError, os_error_line

# command name -> its module in this package, in the order ``--help`` lists them
COMMANDS: dict[str, str] = {"parse": "parse_cmd", "outline": "outline_cmd", "schema": "schema_cmd",
                            "check": "check_cmd", "rule": "rule_cmd", "repair": "repair_cmd",
                            "chunk": "chunk_cmd", "view": "view_cmd"}


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


def _tolerant_output() -> None:
    """A file name that is not valid UTF-8 on disk reaches Python as surrogate escapes; on a
    strict UTF-8 terminal or pipe printing it would raise. Print such characters as
    ``\\udcff`` escapes instead (in JSON output that is the same string, escaped)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    _tolerant_output()
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
        with _vocabulary(args):
            code: int = args._run(args)
        sys.stdout.flush()  # a full disk under stdout shows here, not at exit
    except OfficialSpeechError as exc:
        _error(str(exc))
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # writing stdout or a file failed (full disk, read-only, a folder…)
        _error(_os_message(exc))
        return 2
    return code


@contextlib.contextmanager
def _vocabulary(args: argparse.Namespace) -> Iterator[None]:
    """The command's ``--vocabulary FILE`` active while it runs (a bad file: one-line error)."""
    path = getattr(args, "vocabulary", None)
    if path is None:
        yield
        return
    from ..vocab import using
    from ..vocab_extension import load_vocabulary

    with using(load_vocabulary(path)):
        yield


def _os_message(exc: OSError) -> str:
    """An OSError that reached the top: a failed write to stdout unless it names a file."""
    return os_error_line(exc) if exc.filename is not None else f"cannot write standard output: {os_error_line(exc)}"


def _error(message: str) -> None:
    with contextlib.suppress(OSError):  # stderr itself cannot be written: the exit code says it
        print(f"officialspeech: error: {' '.join(message.split())}", file=sys.stderr)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush of what could not be
    written does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:
    """Console-script entry point."""
    if sys.stderr is None:  # started with stderr closed: messages go nowhere, not to stdout
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    if sys.stdout is None:  # started with stdout closed
        _error("cannot write standard output: it is closed")
        sys.exit(2)
    code = main()
    from .. import compiled

    compiled.save()  # the patterns this run compiled, for the next one (never an error)
    if code == 2:  # any output error was reported: drop what is still buffered
        _quiet_stdout()
        sys.exit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as exc:
        _error(_os_message(exc))
        _quiet_stdout()
        code = 2
    sys.exit(code)
