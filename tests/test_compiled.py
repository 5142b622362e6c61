"""The compiled-pattern cache (officialspeech.compiled): a pattern built from the cache is
the pattern the engine compiles; a bad, missing or unwritable cache is no cache; the command
line writes it and a later run reads it, with the same output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import compiled

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

PATTERNS = [
    r"[一二三四五六七八九十]+、",
    r"(?P<n>第[一二三四五六七八九十]+)(?:是|，)",
    r"(?<=[。！？])\s*(?=同志们)",
    r"^(?:谢谢大家|谢谢)[！!]?$",
    r"[\u4e00-\u9fff]{2,8}(?:会议|大会)",
    r"(?i)end\b",
    r"(a|b)\1",
]
REGEX_PATTERNS = [*PATTERNS, r"\p{Han}{2,4}(?:同志)", r"(?V1)[\p{Han}--[的]]+", r"(?r)\d+"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache folder, this process's cache state forgotten before and after."""
    monkeypatch.setenv("OFFICIALSPEECH_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("OFFICIALSPEECH_NO_CACHE", raising=False)
    compiled.clear()
    yield tmp_path
    compiled.clear()


def _no_recording(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if a pattern is compiled afresh rather than built from the cache."""
    def fail(*args: object) -> object:
        raise AssertionError(f"compiled afresh: {args!r}")
    monkeypatch.setattr(compiled, "_recorded", fail)


def test_re_patterns_from_the_cache_equal_the_compiled_ones(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for p in PATTERNS:
        assert compiled.compile_re(p) == re.compile(p)
    assert compiled.save()
    assert compiled.cache_file().is_file()
    compiled.clear()
    _no_recording(monkeypatch)
    for p in PATTERNS:
        # re.Pattern equality compares the pattern, the flags and the compiled code
        assert compiled.compile_re(p) == re.compile(p)
    assert compiled.compile_re(PATTERNS[0]) is compiled.compile_re(PATTERNS[0])  # built once a process


def test_flags_are_part_of_the_key(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = compiled.compile_re(r"^a$")
    multi = compiled.compile_re(r"^a$", re.MULTILINE)
    assert compiled.save()
    compiled.clear()
    _no_recording(monkeypatch)
    assert compiled.compile_re(r"^a$") == plain
    assert compiled.compile_re(r"^a$", re.MULTILINE) == multi
    assert compiled.compile_re(r"^a$", re.MULTILINE).findall("b\na") == ["a"]
    assert compiled.compile_re(r"^a$").findall("b\na") == []


SAMPLE = ("一、总体要求\n同志们：今年是第一年。我们要做到：一是抓好落实；二是强化监督。END end "
          "第三，加强组织领导。张三同志在县委全会上讲话。（二）十二、abba 2024 的的")


def test_regex_patterns_from_the_cache_match_as_compiled(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for p in REGEX_PATTERNS:
        compiled.compile_regex(p)
    assert compiled.save()
    compiled.clear()
    _no_recording(monkeypatch)
    for p in REGEX_PATTERNS:
        got, want = compiled.compile_regex(p), regex.compile(p)
        assert [m.span() for m in got.finditer(SAMPLE)] == [m.span() for m in want.finditer(SAMPLE)], p
        assert got.groupindex == want.groupindex
        assert got.groups == want.groups
        assert got.flags == want.flags


_WORDS = st.text(alphabet="一二三是第同志们会议、，。a1", min_size=1, max_size=4)


@st.composite
def _patterns(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=1, max_size=5))
    alternation = "|".join(regex.escape(w) for w in words)
    shape = draw(st.sampled_from(["(?:{})", "(?P<g>{})+", "(?<=[，。]){}", "[一二三]{{1,2}}(?:{})?", r"\p{{Han}}*(?:{})"]))
    return shape.format(alternation)


@settings(max_examples=60, deadline=None)
@given(pattern=_patterns(), text=st.text(alphabet="一二三是第同志们会议、，。a1 \n", max_size=40))
def test_any_pattern_round_trips(pattern: str, text: str) -> None:
    saved = os.environ.get("OFFICIALSPEECH_CACHE_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["OFFICIALSPEECH_CACHE_DIR"] = folder
        try:
            compiled.clear()
            compiled.compile_regex(pattern)
            if "\\p" not in pattern:
                compiled.compile_re(pattern)
            assert compiled.save()
            compiled.clear()
            got = compiled.compile_regex(pattern)
            assert compiled._state.new == {}  # built from the cache, nothing compiled afresh
            assert [m.span() for m in got.finditer(text)] == [m.span() for m in regex.finditer(pattern, text)]
            if "\\p" not in pattern:
                assert compiled.compile_re(pattern) == re.compile(pattern)
        finally:
            compiled.clear()
            if saved is None:
                del os.environ["OFFICIALSPEECH_CACHE_DIR"]
            else:
                os.environ["OFFICIALSPEECH_CACHE_DIR"] = saved


@pytest.mark.parametrize("damage", ["truncate", "flip", "magic", "empty", "folder"])
def test_a_damaged_cache_is_no_cache(cache_dir: Path, damage: str) -> None:
    for p in PATTERNS:
        compiled.compile_re(p)
    assert compiled.save()
    path = compiled.cache_file()
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    elif damage == "magic":
        path.write_bytes(b"XXXXX" + data[5:])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.unlink()
        path.mkdir()
    compiled.clear()
    for p in PATTERNS:
        assert compiled.compile_re(p) == re.compile(p)
    assert len(compiled._state.new) == len(PATTERNS)  # compiled afresh, each


def test_an_entry_the_engine_refuses_is_compiled_afresh(cache_dir: Path) -> None:
    compiled.compile_re(PATTERNS[0])
    compiled.compile_regex(PATTERNS[1])
    assert compiled.save()
    compiled.clear()
    entries = compiled._entries()
    for key in list(entries):
        entries[key] = ("not", "the", "arguments")
    assert compiled.compile_re(PATTERNS[0]) == re.compile(PATTERNS[0])
    assert compiled.compile_regex(PATTERNS[1]).pattern == PATTERNS[1]


def test_no_cache_neither_reads_nor_writes(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled.compile_re(PATTERNS[0])
    assert compiled.save()
    compiled.clear()
    monkeypatch.setenv("OFFICIALSPEECH_NO_CACHE", "1")
    assert not compiled.enabled()
    compiled.compile_re(PATTERNS[0])
    compiled.compile_re(PATTERNS[1])
    assert set(compiled._state.new) == {(0, PATTERNS[0], 0, 0), (0, PATTERNS[1], 0, 0)}  # nothing read
    before = compiled.cache_file().read_bytes()
    assert not compiled.save()
    assert compiled.cache_file().read_bytes() == before


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("OFFICIALSPEECH_CACHE_DIR", str(blocker / "sub"))
    compiled.clear()
    try:
        compiled.compile_re(PATTERNS[0])
        assert not compiled.save()
        assert list(tmp_path.iterdir()) == [blocker]  # no temporary file left either
    finally:
        compiled.clear()


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OFFICIALSPEECH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled.cache_file().parent == tmp_path / "officialspeech"
    assert sys.implementation.cache_tag in compiled.cache_file().name


def test_saves_merge_what_another_process_wrote(cache_dir: Path) -> None:
    compiled.compile_re(PATTERNS[0])
    assert compiled.save()
    compiled.clear()
    compiled._state.stored = {}  # as a process that read the file before the other one wrote
    compiled.compile_re(PATTERNS[1])
    assert compiled.save()
    assert {k[1] for k in compiled._read(compiled.cache_file())} == {PATTERNS[0], PATTERNS[1]}


def test_other_threads_compile_undisturbed_while_one_records(cache_dir: Path) -> None:
    errors: list[str] = []

    def ours() -> None:
        for i in range(150):
            p = f"(?:甲{i}|乙{i})+"
            if compiled.compile_re(p) != re.compile(p):
                errors.append(p)

    def theirs() -> None:
        for i in range(150):
            p = f"丙{i}[丁戊]*"
            got = re.compile(p)
            if got.pattern != p or not got.match(f"丙{i}丁"):
                errors.append(p)

    threads = [threading.Thread(target=ours), threading.Thread(target=theirs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert all(args[0] == key[1] for key, args in compiled._state.new.items())  # each entry its own pattern
    assert not any("丙" in key[1] for key in compiled._state.new)


_SCRIPT = """
import hashlib, sys
from pathlib import Path
from officialspeech import compiled, parse_json
h = hashlib.sha256()
for p in sorted(Path(sys.argv[1]).rglob('*.txt')):
    h.update(parse_json(p.read_text(encoding='utf-8')).encode())
print(h.hexdigest(), len(compiled._state.new), compiled.save())
"""


def test_json_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    env = dict(os.environ, OFFICIALSPEECH_CACHE_DIR=str(tmp_path), PYTHONPATH=str(ROOT / "src"))
    env.pop("OFFICIALSPEECH_NO_CACHE", None)

    def run(extra: dict[str, str]) -> list[str]:
        out = subprocess.run([sys.executable, "-c", _SCRIPT, str(FIXTURES)], env={**env, **extra},
                             capture_output=True, text=True, check=True)
        return out.stdout.split()

    first = run({})  # compiles everything, writes the cache
    second = run({})  # builds everything from it
    none = run({"OFFICIALSPEECH_NO_CACHE": "1"})
    assert first[0] == second[0] == none[0]
    assert int(first[1]) > 50
    assert first[2] == "True"
    assert second[1:] == ["0", "False"]  # nothing compiled afresh, nothing to write
    assert int(none[1]) == int(first[1])
    assert none[2] == "False"


def test_the_command_line_writes_the_cache_and_reads_it(tmp_path: Path) -> None:
    env = dict(os.environ, OFFICIALSPEECH_CACHE_DIR=str(tmp_path / "cache"), PYTHONPATH=str(ROOT / "src"))
    env.pop("OFFICIALSPEECH_NO_CACHE", None)
    cmd = [sys.executable, "-m", "officialspeech", "outline", str(ROOT / "examples" / "clean_lines.txt")]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1
    assert files[0].stat().st_size > 1000
    stamp = files[0].stat().st_mtime_ns
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    assert second.stdout == first.stdout
    assert second.stderr == first.stderr == ""
    assert files[0].stat().st_mtime_ns == stamp  # nothing new: not rewritten
