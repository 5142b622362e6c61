"""``officialspeech chunk``: JSON Lines of chunks, in batch like ``parse`` (jobs, resume, bad documents)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officialspeech import parse_speech
from officialspeech.batch.chunking import completed_chunks
from officialspeech.cli import main

SPEECH = ("同志们：\n一、加强领导\n要高度重视。我们要坚持问题导向，加大工作力度。\n一是抓学习。要完善工作机制。\n"
          "二是抓队伍。要强化督促检查。\n二、压实责任\n要层层落实，持续改进作风。\n谢谢大家！\n")


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(9):
        (root / f"s{i}.txt").write_text(SPEECH.replace("加强", f"加强{i}"), "utf-8")
    (root / "bad.txt").write_bytes(b"\x00\x01\x02")
    (root / "blank.txt").write_text("\n\n", "utf-8")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_gives_one_line_per_chunk_with_the_document_id(folder: Path, tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["chunk", str(folder), "-o", str(out), "--jobs", jobs, "--max-chars", "40"]) == 1  # bad, blank
    records = _records(out)
    errors = [r for r in records if "error" in r]
    assert sorted(str(r["id"]).rsplit("/", 1)[-1] for r in errors) == ["bad.txt", "blank.txt"]
    chunks = [r for r in records if "error" not in r]
    first = folder / "s0.txt"
    expected = parse_speech(first.read_text("utf-8")).chunks(max_chars=40)
    mine = [r for r in chunks if r["id"] == str(first)]
    assert [r["chunk"] for r in mine] == list(range(len(expected)))
    assert {r["chunks"] for r in mine} == {len(expected)}
    assert [{k: v for k, v in r.items() if k not in ("id", "chunk", "chunks")} for r in mine] == [
        c.model_dump(mode="json") for c in expected]
    assert len({r["id"] for r in chunks}) == 9


def test_chunk_options_reach_the_chunks(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(folder / "s1.txt")
    assert main(["chunk", path, "--by", "section", "--max-chars", "500"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["heading_path"] for r in lines] == [["一、加强1领导"], ["二、压实责任"]]
    assert main(["chunk", path, "--max-chars", "10", "--overlap", "10"]) == 2
    assert "--overlap" in capsys.readouterr().err


def test_resume_cuts_back_a_torn_document_and_finishes(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    main(["chunk", str(folder), "-o", str(out), "--jobs", "1", "--max-chars", "30"])
    full = out.read_text("utf-8").splitlines(keepends=True)
    assert ["error" in json.loads(x) for x in full[:3]] == [True, True, False]  # bad.txt, blank.txt, s0.txt…
    per_doc = int(json.loads(full[2])["chunks"])
    assert per_doc > 2
    whole = 2 + per_doc  # the two errors and s0.txt
    # killed in the middle of the chunks of s1.txt, within one of its lines
    out.write_text("".join(full[:whole + 2]) + full[whole + 2][:30], "utf-8")
    done, failed = completed_chunks(out)
    assert sum(done.values()) == 3
    assert failed == 2
    assert out.read_text("utf-8") == "".join(full[:whole])
    assert main(["chunk", str(folder), "-o", str(out), "--resume", "--jobs", "2", "--max-chars", "30"]) == 1
    assert out.read_text("utf-8") == "".join(full)
    assert main(["chunk", str(folder), "--resume"]) == 2  # --resume needs -o
