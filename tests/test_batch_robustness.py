"""Batch robustness: --input-format in batch mode, empty input, bad table rows, encodings,
--resume over tables, and damaged files (one line on stderr, or an error record).

The speeches here are short ones written for these tests."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from killedrun import kill_when_written, parse_command
from officialspeech.cli import main

SPEECH = ("在全区秋季防火工作会议上的讲话\n同志们：\n一、认清形势\n今年秋季气候干燥，火险等级高。\n"
          "二、落实措施\n一是加强巡查。二是严管火源。\n谢谢大家！\n")
HINTED = "同志们：\n一、加强领导\n要高度重视。\n五、压实责任\n要层层落实。\n"  # 五、 is a heading only by its style


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _outline(record: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def walk(nodes: list[dict[str, Any]]) -> None:
        for node in nodes:
            if node["kind"] == "section":
                out.append((node["marker"], node["title"]))
                walk(node["children"])

    walk(record["body"])
    return out


def make_hinted_docx(path: Path) -> None:
    """A .docx whose 五、 line is a heading only because Word styles it Heading 1."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for i, line in enumerate(HINTED.splitlines()):
        doc.add_paragraph(line, style="Heading 1" if i == 3 else None)
    doc.save(str(path))


# 1. --input-format docx|pdf|html in batch mode


def test_docx_records_match_the_single_file_parse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    make_hinted_docx(folder / "a.docx")
    (folder / "note.txt").write_text(SPEECH, "utf-8")
    assert main(["parse", str(folder / "a.docx")]) == 0
    single = json.loads(capsys.readouterr().out)
    assert [m for m, _ in _outline(single)] == ["一、", "五、"]
    assert main(["parse", str(folder), "--glob", "*.docx", "--jobs", "2", "-o", str(tmp_path / "o.jsonl")]) == 0
    records = _records((tmp_path / "o.jsonl").read_text("utf-8"))
    assert len(records) == 1
    record = records[0]
    assert record.pop("id") == str(folder / "a.docx")
    assert record == single  # same hints, same outline, same source


def test_input_format_docx_overrides_the_suffix_in_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_hinted_docx(tmp_path / "a.bin")
    make_hinted_docx(tmp_path / "b.dat")
    assert main(["parse", str(tmp_path / "a.bin"), str(tmp_path / "b.dat"), "--input-format", "docx"]) == 0
    records = _records(capsys.readouterr().out)
    assert [[m for m, _ in _outline(r)] for r in records] == [["一、", "五、"]] * 2
    assert all(r["source"]["format"] == "docx" for r in records)


