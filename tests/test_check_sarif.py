"""SARIF 2.1.0 from ``check --format sarif`` validates against the official schema *with
format checks* (``jsonschema[format-nongpl]``: uri, uri-reference, date-time), for a violating,
a clean and an unreadable input, with a Chinese file name. The schema is read from
../shared/specs and never copied; the tests skip when it is absent."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import SHARED
from officialspeech.check.output import artifact_uri
from officialspeech.check.registry import rules
from officialspeech.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = SHARED / "specs" / "sarif-schema-2.1.0.json"
DRAFT = ("在全县工作会议上的讲话\n同志们：\n今天,我们召开市委x届x次全会。\n一、加强领导\n要高度重视。\n"
         "（一）、明确分工\n要分工明确。\n三、强化保障\n要落实经费。\n")
CLEAN = "在全县工作会议上的讲话\n同志们：\n一、加强领导\n要高度重视。\n二、强化保障\n要落实经费。\n"


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip("../shared/specs/sarif-schema-2.1.0.json is not available")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _errors(validator: Any, log: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def _sarif(capsys: pytest.CaptureFixture[str], argv: list[str], code: int) -> dict[str, Any]:
    assert main(["check", "--format", "sarif", *argv]) == code
    out = capsys.readouterr().out
    log: dict[str, Any] = json.loads(out)  # stdout is one JSON document, whatever happened
    return log


def test_the_checker_rejects_a_raw_non_ascii_uri(validator: Any) -> None:
    """Without the format extras jsonschema skips uri-reference silently: first show that
    this checker does reject what the old output had (a raw 讲话 in a uri)."""
    assert "uri-reference" in validator.format_checker.checkers
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{
        "message": {"text": "m"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "drafts/讲话.txt"}}}]}]}]}
    errors = [e for e in validator.iter_errors(bad) if e.validator == "format"]
    assert errors
    assert "uri-reference" in errors[0].message
    good = json.loads(json.dumps(bad).replace("drafts/\\u8bb2\\u8bdd.txt", "drafts/%E8%AE%B2%E8%AF%9D.txt"))
    assert _errors(validator, good) == []


def test_violating_input_with_a_chinese_name(validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "drafts").mkdir()
    path = tmp_path / "drafts" / "讲话.txt"
    path.write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = _sarif(capsys, ["drafts/讲话.txt"], 1)
    assert _errors(validator, log) == []
    run = log["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is True
    assert "toolExecutionNotifications" not in run["invocations"][0]
    codes = {r["ruleId"] for r in run["results"]}
    assert {"X301", "N101", "S504", "N108"} <= codes
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "drafts/%E8%AE%B2%E8%AF%9D.txt"
    # the URI, resolved against its base, names the file
    base = run["originalUriBaseIds"][location["uriBaseId"]]["uri"]
    assert Path(unquote(urlparse(urljoin(base, location["uri"])).path)) == path.resolve()


def test_help_uri_points_at_an_anchor_of_the_rule_docs(validator: Any, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CLEAN, encoding="utf-8")
    log = _sarif(capsys, [str(path)], 0)
    assert _errors(validator, log) == []
    # GitHub's heading anchors: lower case, spaces to hyphens, other punctuation dropped
    doc = (ROOT / "docs" / "rules.md").read_text("utf-8")
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", doc, re.M)}
    driver = log["runs"][0]["tool"]["driver"]
    assert len(driver["rules"]) == len(rules())
    for r in driver["rules"]:
        uri = r["helpUri"]
        assert uri.split("#")[0].endswith("/docs/rules.md")
        assert uri.split("#")[1] in anchors, uri


def test_clean_input(validator: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "清洁稿.txt"
    path.write_text(CLEAN, encoding="utf-8")
    log = _sarif(capsys, [str(path)], 0)
    assert _errors(validator, log) == []
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0] == {"executionSuccessful": True, "exitCode": 0}


@pytest.mark.parametrize("kind", ["missing", "binary", "empty folder"])
def test_unreadable_input_is_still_a_log(validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str], kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    name = {"missing": "缺失.txt", "binary": "二进制.txt", "empty folder": "空目录"}[kind]
    if kind == "binary":
        Path(name).write_bytes(b"\x00\x01\x02\x03")
    elif kind == "empty folder":
        Path(name).mkdir()
    log = _sarif(capsys, [name], 2)
    assert _errors(validator, log) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert name in note["message"]["text"]
    assert unquote(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) == name


def test_one_unreadable_among_readable(validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("好.txt").write_text(DRAFT, encoding="utf-8")
    log = _sarif(capsys, ["好.txt", "缺失.txt"], 2)
    assert _errors(validator, log) == []
    run = log["runs"][0]
    assert run["results"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["invocations"][0]["toolExecutionNotifications"]) == 1


def test_absolute_path_and_stdin(validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "讲 话#1.txt"  # a space and a # must be encoded too
    path.write_text(DRAFT, encoding="utf-8")
    log = _sarif(capsys, [str(path)], 1)
    assert _errors(validator, log) == []
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///")
    assert " " not in uri
    assert "#" not in uri
    assert Path(unquote(urlparse(uri).path)) == path
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    log = _sarif(capsys, ["-"], 1)
    assert _errors(validator, log) == []


def test_fixes_are_the_safe_fixes_of_check_fix(validator: Any, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Applying the SARIF fixes' replacements to the file gives what one --fix pass writes."""
    path = tmp_path / "稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    log = _sarif(capsys, [str(path)], 1)
    assert _errors(validator, log) == []
    fixed = [r for r in log["runs"][0]["results"] if "fixes" in r]
    assert {r["ruleId"] for r in fixed} == {"S504", "N108"}
    text = DRAFT
    replacements = [rep for r in fixed for fix in r["fixes"] for change in fix["artifactChanges"]
                    for rep in change["replacements"]]
    for rep in sorted(replacements, key=lambda x: -x["deletedRegion"]["charOffset"]):
        start = rep["deletedRegion"]["charOffset"]
        text = text[:start] + rep["insertedContent"]["text"] + text[start + rep["deletedRegion"]["charLength"]:]
    main(["check", "--fix", str(path)])
    capsys.readouterr()
    assert text == path.read_text("utf-8")
    assert text != DRAFT


