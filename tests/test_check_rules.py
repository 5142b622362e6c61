"""Every rule against fixtures that state their expectations in a header:

    #! expect CODE LINE:COL [fix] [CODE LINE:COL ...]   these diagnostics of CODE, exactly
                                                        (fix: the diagnostic carries a safe fix)
    #! clean CODE [CODE ...]                             no diagnostic of these codes

Lines and columns count in the text after the header lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from officialspeech import check_speech, parse_speech
from officialspeech.check import check_text, rules

FIXTURES = Path(__file__).parent / "fixtures" / "check"


def _load(path: Path) -> tuple[str, dict[str, list[tuple[int, int, bool]]], set[str]]:
    header: list[str] = []
    body: list[str] = []
    for line in path.read_text("utf-8").splitlines(keepends=True):
        (header if line.startswith("#! ") and not body else body).append(line)
    expect: dict[str, list[tuple[int, int, bool]]] = {}
    clean: set[str] = set()
    for line in header:
        words = line[3:].split()
        if words[0] == "clean":
            clean.update(words[1:])
        elif words[0] == "expect":
            items = words[1:]
            i = 0
            while i < len(items):
                code, pos = items[i], items[i + 1]
                fix = i + 2 < len(items) and items[i + 2] == "fix"
                ln, col = (int(x) for x in pos.split(":"))
                expect.setdefault(code, []).append((ln, col, fix))
                i += 3 if fix else 2
    return "".join(body), expect, clean


CASES = sorted(FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture(path: Path) -> None:
    text, expect, clean = _load(path)
    assert expect or clean, "a fixture must state what it expects"
    found = check_text(text, path=path.name)
    for code, wanted in expect.items():
        got = [(d.start.line, d.start.column, d.fix is not None and d.fix.safe) for d in found if d.code == code]
        assert got == wanted, f"{code}: {[d.message for d in found if d.code == code]}"
    for code in clean:
        assert [d.message for d in found if d.code == code] == []


def test_every_rule_has_a_triggering_and_a_clean_fixture() -> None:
    triggered: set[str] = set()
    cleaned: set[str] = set()
    for path in CASES:
        _, expect, clean = _load(path)
        triggered.update(expect)
        cleaned.update(clean)
    for code in rules():
        assert code in triggered, f"{code} has no fixture that triggers it"
        assert code in cleaned, f"{code} has no fixture that must stay clean"


def test_rules_are_documented_and_codes_stable() -> None:
    for code, r in rules().items():
        assert code[0].isalpha()
        assert code[1:].isdigit()
        assert len(code) == 4
        assert r.name == r.name.lower()
        assert " " not in r.name
        assert r.explanation
        assert r.bad
        assert r.good
        assert r.severity in ("error", "warning", "info")


def test_check_speech_without_text_matches_check_with_text() -> None:
    for path in CASES:
        text, _, _ = _load(path)
        speech = parse_speech(text)
        with_text = [(d.code, d.start, d.end) for d in check_speech(speech, text)]
        without = [(d.code, d.start, d.end) for d in check_speech(speech)]
        assert without == with_text, path.name


def test_select_and_ignore() -> None:
    text, _, _ = _load(FIXTURES / "X301-placeholder.txt")
    assert {d.code for d in check_text(text, select=["X"])} == {"X301"}
    assert {d.code for d in check_text(text, select=["placeholder"])} == {"X301"}
    assert "X301" not in {d.code for d in check_text(text, ignore=["X301"])}
    assert {d.code for d in check_text(text, select=["X", "S"], ignore=["S504"])} <= {"X301", "S501", "S502", "S503"}
    assert all(d.severity == "info" for d in check_text(text, select=["X"], severities={"X301": "info"}))
