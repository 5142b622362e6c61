"""``officialspeech check`` configuration: rule selectors that name no rule and bad values
are usage errors (exit 2, one line on stderr), never ignored and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from officialspeech.cli import main

DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天,我们召开全县工作会议。\n一、加强领导\n要高度重视。\n"
         "（一）、明确分工\n要分工明确。\n（二）压实责任\n要层层落实。\n二、强化保障\n要落实经费。\n")


def _err_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# unknown rule selectors and bad values in configuration files


@pytest.mark.parametrize("setting", [
    'select = ["N", "Z999"]',
    'ignore = ["no-such-rule"]',
    'per-file-ignores = {"*.txt" = ["Q1"]}',
    'severity = {Z999 = "info"}',
    'severity = {N = "info"}',  # a severity names one rule, not a prefix
    'severity = {N101 = ["info"]}',
    'fail-level = ["error"]',
])
def test_bad_config_values_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            setting: str) -> None:
    (tmp_path / "officialspeech.toml").write_text(setting + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt")]) == 2
    out, err = capsys.readouterr()
    lines = _err_lines(err)
    assert len(lines) == 1
    assert "officialspeech.toml" in lines[0]
    assert out == ""


@pytest.mark.parametrize(("content", "code", "errors"), [
    ("tool = 3\n", 1, 0),  # no [tool.officialspeech] table: not ours, defaults apply
    ("[tool]\nofficialspeech = 3\n", 2, 1),
])
def test_odd_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, code: int,
                       errors: int) -> None:
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt")]) == code
    assert len(_err_lines(capsys.readouterr().err)) == errors


def test_cli_unknown_selector(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--ignore", "S504,nope", str(tmp_path / "a.txt")]) == 2
    lines = _err_lines(capsys.readouterr().err)
    assert lines == ["officialspeech: error: unknown rule selector(s): nope"]


def test_a_bad_config_does_not_stop_the_other_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad, good = tmp_path / "bad", tmp_path / "good"
    for folder in (bad, good):
        folder.mkdir()
        for name in ("a.txt", "b.txt"):
            (folder / name).write_text(DRAFT, encoding="utf-8")
    (bad / "officialspeech.toml").write_text('select = ["Z999"]\n', encoding="utf-8")
    (good / "officialspeech.toml").write_text("\n", encoding="utf-8")
    assert main(["check", str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert len(_err_lines(err)) == 1  # said once, not for each file under it
    assert str(good / "a.txt") in out  # the files the bad config does not govern were checked
    assert str(good / "b.txt") in out
    assert str(bad / "a.txt") not in out
