"""Every command of the README's `sh` blocks runs as written: from a copy of examples/ and
docs/, with the officialspeech of this environment, exiting 0 or the code a trailing
`# exits N` names. Lines ending in `# [not run: REASON]` are skipped, for the reasons the
README lists (network, cluster, published package, test suite)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REASONS = {"network", "cluster", "published package", "test suite"}
_NOT_RUN = re.compile(r"#\s*\[not run: ([^\]]+)\]\s*$")
_EXITS = re.compile(r"#\s*exits (\d+)\s*$")


def readme_commands() -> list[tuple[str, str | None]]:
    """(command line, reason it is not run or None) for every line of every sh block."""
    text = (ROOT / "README.md").read_text("utf-8")
    out: list[tuple[str, str | None]] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        pending = ""
        for raw in block.splitlines():
            line = pending + raw
            if line.rstrip().endswith("\\"):
                pending = line.rstrip()[:-1] + " "
                continue
            pending = ""
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = _NOT_RUN.search(line)
            out.append((line.strip(), m.group(1) if m else None))
    return out


COMMANDS = readme_commands()


def test_the_readme_has_commands_and_marks_only_known_reasons() -> None:
    assert len([c for c, reason in COMMANDS if reason is None]) >= 5
    assert {reason for _, reason in COMMANDS if reason is not None} <= REASONS
    # what is skipped is marked: installing needs the network, the test command is this suite
    for command, reason in COMMANDS:
        if "pytest" in command:
            assert reason == "test suite", command
        elif command.startswith("pip install"):
            assert reason == "network", command


@pytest.mark.parametrize("command", [c for c, reason in COMMANDS if reason is None])
def test_readme_command_runs(command: str, tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    for folder in ("examples", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    m = _EXITS.search(command)
    expected = int(m.group(1)) if m else 0
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("GITHUB_STEP_SUMMARY", None)
    result = subprocess.run([bash, "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == expected, (command, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    assert "command not found" not in result.stderr


def test_the_readme_table_has_every_command_and_flag() -> None:
    """The README's one table of flags and exit codes names every command and every option."""
    import argparse

    from officialspeech.cli import COMMANDS, build_parser, command_module

    text = (ROOT / "README.md").read_text("utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `(\w+)` \|.*$", text, re.M)}
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for module in map(command_module, COMMANDS):
        assert module.NAME in rows, module.NAME
        for action in sub.choices[module.NAME]._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert f"`{flag}" in rows[module.NAME] or f"/{flag}" in rows[module.NAME], (module.NAME, flag)
