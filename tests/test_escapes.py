"""White space written out as an escape (<U+00A0>, as R exports a no-break space): it indents a
heading as white space does, ends a title as white space does, and stays in the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from officialspeech import Speech, parse_speech
from officialspeech.parse.escapes import escape_before, trim_space_end
from spanchecks import assert_lossless, check_spans

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ESC = "<U+00A0>"

# one section of a report, every paragraph indented by escapes; the section has no 二、 of its
# own (an excerpt), but it opens with its sub-series
SECTION = [
    "政府工作报告",
    "各位代表：",
    "现在，我代表市人民政府，向大会报告工作。",
    "一、过去一年工作回顾",
    "过去一年，我们坚持稳中求进，经济社会发展取得新成效。",
    "（一）着力稳定经济运行",
    "全年地区生产总值增长百分之五，财政收入稳步增加。",
    "（二）着力推进改革开放",
    "重点领域改革持续深化，对外开放水平不断提高。",
    "（三）着力保障改善民生",
    "新增城镇就业三万人，民生支出占财政支出八成。",
]
TITLES = ["过去一年工作回顾", "着力稳定经济运行", "着力推进改革开放", "着力保障改善民生"]


def _outline(speech: Speech) -> list[tuple[str, str, int]]:
    return [(s.marker, s.title, s.level) for s in speech.sections()]


def _escaped(lines: list[str], indent: int) -> str:
    return "\n".join(ESC * indent + line for line in lines)


EXPECTED = [("一、", TITLES[0], 1), ("（一）", TITLES[1], 2), ("（二）", TITLES[2], 2), ("（三）", TITLES[3], 2)]


@given(st.integers(1, 4))
@SETTINGS
def test_escape_indented_headings_are_found(indent: int) -> None:
    text = _escaped(SECTION, indent)
    speech = parse_speech(text)
    assert _outline(speech) == EXPECTED
    check_spans(text, speech)
    assert_lossless(text, speech)


@given(st.integers(1, 4), st.sampled_from(["", " "]))
@SETTINGS
def test_escapes_end_titles_when_the_line_breaks_are_lost(indent: int, sep: str) -> None:
    # flattened: the escapes are all that is left of the line breaks
    text = sep.join(ESC * indent + line for line in SECTION)
    speech = parse_speech(text)
    assert [(m, t) for m, t, _ in _outline(speech)] == [(m, t) for m, t, _ in EXPECTED]
    assert all(not s.title.endswith((">", " ")) for s in speech.sections())
    check_spans(text, speech)


def test_a_lone_one_opening_its_sub_series_is_a_heading_in_run_on_text() -> None:
    text = "".join(SECTION)
    assert _outline(parse_speech(text))[:2] == EXPECTED[:2]


def test_a_lone_one_without_a_sub_series_stays_text_in_run_on_text() -> None:
    # the same text with no （一）（二）: a 一、 after a sentence is no heading by itself
    lines = [line for line in SECTION if not line.startswith("（")]
    assert _outline(parse_speech("".join(lines))) == []


def test_a_series_starts_again_where_a_one_opens_its_sub_series() -> None:
    # the same section twice in one run-on text (a page scraped twice): both copies are found
    body = "".join(SECTION[2:])
    text = "".join(SECTION[:2]) + body + body
    got = _outline(parse_speech(text))
    assert [(m, level) for m, _, level in got] == [(m, level) for m, _, level in EXPECTED + EXPECTED]
    assert [t for _, t, _ in got].count(TITLES[0]) == 2


def test_a_one_following_its_series_without_a_sub_series_does_not_restart_it() -> None:
    lines = [*SECTION[:4], "我们坚持稳中求进。", "二、今年主要任务", "今年要抓好三项工作，一、稳增长，要扩大有效投资。"]
    titles = [t for _, t, _ in _outline(parse_speech("".join(lines)))]
    assert titles == ["过去一年工作回顾", "今年主要任务"]


@given(st.text(alphabet="一二三 <>U+0A。", max_size=30), st.data())
@SETTINGS
def test_trim_space_end_moves_back_over_white_space_only(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = trim_space_end(text, start, end)
    assert start <= got <= end
    rest = text[got:end]
    # what was cut off is white space and escapes (the last possibly cut short by ``end``)
    while rest:
        if rest[0] == " ":
            rest = rest[1:]
        elif rest.startswith(ESC):
            rest = rest[len(ESC):]
        else:
            assert ESC.startswith(rest)
            assert text.startswith(ESC, got + (end - got - len(rest)))
            rest = ""
    if got > start:
        assert text[got - 1] != " "
        assert escape_before(text, got, start) is None


def test_escape_before() -> None:
    text = "要点" + ESC + ESC + "一、"
    assert escape_before(text, 2 + 2 * len(ESC)) == 2 + len(ESC)
    assert escape_before(text, 2 + 2 * len(ESC), 2 + len(ESC) + 1) is None  # not before the floor
    assert escape_before(text, 2) is None
    assert escape_before("<U+0041>", 8) is None  # an escaped letter is no white space