_SEGMENT = st.text(st.one_of(st.characters(codec="utf-8", exclude_characters="/\x00"),
                             st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)),  # undecodable bytes
                   min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SEGMENT, min_size=1, max_size=4))
def test_any_relative_file_name_is_a_valid_uri_reference_naming_it(segments: list[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    name = "/".join(segments)
    assume(name != "-")  # standard input
    uri = artifact_uri(name)
    assert checker.conforms(uri, "uri-reference"), (name, uri)
    assert unquote(uri, errors="surrogateescape") == Path(name).as_posix()


@pytest.mark.parametrize("fmt", ["sarif", "json", "text", "github"])
def test_a_file_name_that_is_not_utf8_on_disk(validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              fmt: str) -> None:
    """Such a name arrives as surrogate escapes; on a strict UTF-8 stdout it is printed
    escaped, never a traceback, and SARIF percent-encodes its bytes."""
    monkeypatch.chdir(tmp_path)
    try:
        with open(b"\xff\xfe.txt", "wb") as fh:
            fh.write(DRAFT.encode("utf-8"))
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["check", "--format", fmt, "."]) == 1
    out.flush()
    printed = out.buffer.getvalue().decode("utf-8")
    if fmt == "sarif":
        log = json.loads(printed)
        assert _errors(validator, log) == []
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert uris == {"%FF%FE.txt"}
    elif fmt == "json":
        assert {d["path"] for d in json.loads(printed)["diagnostics"]} == {os.fsdecode(b"\xff\xfe.txt")}
    else:
        assert "\\udcff\\udcfe.txt" in printed
