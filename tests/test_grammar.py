"""The marker grammar: one copy at the repository root, shipped inside the wheel, read by an
editable install from the source tree; the lexer runs once per parse."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import officialspeech
from officialspeech import parse_speech
from officialspeech.parse import markers

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = ROOT / "grammars" / "markers.lark"
SPEECH = ("在会上的讲话\n同志们：\n一、压实责任\n一是压实属地责任。二是压实部门责任。\n"
          "二、强化保障\n首先，要加强领导。最后，要严肃问责。\n谢谢大家！\n")


def test_one_copy_of_the_grammar() -> None:
    assert GRAMMAR.is_file()
    assert not list((ROOT / "src").rglob("*.lark"))


def test_a_checkout_or_editable_install_reads_the_root_grammar() -> None:
    if not Path(officialspeech.__file__).resolve().is_relative_to(ROOT / "src"):
        pytest.fail("the tests run against an installed copy, not this checkout")
    assert Path(str(markers.grammar_path())).resolve() == GRAMMAR


def test_the_built_wheel_ships_the_grammar_and_parses_with_it(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(tmp_path.glob("officialspeech-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        assert z.read("officialspeech/grammars/markers.lark") == GRAMMAR.read_bytes()
        assert [n for n in z.namelist() if n.endswith(".lark")] == ["officialspeech/grammars/markers.lark"]
        z.extractall(tmp_path / "site")
    probe = ("import officialspeech, sys; from officialspeech.parse.markers import grammar_path; "
             "print(grammar_path()); s = officialspeech.parse_speech(sys.stdin.read()); "
             "print([x.marker for x in s.sections()], [p.marker for p in s.points()])")
    out = subprocess.run([sys.executable, "-c", probe], input=SPEECH, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(tmp_path / "site"), "PATH": ""}, cwd=tmp_path).stdout.splitlines()
    assert Path(out[0]).resolve() == (tmp_path / "site" / "officialspeech" / "grammars" / "markers.lark").resolve()
    assert out[1] == "['一、', '二、'] ['一是', '二是', '首先', '最后']"


def test_the_salutation_and_closing_come_from_the_grammar() -> None:
    grammar = GRAMMAR.read_text("utf-8")
    assert "salutation:" in grammar
    assert "closing:" in grammar
    assert markers.salutation().match("各位代表、同志们：") is not None
    assert markers.salutation().match("今天我们开会：") is None
    assert markers.closing().fullmatch("谢谢大家！") is not None
    assert markers.closing().fullmatch("谢谢大家的支持。") is None


class _Counting:
    """A scanner that counts its scans (the compiled pattern's methods cannot be patched)."""

    def __init__(self, pattern: object, calls: list[int]) -> None:
        self.pattern = pattern
        self.calls = calls

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> object:
        self.calls.append(pos)
        return self.pattern.finditer(text, pos) if endpos is None else self.pattern.finditer(text, pos, endpos)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [SPEECH, SPEECH.replace("\n", ""), "", "一、", "同志们：" + SPEECH * 3])
def test_the_marker_lexer_runs_once_per_parse(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lexed: list[int] = []
    real_lex = markers.lex

    def counting_lex(view: str) -> markers.Tokens:
        lexed.append(len(view))
        return real_lex(view)

    scans: list[int] = []
    real_scanner, real_finder = markers.scanner, markers._finder
    monkeypatch.setattr("officialspeech.parse.document.lex", counting_lex)
    # (the scan reads the scanner's lead-consuming form, markers._finder: both counted)
    monkeypatch.setattr(markers, "scanner", lambda *a: _Counting(real_scanner(*a), scans))
    monkeypatch.setattr(markers, "_finder", lambda *a: _Counting(real_finder(*a), scans))
    speech = parse_speech(text)
    assert lexed == [len(text)]  # (no page markers or chrome: the view is the text)
    assert scans == [0]  # one scan of the view, from its start; no stage scans again
    assert speech.length == len(text)