def test_input_format_docx_picks_docx_files_from_a_folder(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    make_hinted_docx(tmp_path / "a.docx")
    (tmp_path / "b.txt").write_text(SPEECH, "utf-8")
    assert main(["parse", str(tmp_path), "--input-format", "docx"]) == 0  # default glob *.docx
    assert [r["id"] for r in _records(capsys.readouterr().out)] == [str(tmp_path / "a.docx")]


@pytest.mark.parametrize("batch", [False, True])
def test_docx_on_standard_input(tmp_path: Path, batch: bool, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    make_hinted_docx(tmp_path / "a.docx")
    _stdin(monkeypatch, (tmp_path / "a.docx").read_bytes())
    extra = ["-o", str(tmp_path / "o.jsonl"), "--jobs", "2"] if batch else []
    assert main(["parse", "-", "--input-format", "docx", *extra]) == 0
    text = (tmp_path / "o.jsonl").read_text("utf-8") if batch else capsys.readouterr().out
    record = _records(text)[0] if batch else json.loads(text)
    assert [m for m, _ in _outline(record)] == ["一、", "五、"]
    assert record["source"]["path"] == "-"


def test_html_and_pdf_in_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    page = tmp_path / "page"  # no suffix: only --input-format says it is HTML
    page.write_text("<html><body><div>" + "".join(f"<p>{x}</p>" for x in SPEECH.splitlines())
                    + "</div></body></html>", "utf-8")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = tmp_path / "s.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont("STSong-Light", 14)
    for i, line in enumerate(SPEECH.splitlines()):
        c.drawString(72, 760 - i * 30, line)
    c.showPage()
    c.save()
    assert main(["parse", str(page), str(page), "--input-format", "html"]) == 0
    html_records = _records(capsys.readouterr().out)
    assert main(["parse", str(pdf), str(pdf), "--input-format", "pdf"]) == 0
    pdf_records = _records(capsys.readouterr().out)
    for r in [*html_records, *pdf_records]:
        assert _outline(r) == [("一、", "认清形势"), ("二、", "落实措施")]


def test_text_on_standard_input_with_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, SPEECH.encode("utf-8"))
    out = tmp_path / "o.jsonl"
    assert main(["parse", "-", "-o", str(out), "--jobs", "2"]) == 0  # workers have no stdin of their own
    assert _outline(_records(out.read_text("utf-8"))[0]) == [("一、", "认清形势"), ("二、", "落实措施")]


# 2. empty input: an error record in batch, exit 1; one line and exit 2 for one file


def test_empty_inputs_are_error_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\u3000\n", "utf-8")
    (tmp_path / "t.jsonl").write_text(json.dumps({"text": SPEECH}, ensure_ascii=False) + "\n"
                                      + '{"text": ""}\n{"text": "  \\n"}\n{"title": "无正文"}\n', "utf-8")
    with open(tmp_path / "t.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerow(["c1", ""])
        w.writerow(["c2", SPEECH])
    out = tmp_path / "o.jsonl"
    names = [str(tmp_path / n) for n in ("empty.txt", "blank.txt", "t.jsonl", "t.csv")]
    assert main(["parse", *names, "--id-field", "id", "-o", str(out), "--jobs", "1"]) == 1
    records = _records(out.read_text("utf-8"))
    errors = {r["id"]: r["error"]["message"] for r in records if "error" in r}
    assert list(errors) == [names[0], names[1], f"{names[2]}:2", f"{names[2]}:3", f"{names[2]}:4", "c1"]
    for doc_id, message in errors.items():
        assert "empty input" in message or "no field 'text'" in message, message
        assert message.startswith(doc_id if doc_id != "c1" else names[3] + ":2")
    assert sum("error" not in r for r in records) == 2
    assert "8 documents, 6 failed" in capsys.readouterr().err
    _stdin(monkeypatch, b"")
    assert main(["parse", "-", "-o", str(out)]) == 1
    assert _records(out.read_text("utf-8"))[0]["error"]["message"] == "<stdin>: empty input"


def test_empty_single_file_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["parse", str(tmp_path / "empty.txt")]) == 2
    err = capsys.readouterr().err
    assert err == f"officialspeech: error: {tmp_path / 'empty.txt'}: empty input\n"
    _stdin(monkeypatch, b"")
    assert main(["parse", "-"]) == 2
    assert capsys.readouterr().err == "officialspeech: error: <stdin>: empty input\n"


# 3. bad JSON Lines rows: error records naming file and line, the run goes on


def test_bad_jsonl_rows_are_error_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.jsonl"
    good = json.dumps({"text": SPEECH}, ensure_ascii=False).encode("utf-8") + b"\n"
    rows = [good, b"[1, 2]\n", b'"just a string"\n', b'{"text": 42}\n', b'{"text": ["a"]}\n', b"{not json\n",
            b"\n", b'{"text": "\xff\xfe"}\n', good]
    table.write_bytes(b"".join(rows))
    assert main(["parse", str(table)]) == 1
    records = _records(capsys.readouterr().out)
    assert [r["id"] for r in records] == [f"{table}:{n}" for n in (1, 2, 3, 4, 5, 6, 8, 9)]
    assert "error" not in records[0]
    assert "error" not in records[-1]  # the run went on
    messages = [r["error"]["message"] for r in records[1:-1]]
    for (n, expected), message in zip([(2, "not an object"), (3, "not an object"), (4, "not a string"),
                                       (5, "not a string"), (6, "invalid JSON"), (8, "not UTF-8")],
                                      messages, strict=True):
        assert message.startswith(f"{table}:{n}: "), message
        assert expected in message
    offset = sum(map(len, rows[:7])) + len(b'{"text": "')
    assert f"byte offset {offset}" in messages[-1]


def test_bad_csv_bytes_name_line_and_offset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.csv"
    head = "id,text\nc1,同志们：今天开会。\n".encode()
    table.write_bytes(head + b"c2,\xff\xfe\nc3,ok\n")
    assert main(["parse", str(table), str(table.with_name("t.jsonl"))]) == 1
    records = _records(capsys.readouterr().out)
    assert "error" not in records[0]
    assert records[1]["error"]["message"].startswith(f"{table}:3: not UTF-8: byte 0xFF at byte offset {len(head) + 3}")
    assert records[2]["error"]["message"] == f"{table.with_name('t.jsonl')}: no such file"


def test_csv_ids_name_the_line_a_multiline_row_starts_on(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text"])
        w.writerow([SPEECH])  # seven lines
        w.writerow([SPEECH])
    assert main(["parse", str(table)]) == 0
    assert [r["id"] for r in _records(capsys.readouterr().out)] == [f"{table}:2", f"{table}:{2 + SPEECH.count(chr(10)) + 1}"]



@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_tables_with_any_line_ending(tmp_path: Path, capsys: pytest.CaptureFixture[str], end: str) -> None:
    one_line = SPEECH.replace("\n", "")
    rows = [json.dumps({"text": one_line}, ensure_ascii=False) for _ in range(2)]
    (tmp_path / "t.jsonl").write_bytes(end.join(rows).encode("utf-8") + end.encode())
    (tmp_path / "t.csv").write_bytes(end.join(["id,text", f"a,{one_line}", f"b,{one_line}"]).encode("utf-8"))
    for name, ids in (("t.jsonl", [f"{tmp_path / 't.jsonl'}:1", f"{tmp_path / 't.jsonl'}:2"]), ("t.csv", ["a", "b"])):
        assert main(["parse", "--id-field", "id", str(tmp_path / name)] if name.endswith("csv")
                    else ["parse", str(tmp_path / name)]) == 0
        records = _records(capsys.readouterr().out)
        assert [r["id"] for r in records] == ids
        assert all("error" not in r for r in records)


# 4. decoding in folders


def test_gbk_twin_in_a_folder_and_a_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a_utf8.txt").write_text(SPEECH, "utf-8")
    (tmp_path / "b_gbk.txt").write_bytes(SPEECH.encode("gbk"))
    (tmp_path / "c_binary.txt").write_bytes(bytes(range(256)) * 4)
    bad = "同志们：\n".encode("gbk") + b"\x81\x20\n"
    (tmp_path / "d_bad.txt").write_bytes(bad)
    assert main(["parse", str(tmp_path), "--jobs", "2", "-o", str(tmp_path / "o.jsonl")]) == 1
    utf8, gbk, binary, undecodable = _records((tmp_path / "o.jsonl").read_text("utf-8"))
    assert _outline(gbk) == _outline(utf8) == [("一、", "认清形势"), ("二、", "落实措施")]
    assert {k: v for k, v in gbk.items() if k != "id"} == {k: v for k, v in utf8.items() if k != "id"}
    assert "binary" in binary["error"]["message"]
    assert undecodable["error"]["message"].endswith(f"at byte offset {len(bad) - 3})")


# 5. --resume over tables


def _jsonl_table(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"text": SPEECH.replace("认清", f"认清{i}") * 20}, ensure_ascii=False) + "\n")


