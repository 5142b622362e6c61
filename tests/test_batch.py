"""Batch conversion: folders and tables to JSON Lines, workers, bad documents, resume."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from killedrun import kill_when_written, parse_command
from officialspeech.batch import Document, Progress, completed, convert, iter_documents
from officialspeech.cli import main

SPEECH = "同志们：\n一、加强领导\n要高度重视。\n二、压实责任\n要层层落实。\n"


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for i in range(7):
        (root / ("sub" if i % 2 else "") / f"s{i}.txt").write_text(SPEECH.replace("加强", f"加强{i}"), "utf-8")
    (root / "bad.txt").write_bytes(b"\x00\x01\x02")
    (root / "notes.md").write_text("不是演讲", "utf-8")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_to_jsonl(folder: Path, tmp_path: Path, jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "-o", str(out), "--jobs", jobs]) == 1  # bad.txt failed
    records = _records(out)
    assert len(records) == 8
    assert [r["id"] for r in records] == sorted(str(p) for p in folder.rglob("*.txt"))
    bad = next(r for r in records if str(r["id"]).endswith("bad.txt"))
    assert bad["error"]["kind"] == "input"  # type: ignore[index]
    good = [r for r in records if "error" not in r]
    assert all(r["body"][0]["title"].startswith("加强") for r in good)  # type: ignore[index]
    assert "8 documents, 1 failed" in capsys.readouterr().err


def test_glob_filter(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(folder), "--glob", "*.md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["id"] for x in lines] == [str(folder / "notes.md")]


def test_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_text(json.dumps({"doc": "a1", "body": SPEECH}, ensure_ascii=False) + "\n{oops\n"
                     + json.dumps({"doc": "a3"}) + "\n", "utf-8")
    assert main(["parse", str(jsonl), "--text-field", "body", "--id-field", "doc"]) == 1
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in recs] == ["a1", f"{jsonl}:2", "a3"]
    assert recs[0]["salutation"]["text"] == "同志们："
    assert "error" in recs[1]
    assert "error" in recs[2]
    table = tmp_path / "t.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerow(["c1", SPEECH])
        w.writerow(["c2", "各位代表：\n今天开会。"])
    assert main(["parse", str(table), "--id-field", "id"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in recs] == ["c1", "c2"]
    assert recs[1]["salutation"]["text"] == "各位代表："


def test_convert_never_raises() -> None:
    line, ok = convert(Document(id="x", path="/nonexistent/file.txt"))
    assert not ok
    assert json.loads(line)["error"]["kind"] == "input"
    line, ok = convert(Document(id="y", text=SPEECH))
    assert ok
    assert json.loads(line)["id"] == "y"


def test_resume_skips_done_and_cuts_a_torn_line(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    main(["parse", str(folder), "-o", str(out), "--jobs", "1"])
    full = out.read_text("utf-8").splitlines(keepends=True)
    # a run killed after three records and in the middle of the fourth
    out.write_text("".join(full[:3]) + full[3][:25], "utf-8")
    done, _ = completed(out)
    assert len(done) == 3
    assert out.read_text("utf-8") == "".join(full[:3])
    main(["parse", str(folder), "-o", str(out), "--resume", "--jobs", "2"])
    assert out.read_text("utf-8") == "".join(full)


def test_resume_after_kill_9(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for i in range(400):
        (root / f"{i:04d}.txt").write_text(SPEECH * 20, "utf-8")
    out = tmp_path / "out.jsonl"
    cmd = parse_command(root, out)
    partial = len(kill_when_written(cmd, out).splitlines())
    subprocess.run([*cmd, "--resume"], check=True, stderr=subprocess.DEVNULL, timeout=120)
    ids = [r["id"] for r in _records(out)]
    assert partial < 400
    assert len(ids) == 400
    assert len(set(ids)) == 400


def test_progress_line_and_summary() -> None:
    class Tty:
        def __init__(self) -> None:
            self.text = ""

        def write(self, s: str) -> int:
            self.text += s
            return len(s)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    tty = Tty()
    p = Progress(total=4, stream=tty)  # type: ignore[arg-type]
    p._drawn = -1.0
    p.update(2_000_000, True)
    assert "1/4 documents, 0 failed" in tty.text
    assert "ETA" in tty.text
    assert p.finish().startswith("officialspeech parse: 1 documents, 0 failed, 2.0 MB")


def test_documents_are_read_lazily(tmp_path: Path) -> None:
    jsonl = tmp_path / "big.jsonl"
    with open(jsonl, "w", encoding="utf-8") as fh:
        for i in range(1000):
            fh.write(json.dumps({"text": SPEECH, "n": i}, ensure_ascii=False) + "\n")
    it = iter_documents([str(jsonl)])
    first = next(it)
    assert first.id == f"{jsonl}:1"
    assert first.text == SPEECH


def test_dask_local_cluster() -> None:
    pytest.importorskip("distributed")
    import dask.bag as db
    from distributed import Client, LocalCluster

    from officialspeech.batch.dask import parse_bag

    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster):
        bag = db.from_sequence([("a", SPEECH), ("b", "同志们：\n今天开会。"), ("c", "")], npartitions=2)
        records = parse_bag(bag).compute()
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[0]["body"][0]["title"] == "加强领导"
    assert "empty input" in records[2]["error"]["message"]  # blank text: an error record, as an empty file


def test_scheduler_flag(folder: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    out = tmp_path / "dask.jsonl"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        assert main(["parse", str(folder), "--scheduler", cluster.scheduler_address, "-o", str(out)]) == 1
    records = _records(out)
    assert len(records) == 8
    assert sum("error" in r for r in records) == 1


def test_a_record_is_the_speech_json_with_its_id_first() -> None:
    from officialspeech import parse_speech
    from officialspeech.batch.records import convert

    text = "在全县会议上的讲话\n同志们：\n一、加强领导\n一是\t抓学习。二是抓落实。\n谢谢大家！\n"
    line, ok = convert(Document(id="a/b.txt", text=text))
    assert ok
    assert line == json.dumps({"id": "a/b.txt", **parse_speech(text).model_dump(mode="json")},
                              ensure_ascii=False, separators=(",", ":"))


FILE_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "speeches" / "texts").glob("*.txt")) + sorted(
    (Path(__file__).parent / "fixtures" / "markdown").glob("*.md"))


@pytest.mark.parametrize("path", FILE_FIXTURES, ids=lambda p: p.name)
def test_a_file_record_is_the_speech_json_of_parse_file(path: Path) -> None:
    # text and Markdown files take the parse_json path in the batch; the record must still be
    # the id and the JSON of parse_file's Speech, as read from a path or from bytes
    from officialspeech import parse_file

    want = json.dumps({"id": "x", **parse_file(str(path)).model_dump(mode="json")}, ensure_ascii=False,
                      separators=(",", ":"))
    assert convert(Document(id="x", path=str(path))) == (want, True)
    data = path.read_bytes()
    assert convert(Document(id="x", data=data, format="markdown" if path.suffix == ".md" else "text")) == (want, True)

