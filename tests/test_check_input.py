"""``officialspeech check`` on awkward input: .docx heading hints, --statistics with JSON
output, and bad files (one line on stderr, exit 2, never a traceback)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from officialspeech import parse_speech
from officialspeech.cli import main

DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天,我们召开全县工作会议。\n一、加强领导\n要高度重视。\n"
         "（一）、明确分工\n要分工明确。\n（二）压实责任\n要层层落实。\n二、强化保障\n要落实经费。\n")


def _err_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# .docx heading hints reach check


def test_check_docx_uses_heading_style_hints(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    docx = pytest.importorskip("docx")
    text = "在全县工作会议上的讲话\n同志们：\n一、加强领导\n要高度重视。\n五、压实责任\n要层层落实。\n"
    assert [s.marker for s in parse_speech(text).sections()] == ["一、"]
    doc = docx.Document()
    for line in text.splitlines():
        doc.add_paragraph(line, style="Heading 1" if line.startswith("五、") else None)
    path = tmp_path / "draft.docx"
    doc.save(str(path))
    assert main(["check", "--output-format", "json", str(path)]) == 1
    codes = [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]
    assert "N101" in codes  # 五、 follows 一、, as parse and outline see it
    assert main(["check", "--fix", str(path)]) == 1
    assert "not fixed: --fix rewrites text files only" in capsys.readouterr().err
    # the same document on standard input gives the same findings
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    assert main(["check", "--output-format", "json", "--input-format", "docx", "-"]) == 1
    assert [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]] == codes


# --statistics with JSON output


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_statistics_keep_json_output_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--statistics", "--output-format", fmt, str(path)]) == 1
    out, err = capsys.readouterr()
    json.loads(out)
    assert "S504  halfwidth-punctuation  [*]" in err


# bad input: one line on stderr, exit 2


@pytest.mark.parametrize(("name", "data", "message"), [
    ("binary.txt", b"\x00\x01\x02\x03", "binary input"),
    ("empty.txt", b"", "empty input"),
    ("blank.txt", "  \n\u3000\n".encode(), "empty input"),
    ("bad.txt", "讲话".encode("gbk") + b"\xff\xff", "cannot decode"),
    ("bad16.txt", b"\xff\xfe\x00\xd8", "cannot decode"),
    ("junk.docx", b"not a zip", "not a valid .docx"),
])
def test_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for argv in (["check", str(path)], ["check", "--fix", str(path)]):
        assert main(argv) == 2
        out, err = capsys.readouterr()
        lines = _err_lines(err)
        assert len(lines) == 1, lines
        assert message in lines[0]
        assert str(path) in lines[0]
        assert out == ""
    assert path.read_bytes() == data


def test_folder_without_speeches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    assert main(["check", str(tmp_path)]) == 2
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 1
    assert "no speech files" in lines[0]


def test_one_bad_file_does_not_hide_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--output-format", "json", str(tmp_path), str(tmp_path / "missing.txt")]) == 2
    out, err = capsys.readouterr()
    assert {Path(d["path"]).name for d in json.loads(out)["diagnostics"]} == {"b.txt"}
    lines = _err_lines(err)
    assert len(lines) == 2
    assert any("a.txt: empty input" in line for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"")
    assert main(["check", "-"]) == 2
    assert _err_lines(capsys.readouterr().err) == ["officialspeech: error: <stdin>: empty input"]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCUMENT = (f'<w:document {W}><w:body><w:p><w:r><w:t>同志们：</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>今天开会。</w:t></w:r></w:p></w:body></w:document>')


@pytest.mark.parametrize("parts", [
    {"word/styles.xml": "<w:styles"},
    {"word/numbering.xml": f'<w:numbering {W}><w:abstractNum><w:lvl w:ilvl="x"/></w:abstractNum></w:numbering>'},
    {"word/document.xml": DOCUMENT.replace("<w:p>", '<w:p><w:pPr><w:outlineLvl w:val="one"/></w:pPr>', 1)},
])
def test_damaged_docx_parts(tmp_path: Path, capsys: pytest.CaptureFixture[str], parts: dict[str, str]) -> None:
    import zipfile

    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in {"word/document.xml": DOCUMENT, **parts}.items():
            zf.writestr(name, data)
    assert main(["check", str(path)]) == 2
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 1
    assert f"{path}: damaged .docx" in lines[0]


def test_damaged_docx_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"PK\x03\x04")
    assert main(["check", "--input-format", "docx", "-"]) == 2
    lines = _err_lines(capsys.readouterr().err)
    assert len(lines) == 1
    assert lines[0].startswith("officialspeech: error: <stdin>: ")
    assert ".docx" in lines[0]


def test_stdin_named_twice_is_read_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, DRAFT.encode("utf-8"))
    assert main(["check", "--select", "S504", "-", "-"]) == 1
    out, err = capsys.readouterr()
    assert _err_lines(err) == []
    assert out.count("S504") == 1