def _csv_table(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text"])
        for i in range(n):
            w.writerow([SPEECH.replace("认清", f"认清{i}") * 20])  # multi-line cells


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_resume_table_after_a_torn_line(tmp_path: Path, kind: str) -> None:
    table = tmp_path / f"t.{kind}"
    (_jsonl_table if kind == "jsonl" else _csv_table)(table, 30)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(table), "-o", str(out), "--jobs", "1"]) == 0
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    for torn in (True, False):  # killed in the middle of the twelfth record; right after the eleventh
        out.write_bytes(b"".join(lines[:11]) + (lines[11][:len(lines[11]) // 2] if torn else b""))
        assert main(["parse", str(table), "-o", str(out), "--resume", "--jobs", "2"]) == 0
        assert out.read_bytes() == full


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_resume_table_after_kill_9(tmp_path: Path, kind: str) -> None:
    table = tmp_path / f"t.{kind}"
    (_jsonl_table if kind == "jsonl" else _csv_table)(table, 400)
    out = tmp_path / "out.jsonl"
    cmd = parse_command(table, out)
    partial = kill_when_written(cmd, out)
    with open(out, "ab") as fh:  # make sure the killed run left a torn last line
        fh.write(b'{"id": "' + str(table).encode() + b':99999", "schema_ver')
    subprocess.run([*cmd, "--resume"], check=True, stderr=subprocess.DEVNULL, timeout=120)
    records = _records(out.read_text("utf-8"))
    ids = [r["id"] for r in records]
    assert len(partial.splitlines()) < 400
    assert len(ids) == 400
    assert len(set(ids)) == 400
    assert all("error" not in r for r in records)
    assert [_outline(r)[0][1] for r in records] == [f"认清{i}形势" for i in range(400)]  # in input order


def test_resume_keeps_rows_that_share_an_id(tmp_path: Path) -> None:
    table = tmp_path / "t.jsonl"
    rows = [{"id": "dup", "text": SPEECH}, {"id": "dup", "text": SPEECH.replace("认清", "看清")},
            {"id": "x", "text": SPEECH}]
    table.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(table), "--id-field", "id", "-o", str(out), "--jobs", "1"]) == 0
    full = out.read_bytes()
    out.write_bytes(full.splitlines(keepends=True)[0])  # killed after the first 'dup'
    assert main(["parse", str(table), "--id-field", "id", "-o", str(out), "--resume", "--jobs", "1"]) == 0
    assert out.read_bytes() == full


# 6. damaged input: one line and exit 2 for one file, an error record in batch


def _docx_parts(path: Path, parts: dict[str, str], stored: bool = False) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCUMENT = f"<w:document {W}><w:body><w:p><w:r><w:t>同志们：今天开会。</w:t></w:r></w:p></w:body></w:document>"


def _damaged(tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    files["numbering"] = tmp_path / "numbering.docx"
    _docx_parts(files["numbering"], {"word/document.xml": DOCUMENT, "word/numbering.xml": f"<w:numbering {W}><oops"})
    files["ilvl"] = tmp_path / "ilvl.docx"
    _docx_parts(files["ilvl"], {"word/document.xml": DOCUMENT.replace(
        "<w:p>", '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr></w:pPr>')})
    files["crc"] = tmp_path / "crc.docx"
    _docx_parts(files["crc"], {"word/document.xml": DOCUMENT}, stored=True)
    data = bytearray(files["crc"].read_bytes())
    data[data.find("今天".encode())] ^= 1
    files["crc"].write_bytes(bytes(data))
    files["truncated"] = tmp_path / "truncated.docx"
    files["truncated"].write_bytes(files["numbering"].read_bytes()[:60])
    files["styles"] = tmp_path / "styles.docx"
    _docx_parts(files["styles"], {"word/document.xml": DOCUMENT, "word/styles.xml": "<w:styles"})
    files["html"] = tmp_path / "nav.html"
    files["html"].write_text("<html><body><div class='nav'>首页</div><script>x=1</script></body></html>", "utf-8")
    files["pdf"] = tmp_path / "broken.pdf"
    files["pdf"].write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    files["missing"] = tmp_path / "missing.txt"
    return files


@pytest.mark.parametrize("case", ["numbering", "ilvl", "crc", "truncated", "styles", "html", "pdf", "missing"])
def test_damaged_file_is_one_line_and_exit_2(tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged(tmp_path)[case]
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"officialspeech: error: {path}: ")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_damaged_files_are_error_records_in_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _damaged(tmp_path)
    (tmp_path / "good.txt").write_text(SPEECH, "utf-8")
    names = [str(p) for p in files.values()] + [str(tmp_path / "good.txt")]
    assert main(["parse", *names, "--jobs", "2", "-o", str(tmp_path / "o.jsonl")]) == 1
    records = _records((tmp_path / "o.jsonl").read_text("utf-8"))
    assert [r["id"] for r in records] == names
    for name, record in zip(names[:-1], records[:-1], strict=True):
        assert record["error"]["kind"] == "input"
        assert record["error"]["message"].startswith(f"{name}: ")
        assert "\n" not in record["error"]["message"]
    assert "error" not in records[-1]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "locked.docx"
    make_hinted_docx(path)
    monkeypatch.setattr(zipfile, "ZipFile", refuse)  # as for a file the user may not read
    assert main(["parse", str(path)]) == 2
    assert capsys.readouterr().err == f"officialspeech: error: {path}: permission denied\n"
    assert main(["parse", str(path), str(path)]) == 1
    assert _records(capsys.readouterr().out)[0]["error"]["message"] == f"{path}: permission denied"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_unreadable_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(SPEECH, "utf-8")
    path.chmod(0)
    assert main(["parse", str(path)]) == 2
    assert capsys.readouterr().err == f"officialspeech: error: {path}: permission denied\n"


def test_missing_input_in_batch_is_an_error_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(SPEECH, "utf-8")
    missing = str(tmp_path / "nope")
    assert main(["parse", missing, str(tmp_path / "good.txt"), str(tmp_path / "nope.jsonl")]) == 1
    records = _records(capsys.readouterr().out)
    assert [r.get("error", {}).get("message") for r in records] == [
        f"{missing}: no such file or folder", None, f"{missing}.jsonl: no such file"]


def test_table_on_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    rows = json.dumps({"text": SPEECH}, ensure_ascii=False) + "\n" + '{"text": 1}\n'
    _stdin(monkeypatch, rows.encode("utf-8"))
    assert main(["parse", "-", "--input-format", "jsonl"]) == 1  # was parsed as one text
    records = _records(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["-:1", "-:2"]
    assert _outline(records[0]) == [("一、", "认清形势"), ("二、", "落实措施")]


def test_resume_on_a_dask_cluster_appends(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    table = tmp_path / "t.jsonl"
    _jsonl_table(table, 5)
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(table), "-o", str(out), "--jobs", "1"]) == 0
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    kept = [line.replace(b'"id":', b'"kept":true,"id":', 1) for line in lines[:2]]  # marks lines not rewritten
    out.write_bytes(b"".join(kept) + b'{"id": "to')
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:  # type: ignore[no-untyped-call]
        assert main(["parse", str(table), "-o", str(out), "--resume", "--scheduler", cluster.scheduler_address]) == 0
    assert out.read_bytes() == b"".join(kept + lines[2:])  # was truncated and rewritten whole


def test_a_jsonl_row_with_an_unpaired_surrogate_is_an_error_record(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # \ud800 is valid JSON but no text: the run goes on, the row becomes an error record
    table = tmp_path / "t.jsonl"
    table.write_text('{"text": "同志们：\\ud800好"}\n{"id": "a\\udc00", "text": "同志们：好"}\n'
                     + json.dumps({"text": SPEECH}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["parse", "--id-field", "id", str(table), "-o", str(tmp_path / "out.jsonl")]) == 1
    records = _records((tmp_path / "out.jsonl").read_text("utf-8"))
    assert [("error" in r) for r in records] == [True, True, False]
    assert "unpaired surrogate U+D800" in records[0]["error"]["message"]
    assert "Traceback" not in capsys.readouterr().err
