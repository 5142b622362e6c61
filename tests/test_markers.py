"""Marker vocabulary: numerals, the grammar's reading of each marker form, and false hits
(fixture file: tests/fixtures/markers.txt, one case per line)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import Point, Section, parse_speech
from officialspeech.numerals import to_int
from officialspeech.parse.markers import interpret, marker_at, scan, scanner

FIXTURE = Path(__file__).parent / "fixtures" / "markers.txt"


def _cases() -> list[tuple[str, str]]:
    cases = []
    for line in FIXTURE.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, expected = line.split("\t")
        cases.append((text.replace("\\n", "\n"), expected))
    return cases


def _summary(text: str) -> str:
    speech = parse_speech(text)
    tokens: list[str] = []

    def walk(blocks: list[object]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                tokens.append(b.marker)
                walk(list(b.children))
            elif isinstance(b, Point):
                tokens.append("·" + b.marker)

    walk(list(speech.body))
    return " ".join(tokens) or "-"


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_marker_fixture(text: str, expected: str) -> None:
    assert _summary(text) == expected


@pytest.mark.parametrize(("numeral", "value"), [
    ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("九十九", 99), ("一百零三", 103), ("两", 2),
    ("〇", 0), ("二〇二三", 2023), ("１２", 12), ("7", 7), ("一千二百", 1200), ("百十", None), ("", None),
])
def test_numerals(numeral: str, value: int | None) -> None:
    assert to_int(numeral) == value


@pytest.mark.parametrize(("marker", "category", "form", "numbers"), [
    ("一、", "heading", "cn_dun", (1,)),
    ("（十二）", "heading", "cn_paren", (12,)),
    ("(三)", "heading", "cn_paren", (3,)),
    ("1.", "heading", "arabic_dot", (1,)),
    ("１２．", "heading", "arabic_dot", (12,)),
    ("3、", "heading", "arabic_dot", (3,)),
    ("（4）", "heading", "arabic_paren", (4,)),
    ("［5］", "heading", "footnote", (5,)),
    ("附件2", "heading", "attachment", (2,)),
    ("二是", "point", "cn_verb", (2,)),
    ("三要", "point", "cn_verb", (3,)),
    ("第一，", "point", "di_comma", (1,)),
    ("第二是", "point", "di_verb", (2,)),
    ("其次", "point", "sequence", ()),
    ("第二、", "point", "di_comma", (2,)),
    ("其三，", "point", "di_comma", (3,)),
    ("③", "point", "circled", (3,)),
    ("⑵", "point", "circled", (2,)),
    ("4）", "point", "arabic_half", (4,)),
    ("第5页 共5页", "page", "page_of", (5, 5)),
    ("第1页共5页", "page", "page_of", (1, 5)),
    ("共5页 第2页", "page", "total_page_of", (5, 2)),
    ("共12页，第3页", "page", "total_page_of", (12, 3)),
    ("第 3 页", "page", "page_only", (3,)),
    ("— 3 —", "page", "page_dashed", (3,)),
    ("- 3 -", "page", "page_dashed", (3,)),
    ("3/12", "page", "page_slash", (3, 12)),
])
def test_grammar_reads_each_form(marker: str, category: str, form: str, numbers: tuple[int, ...]) -> None:
    found = interpret(marker)
    assert found is not None
    assert (found.category, found.form, found.numbers) == (category, form, numbers)


def test_not_a_marker() -> None:
    assert interpret("百十、") is None
    assert interpret("讲话") is None


def test_scanner_is_built_from_the_grammar() -> None:
    names = set(scanner().groupindex)
    assert {"heading__cn_dun__0", "point__cn_verb__0", "page__page_of__0"} <= names
    assert all(n.split("__")[0] in {"heading", "point", "page"} for n in names)


def test_page_prefilter_character_is_the_grammars() -> None:
    from officialspeech.parse.markers import marker_parser
    from officialspeech.parse.pages import PAGE_CHAR

    assert marker_parser().get_terminal("PAGE").pattern.value == PAGE_CHAR


@pytest.mark.parametrize("n", range(1, 100))
def test_chinese_numerals_round_trip(n: int) -> None:
    from officialspeech.numerals import to_chinese

    assert to_int(to_chinese(n)) == n


@pytest.mark.parametrize(("pattern", "prefix"), [
    ("^此文档下载收益归作者所有$", "此文档下载收益归作者所有"), ("^温馨提示[:：]?$", "温馨提示"),
    ("^(?:分享|收藏)$", ""), ("^abc?d", "ab"), ("^ab*", "a"), ("x^y", ""),
])
def test_chrome_prefilter_literal(pattern: str, prefix: str) -> None:
    from officialspeech.vocab import literal_prefix

    assert literal_prefix(pattern) == prefix


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["一、", "（二）", "3.", "（4）", "一是", "第二，", "首先", "然后，请", "其一，", "①",
                                           "2）", "第一部分", "〔1〕", "附件1", "一 ", "第5页 共9页", "— 3 —", "十", "\n",
                                           "甲、", "（乙）", "自己、", "㈢", "⒋", "❷"]),
                          st.text(max_size=4)), max_size=30).map("".join))
def test_the_fast_scanner_finds_what_the_grammars_regex_does(text: str) -> None:
    # the scanner led by the grammar's first characters (standard `re`) against the plain
    # alternation of the grammar's rules (`regex`)
    import regex

    from officialspeech.parse.markers import scanner_pattern

    for categories in (("heading", "point"), ("heading", "point", "page")):
        fast = scanner(categories)
        plain = regex.compile(scanner_pattern(categories), regex.V0)
        expected = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == expected
        # the lexer's scan (a pattern led by the first characters, consumed) finds the same,
        # from any position
        assert [((s, e), name) for s, e, name in scan(text, 0, categories)] == expected
        pos = len(text) // 2
        assert [((s, e), name) for s, e, name in scan(text, pos, categories)] == \
               [(m.span(), m.lastgroup) for m in plain.finditer(text, pos)]
        # …and so does the test at one position
        assert [marker_at(text, k, categories) for k in range(len(text) + 1)] == \
               [plain.match(text, k) is not None for k in range(len(text) + 1)]


def test_the_fast_scanner_finds_what_the_grammars_regex_does_on_real_text(shared_dir: Path) -> None:
    # its branches grouped by their first characters: the same match at every position
    import regex

    from officialspeech.parse.markers import scanner_pattern

    texts = [p.read_text("utf-8") for d in ("corpus/texts", "wild/texts") for p in sorted((shared_dir / d).glob("*.txt"))]
    fast = scanner()
    plain = regex.compile(scanner_pattern(), regex.V0)
    for text in texts:
        expected = [(m.span(), m.lastgroup) for m in plain.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == expected
        assert [((s, e), name) for s, e, name in scan(text, 0, ("heading", "point", "page"))] == expected
