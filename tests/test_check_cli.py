"""``officialspeech check`` through main(argv): formats, exit codes, --fix, configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officialspeech import parse_speech
from officialspeech.check import check_text
from officialspeech.check.docs import render
from officialspeech.cli import main

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天,我们召开市委x届x次全会。\n一、加强领导\n要高度重视。\n"
         "（一）、明确分工\n要分工明确。\n（二）压实责任\n要层层落实。\n三、强化保障\n要落实经费。\n")


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_text_output_and_exit_code(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out
    col = DRAFT.splitlines()[2].index("x") + 1
    assert f"{draft}:3:{col}: error: X301 placeholder" in out
    assert f"{draft}:10:1: error: N101 numbering-gap 三、 follows 一、: 二 missing" in out
    assert f"{draft}:3:3: warning: S504 halfwidth-punctuation" in out
    # the caret stands under the place, counting Han characters as two columns
    lines = out.splitlines()
    i = lines.index(next(x for x in lines if f":3:{col}: error: X301" in x))
    assert lines[i + 1] == "    今天,我们召开市委x届x次全会。"
    # 8 Han characters and a comma before it: 17 columns; x届x次 is 6 columns wide
    assert lines[i + 2] == "    " + " " * 17 + "^" * 6
    assert out.rstrip().endswith("in 1 file")


def test_json_output_is_stable(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "json", str(draft)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "1.0"
    first = data["diagnostics"][0]
    assert set(first) == {"code", "name", "severity", "message", "path", "start", "end", "fix"}
    assert set(first["start"]) == {"line", "column", "offset"}
    placeholder = next(d for d in data["diagnostics"] if d["code"] == "X301")
    assert DRAFT[placeholder["start"]["offset"]:placeholder["end"]["offset"]] == "x届x次"


def test_github_output(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "github", str(draft)]) == 1
    out = capsys.readouterr().out.splitlines()
    col = DRAFT.splitlines()[2].index("x") + 1
    assert any(line.startswith(f"::error file={draft},line=3,col={col},") for line in out)
    assert out[-1].startswith("officialspeech check: ")


def test_sarif_output(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--output-format", "sarif", str(draft)]) == 1
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "X301" in ids
    result = next(r for r in run["results"] if r["ruleId"] == "X301")
    assert ids[result["ruleIndex"]] == "X301"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_exit_codes_select_ignore(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--exit-zero", str(draft)]) == 0
    assert main(["check", "--select", "E", str(draft)]) == 0
    assert main(["check", "--select", "X301", "--ignore", "placeholder", str(draft)]) == 0
    assert main(["check", "--select", "N101", "--fail-level", "error", str(draft)]) == 1
    assert main(["check", "--select", "N108", "--fail-level", "error", str(draft)]) == 0
    assert main(["check", "--select", "Z999", str(draft)]) == 2
    assert main(["check", str(draft.parent / "missing.txt")]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_statistics(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--statistics", str(draft)])
    out = capsys.readouterr().out
    assert "S504  halfwidth-punctuation  [*]" in out
    assert "X301  placeholder" in out


def test_fix_round_trip(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = draft.read_text("utf-8")
    # (the 、 after （一） is part of the marker as written: the fix takes it off the marker)
    sections_before = parse_speech(before).sections()
    assert any("）、" in s.marker for s in sections_before)
    outline_before = [(s.marker.replace("）、", "）"), s.number) for s in sections_before]
    main(["check", "--fix", str(draft)])
    err = capsys.readouterr().err
    assert "applied 2 fix(es)" in err
    after = draft.read_text("utf-8")
    assert after == before.replace("今天,", "今天，").replace("（一）、", "（一）")
    assert not [d for d in check_text(after) if d.fix is not None]
    assert [(s.marker, s.number) for s in parse_speech(after).sections()] == outline_before
    assert [s.title for s in parse_speech(after).sections()][1] == "明确分工"


def test_folder_and_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drafts = tmp_path / "drafts"
    (drafts / "old").mkdir(parents=True)
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "old" / "b.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "notes.bin").write_bytes(b"\x00\x01")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.officialspeech]\nignore = ["S504"]\nper-file-ignores = {"drafts/old/*" = ["X"]}\n'
        'severity = {N101 = "info"}\nfail-level = "error"\n', encoding="utf-8")
    assert main(["check", "--output-format", "json", str(drafts)]) == 1
    data = json.loads(capsys.readouterr().out)["diagnostics"]
    codes = {(Path(d["path"]).name, d["code"], d["severity"]) for d in data}
    assert ("a.txt", "X301", "error") in codes
    assert ("a.txt", "N101", "info") in codes
    assert not any(c == "S504" for _, c, _ in codes)
    assert not any(name == "b.txt" and c == "X301" for name, c, _ in codes)


def test_bad_config_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "officialspeech.toml").write_text('selectt = ["N"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt")]) == 2
    assert "unknown setting" in capsys.readouterr().err


def test_rule_docs_are_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text("utf-8") == render()


def test_seed_placeholders_and_no_numbering_errors(shared_dir: Path) -> None:
    (seed,) = sorted((shared_dir / "seeds").glob("*.txt"))
    text = seed.read_text("utf-8")
    found = check_text(text, path=seed.name)
    assert not [d for d in found if d.code.startswith("N")]
    placeholders = {text[d.start.offset:d.end.offset] for d in found if d.code == "X301"}
    assert {"x届x次", "x亿元", "XX"} <= placeholders
    lines = text.splitlines()
    for d in found:
        if d.code == "X301":
            line = lines[d.start.line - 1]
            assert line[d.start.column - 1:d.end.column - 1] == text[d.start.offset:d.end.offset]


def test_corpus_runs_and_clean_reports_stay_clean(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "corpus" / "texts").glob("*.txt")):
        found = check_text(path.read_text("utf-8"), path=path.name)
        if path.stem <= "013" and path.stem != "010":
            assert found == [], (path.name, [(d.code, d.message) for d in found])
