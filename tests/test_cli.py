"""The command line, called through main(argv) -> int."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from officialspeech import SCHEMA_VERSION
from officialspeech.cli import main

SPEECH = ("在全镇防汛工作会议上的讲话\n同志们：\n一、压实责任\n一是压实镇村责任。二是压实部门责任。\n"
          "二、做好准备\n要备足物资。\n谢谢大家！\n")


@pytest.fixture
def speech_file(tmp_path: Path) -> Path:
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    return path


def test_parse_one_file_prints_the_speech_json(speech_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(speech_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["length"] == len(SPEECH)
    assert [s["title"] for s in data["body"]] == ["压实责任", "做好准备"]
    assert data["closing"]["text"] == "谢谢大家！"


def test_parse_several_files_prints_json_lines(speech_file: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.txt"
    other.write_text("同志们：\n今天开会。\n", encoding="utf-8")
    assert main(["parse", str(speech_file), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [str(speech_file), str(other)]
    assert records[1]["body"][0]["kind"] == "paragraph"


def test_parse_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SPEECH.encode("utf-8"))))
    assert main(["parse", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["salutation"]["text"] == "同志们："


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(SPEECH.encode(encoding))
    assert main(["parse", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["length"] == len(SPEECH)
    assert data["body"][0]["title"] == "压实责任"


def test_outline_formats(speech_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(speech_file)]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[:3] == ["在全镇防汛工作会议上的讲话", "同志们：", "一、压实责任"]
    assert "  · 一是 压实镇村责任" in text
    assert main(["outline", "--format", "markdown", str(speech_file)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# 在全镇防汛工作会议上的讲话\n")
    assert "## 一、压实责任" in md
    assert main(["outline", "--format", "json", str(speech_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [n["title"] for n in data["outline"]] == ["压实责任", "做好准备"]
    assert data["outline"][0]["children"][0] == {"kind": "point", "marker": "一是", "number": 1,
                                                   "lead": "压实镇村责任", "line": 4}


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Speech"
    assert "schema_version" in schema["properties"]
    assert {"Section", "Point", "Paragraph", "Span"} <= set(schema["$defs"])


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    (b"", "empty input"),
    (b"  \n\t\n", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"abc \xff\xff\xff not text \x80", "cannot decode"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          content: bytes | None, message: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_directory_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert main([]) == 2
    assert main(["parse"]) == 2
    assert "Traceback" not in capsys.readouterr().err
