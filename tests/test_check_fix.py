"""``officialspeech check --fix``: encodings, byte order marks and line endings kept, nothing
but the reported fixes changed, fixes repeated until none is left, standard input."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from officialspeech.check import check_text
from officialspeech.check.diagnostic import Diagnostic, Fix, Position
from officialspeech.check.fixes import fix_until_stable
from officialspeech.cli import main

DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天,我们召开全县工作会议。\n一、加强领导\n要高度重视。\n"
         "（一）、明确分工\n要分工明确。\n（二）压实责任\n要层层落实。\n二、强化保障\n要落实经费。\n")
FIXED = DRAFT.replace("今天,", "今天，").replace("（一）、", "（一）")


def _err_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# --fix keeps the encoding, the byte order mark and the line endings


@pytest.mark.parametrize(("codec", "bom", "newline"), [
    ("gbk", b"", "\n"),
    ("gbk", b"", "\r\n"),
    ("gb18030", b"", "\n"),
    ("utf-8", b"\xef\xbb\xbf", "\n"),
    ("utf-8", b"", "\r\n"),
    ("utf-16-le", b"\xff\xfe", "\n"),
    ("utf-16-be", b"\xfe\xff", "\r\n"),
])
def test_fix_writes_back_in_the_files_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              codec: str, bom: bytes, newline: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(bom + DRAFT.replace("\n", newline).encode(codec))
    main(["check", "--fix", str(path)])
    assert "applied 2 fix(es)" in capsys.readouterr().err
    assert path.read_bytes() == bom + FIXED.replace("\n", newline).encode(codec)


def test_fix_changes_only_the_fixed_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # mixed line endings, a trailing blank line without newline, and a rare character
    text = DRAFT.replace("要高度重视。\n", "要高度重视。\r\n") + "  \u3000䶮"
    path = tmp_path / "draft.txt"
    path.write_bytes(text.encode("gb18030"))
    main(["check", "--fix", str(path)])
    expected = text.replace("今天,", "今天，").replace("（一）、", "（一）")
    assert path.read_bytes() == expected.encode("gb18030")


def test_fix_that_cannot_be_encoded_leaves_the_file_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from officialspeech.check.rules import shape

    monkeypatch.setitem(shape._FULL, ",", "\ud800")  # a replacement no encoding can store
    path = tmp_path / "draft.txt"
    data = DRAFT.encode("gbk")
    path.write_bytes(data)
    assert main(["check", "--fix", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = _err_lines(err)
    assert len(lines) == 1
    assert lines[0].startswith(f"officialspeech: error: {path}: not fixed")
    assert "GB18030" in lines[0]
    assert path.read_bytes() == data
    assert "S504" in out  # the findings are still reported


def test_fix_on_a_file_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", refuse)  # the fixed copy cannot take the file's place
    assert main(["check", "--fix", str(path)]) == 2
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 1
    assert "not fixed" in lines[0]
    assert path.read_text("utf-8") == DRAFT
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]  # no half-written copy left


def test_fix_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    path.chmod(0o640)
    assert main(["check", "--fix", str(path)]) in (0, 1)
    assert path.read_text("utf-8") != DRAFT  # fixed…
    assert path.stat().st_mode & 0o777 == 0o640  # …in place, mode kept
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


# --fix repeats until no safe fix is left


def test_fix_repeats_until_no_fix_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # in this run-on draft the second （二）， is only a heading once the first is fixed
    text = "在全县工作会议上的讲话\n同志们：\n（二），一、(一)明确分工（二），落实经费"
    first = [d for d in check_text(text) if d.fix is not None]
    assert len(first) == 1
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    main(["check", "--fix", str(path)])
    assert "applied 2 fix(es)" in capsys.readouterr().err
    after = path.read_text("utf-8")
    assert after == text.replace("（二），", "（二）")
    assert not [d for d in check_text(after) if d.fix is not None]


def test_fix_passes_are_bounded() -> None:
    def always(text: str) -> list[Diagnostic]:
        at = Position(line=1, column=1, offset=0)
        fix = Fix(start=0, end=0, replacement="x", description="insert x")
        return [Diagnostic(code="S504", name="n", severity="warning", message="m", start=at, end=at, fix=fix)]

    result = fix_until_stable("abc", always, max_passes=3)
    assert result.passes == 3
    assert result.text == "xxxabc"
    assert not result.converged


# --fix on standard input


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_fix_on_stdin_prints_the_fixed_text(monkeypatch: pytest.MonkeyPatch,
                                            capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _stdin(monkeypatch, DRAFT.encode("gbk"))
    assert main(["check", "--fix", "-"]) == 0
    out, err = capsysbinary.readouterr()
    assert out == FIXED.encode("gbk")  # only the fixed text, in the encoding it came in
    assert b"applied 2 fix(es)" in err
    assert b"no problems found" in err


@pytest.mark.parametrize(("data", "args"), [(b"\x00\x01binary", []), (b"PK\x03\x04damaged", ["--input-format", "docx"])])
def test_fix_on_stdin_passes_unfixable_input_through(monkeypatch: pytest.MonkeyPatch,
                                                     capsysbinary: pytest.CaptureFixture[bytes],
                                                     data: bytes, args: list[str]) -> None:
    _stdin(monkeypatch, data)
    assert main(["check", "--fix", *args, "-"]) == 2
    out, err = capsysbinary.readouterr()
    assert out == data  # `check --fix - < a > b` leaves b a copy of a, not empty
    assert len([line for line in err.splitlines() if line.strip()]) == 1


def test_fix_on_stdin_takes_no_other_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    _stdin(monkeypatch, DRAFT.encode("utf-8"))
    assert main(["check", "--fix", "-", str(path)]) == 2
    assert len(_err_lines(capsys.readouterr().err)) == 1
    assert path.read_text("utf-8") == DRAFT


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(["check", "--fix", str(link)]) in (0, 1)
    assert link.is_symlink()
    assert real.read_text("utf-8") == FIXED


def test_fix_on_stdin_passes_input_through_when_the_config_is_bad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    (tmp_path / "officialspeech.toml").write_text('select = ["Z999"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, DRAFT.encode("utf-8"))
    assert main(["check", "--fix", "-"]) == 2
    out, err = capsysbinary.readouterr()
    assert out == DRAFT.encode("utf-8")
    assert len([line for line in err.splitlines() if line.strip()]) == 1
