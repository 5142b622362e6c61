"""CI conventions of the command line, through main(argv): one --format flag, severities and
honest summaries, exit codes of every command, `rule`, --diff, --config / --no-config /
--show-settings, inline disable comments in Markdown, the GitHub job summary."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from officialspeech.check.output import GITHUB_ANNOTATION_LIMIT
from officialspeech.check.registry import rules
from officialspeech.cli import main

DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天,我们召开市委x届x次全会。\n一、加强领导\n要高度重视。\n"
         "（一）、明确分工\n要分工明确。\n三、强化保障\n要落实经费。\n")
CLEAN = "在全县工作会议上的讲话\n同志们：\n一、加强领导\n要高度重视。\n二、强化保障\n要落实经费。\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


# one flag spelling


def test_format_and_output_format_are_one_option(draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(draft)]) == 1
    first = capsys.readouterr().out
    assert main(["check", "--output-format", "json", str(draft)]) == 1
    assert capsys.readouterr().out == first
    assert json.loads(first)["diagnostics"]
    assert main(["check", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--format {text,json,github,sarif}, --output-format {text,json,github,sarif}" in help_text
    assert "--output-format is the same option" in help_text


@pytest.mark.parametrize("argv", [["outline", "--format", "json"], ["repair", "--format", "json"],
                                  ["rule", "X301", "--format", "json"]])
def test_format_is_spelt_the_same_everywhere(draft: Path, capsys: pytest.CaptureFixture[str],
                                             argv: list[str]) -> None:
    args = argv if argv[0] == "rule" else [*argv, str(draft)]
    assert main(args) == 0
    json.loads(capsys.readouterr().out)


# summaries and exit codes


def test_summary_counts_the_files_that_could_not_be_read(clean: Path, draft: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = clean.parent / "missing.txt"
    assert main(["check", str(clean), str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out.strip() == "officialspeech check: no problems found in 1 file; 1 file could not be read"
    assert f"{missing}: no such file or folder" in err
    assert main(["check", str(clean), str(draft)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "officialspeech check: 2 errors, 2 warnings in 1 of 2 files"
    assert main(["check", str(clean)]) == 0
    assert capsys.readouterr().out.strip() == "officialspeech check: no problems found in 1 file"


@pytest.mark.parametrize("command", [["parse"], ["parse", "-o", "OUT"], ["outline"], ["repair"], ["check"],
                                     ["check", "--format", "json"]])
def test_an_empty_folder_exits_2_for_every_command(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   command: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = [str(tmp_path / "out.jsonl") if a == "OUT" else a for a in command]
    assert main([*argv, str(empty)]) == 2
    err = capsys.readouterr().err
    assert str(empty) in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("name", "content"), [("empty.jsonl", ""), ("empty.csv", "text\n")])
def test_parse_of_an_empty_table_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         name: str, content: str) -> None:
    table = tmp_path / name
    table.write_text(content, encoding="utf-8")
    assert main(["parse", str(table)]) == 2
    assert f"no documents in {table}" in capsys.readouterr().err


def test_parse_exit_codes(clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(clean)]) == 0
    assert main(["parse", str(clean), str(tmp_path / "missing.txt")]) == 1  # a failed document in a batch
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    assert main(["parse", "--no-such-flag", str(clean)]) == 2
    capsys.readouterr()


def test_parse_progress_shows_the_eta_when_the_total_is_known(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["parse", str(tmp_path), "--progress", "always"]) == 0
    err = capsys.readouterr().err
    assert "1/3 documents, 0 failed" in err
    assert "ETA " in err


def test_the_folder_walk_takes_markdown_and_skips_dot_folders(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "LICENSE.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "b.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", "--format", "json", str(tmp_path)]) == 1
    paths = {Path(d["path"]).name for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert paths == {"a.md"}


# rule CODE


def test_rule_explains_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    r = rules()["X301"]
    for name in ("X301", "x301", "placeholder"):
        assert main(["rule", name]) == 0
        out = capsys.readouterr().out
        assert out.startswith("### X301 placeholder\n")
        assert r.explanation in out
        assert r.bad in out
        assert r.good in out
        assert out.rstrip().endswith("docs/rules.md#x301-placeholder")
    assert main(["rule", "Z999"]) == 2
    assert main(["rule"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert main(["rule", "--all", "--format", "json"]) == 0
    assert [d["code"] for d in json.loads(capsys.readouterr().out)] == list(rules())


# --diff


def test_diff_shows_the_safe_fixes_and_changes_nothing(draft: Path, clean: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--diff", str(draft)]) == 1
    out, err = capsys.readouterr()
    assert draft.read_text("utf-8") == DRAFT
    assert out.startswith(f"--- {draft}\n+++ {draft}\n")
    assert "-今天,我们召开市委x届x次全会。\n" in out
    assert "+今天，我们召开市委x届x次全会。\n" in out
    assert "+（一）明确分工\n" in out
    assert "X301" not in out  # the diff only, not the findings
    assert "1 file would be fixed" in err
    main(["check", "--fix", str(draft)])
    capsys.readouterr()
    plus = [line[1:] for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert all(line in draft.read_text("utf-8").splitlines() for line in plus)
    assert main(["check", "--diff", str(clean)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["check", "--diff", "--fix", str(clean)]) == 2


# --config, --no-config, --show-settings


def test_config_file_and_no_config(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "officialspeech.toml").write_text('ignore = ["X301"]\n', encoding="utf-8")
    elsewhere = tmp_path / "ci" / "speech.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text('select = ["X301"]\nfail-level = "error"\n', encoding="utf-8")

    def codes(*argv: str) -> set[str]:
        main(["check", "--format", "json", *argv, str(draft)])
        return {d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}

    assert "X301" not in codes()  # the nearest configuration
    assert codes("--config", str(elsewhere)) == {"X301"}
    assert "X301" in codes("--no-config")
    pyproject = tmp_path / "ci" / "pyproject.toml"
    pyproject.write_text('[tool.officialspeech]\nselect = ["N101"]\n', encoding="utf-8")
    assert codes("--config", str(pyproject)) == {"N101"}
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["check", "--config", str(pyproject), str(draft)]) == 2
    assert "has no [tool.officialspeech]" in capsys.readouterr().err
    assert main(["check", "--config", str(tmp_path / "nope.toml"), str(draft)]) == 2
    assert main(["check", "--config", str(elsewhere), "--no-config", str(draft)]) == 2
    capsys.readouterr()


def test_no_config_ignores_a_broken_one(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "officialspeech.toml").write_text('selectt = ["N"]\n', encoding="utf-8")
    assert main(["check", str(draft)]) == 2
    assert main(["check", "--no-config", str(draft)]) == 1
    capsys.readouterr()


def test_show_settings(draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "officialspeech.toml"
    config.write_text('ignore = ["T"]\nseverity = {N101 = "info"}\nfail-level = "error"\n', encoding="utf-8")
    assert main(["check", "--show-settings", "--ignore", "S504", str(draft)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"file: {draft}"
    assert lines[1] == f"configuration: {config.resolve()}"
    assert "ignore: S504, T" in lines
    assert "fail-level: error" in lines
    assert "  N101 numbering-gap info" in lines
    assert "  X301 placeholder error" in lines
    assert not any(line.startswith(("  S504", "  T7")) for line in lines)
    assert main(["check", "--show-settings", "--no-config", str(draft)]) == 0
    assert "configuration: none (defaults)" in capsys.readouterr().out


# inline disable comments in Markdown


def _md_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, name: str = "稿.md") -> list[tuple[str, int]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    main(["check", "--format", "json", str(path)])
    return [(d["code"], d["start"]["line"]) for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_disable_and_enable_comments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "同志们：\n今天召开x届x次全会。\n要落实XX县区。\n"
    assert [c for c, _ in _md_codes(tmp_path, capsys, body) if c == "X301"] == ["X301", "X301"]
    text = "同志们：\n<!-- officialspeech: disable=X301 -->\n今天召开x届x次全会。\n<!-- officialspeech: enable=X301 -->\n要落实XX县区。\n"
    assert [(c, n) for c, n in _md_codes(tmp_path, capsys, text) if c == "X301"] == [("X301", 5)]
    text = "同志们：\n<!-- officialspeech: disable -->\n今天召开x届x次全会。\n要落实XX县区。\n"
    assert _md_codes(tmp_path, capsys, text) == []
    text = "同志们：\n<!-- officialspeech: disable-next-line=placeholder -->\n今天召开x届x次全会。\n要落实XX县区。\n"
    assert [(c, n) for c, n in _md_codes(tmp_path, capsys, text) if c == "X301"] == [("X301", 4)]
    text = "同志们：\n今天召开x届x次全会。<!-- officialspeech: disable-line=X3 -->\n要落实XX县区。\n"
    assert [(c, n) for c, n in _md_codes(tmp_path, capsys, text) if c == "X301"] == [("X301", 3)]
    # the same comments in a .txt speech are text, not directives
    text = "同志们：\n<!-- officialspeech: disable=X301 -->\n今天召开x届x次全会。\n"
    assert ("X301", 3) in _md_codes(tmp_path, capsys, text, "稿.txt")


def test_disable_comment_naming_no_rule_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "稿.md"
    path.write_text("同志们：\n<!-- officialspeech: disable=Z999 -->\n今天召开x届x次全会。\n", encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert f"{path}:2: warning: disable comment names no rule: Z999" in capsys.readouterr().err


def test_fix_leaves_disabled_findings_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "同志们：\n<!-- officialspeech: disable-next-line=S504 -->\n今天,我们开会。\n明天,我们出发。\n"
    path = tmp_path / "稿.md"
    path.write_text(text, encoding="utf-8")
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    assert path.read_text("utf-8") == text.replace("明天,", "明天，")


# GitHub: annotations, their limit, the job summary


def test_github_annotation_limit_note_and_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many = tmp_path / "many.txt"
    many.write_text("同志们：\n" + "".join(f"第{i}条，召开x届x次会议。\n" for i in range(GITHUB_ANNOTATION_LIMIT + 2)),
                    encoding="utf-8")
    assert main(["check", "--format", "github", "--select", "X301", str(many)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("::error ") for line in out) == GITHUB_ANNOTATION_LIMIT + 2
    assert f"first {GITHUB_ANNOTATION_LIMIT} annotations of each type per step ({GITHUB_ANNOTATION_LIMIT + 2} errors" in out[-1]
    few = tmp_path / "few.txt"
    few.write_text("同志们：\n召开x届x次会议。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["check", "--format", "github", str(few), str(missing)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert f"::error file={missing},title=cannot check::{missing}: no such file or folder" in out
    assert out[-1].endswith("; 1 file could not be read")


def test_job_summary(draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    assert main(["check", "--format", "github", "--job-summary", str(draft)]) == 1
    capsys.readouterr()
    text = target.read_text("utf-8")
    assert text.startswith("earlier step\n## officialspeech check\n")  # appended
    rows = [line for line in text.splitlines() if line.startswith(f"| {draft} |")]
    assert len(rows) == 4
    assert any("| 3:10 | error | [X301](" in row and "x届x次" in row for row in rows)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert main(["check", "--job-summary", str(draft)]) == 1
    assert "GITHUB_STEP_SUMMARY is not set" in capsys.readouterr().err


def test_stdin_still_works_with_the_new_options(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    assert main(["check", "--diff", "-"]) == 1
    assert capsys.readouterr().out.startswith("--- -\n+++ -\n")


def test_the_folder_walk_does_not_follow_links_to_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "loop").symlink_to(tmp_path / "drafts", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", "./drafts/"]) == 1
    paths = {d["path"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert paths == {str(Path("drafts") / "a.txt")}
