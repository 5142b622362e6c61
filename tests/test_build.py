"""The tree as a whole: the outline of a clean speech, spans into the exact input, the parse leaving the garbage collector as it was."""

from __future__ import annotations

from typing import Any

import pytest

from officialspeech import Point, Section, Speech, parse_speech
from spanchecks import check_spans


def _titles(speech: Speech) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker, s.title) for s in speech.sections()]


def _leads(speech: Speech) -> list[tuple[str, int, str]]:
    return [(p.marker, p.number, p.lead) for p in speech.points()]


CLEAN = """在全县秋季安全生产工作会议上的讲话
（2024年9月12日）
县长 王明
同志们：
今天召开会议，主要任务是部署秋季安全生产工作。
一、提高认识，切实增强做好安全生产工作的责任感
安全生产事关群众生命财产安全。一是压实属地责任。各乡镇要守土有责。二是压实部门责任。各部门要管行业必须管安全。
二、突出重点，全力抓好重点领域隐患排查
（一）道路交通安全。要加强重点路段管控。
（二）森林防火。要严格野外用火管理。
三、强化保障，确保各项措施落到实处
首先，要加强组织领导。其次，要加强督查检查。最后，要严肃追责问责。
谢谢大家！
"""


def test_clean_lines_outline() -> None:
    speech = parse_speech(CLEAN)
    assert speech.title is not None
    assert speech.title.text == "在全县秋季安全生产工作会议上的讲话"
    assert speech.date is not None
    assert speech.date.iso == "2024-09-12"
    assert speech.speaker is not None
    assert speech.speaker.text == "县长 王明"
    assert speech.occasion is not None
    assert speech.occasion.text == "全县秋季安全生产工作会议"
    assert speech.salutation is not None
    assert speech.salutation.addressees == ["同志们"]
    assert _titles(speech) == [
        (1, "一、", "提高认识，切实增强做好安全生产工作的责任感"),
        (1, "二、", "突出重点，全力抓好重点领域隐患排查"),
        (2, "（一）", "道路交通安全"),
        (2, "（二）", "森林防火"),
        (1, "三、", "强化保障，确保各项措施落到实处"),
    ]
    assert _leads(speech) == [
        ("一是", 1, "压实属地责任"),
        ("二是", 2, "压实部门责任"),
        ("首先", 1, "要加强组织领导"),
        ("其次", 2, "要加强督查检查"),
        ("最后", 3, "要严肃追责问责"),
    ]
    assert speech.closing is not None
    assert speech.closing.text == "谢谢大家！"
    first = speech.sections()[0]
    assert all(p in first.children for p in speech.points()[:2])


def test_crlf_spans_index_the_exact_input() -> None:
    text = "标题讲话\r\n同志们：\r\n一、第一部分\r\n内容在这里。\r\n二、第二部分\r\n更多内容。\r\n"
    speech = parse_speech(text)
    for s in speech.sections():
        assert isinstance(s, Section)
        assert text[s.title_span.start:s.title_span.end] == s.title
        assert s.title_span.column == len(s.marker) + 1
    assert [s.title_span.line for s in speech.sections()] == [3, 5]


def test_garbage_collector_state_is_restored() -> None:
    import gc

    assert gc.isenabled()
    parse_speech(CLEAN)
    assert gc.isenabled()
    gc.disable()
    try:
        parse_speech(CLEAN)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_parsed_speech_is_not_left_in_the_young_generation() -> None:
    # the collector off during the parse makes every node young; parse_speech moves them up
    # (gc.freeze + unfreeze) so that the next young collection does not traverse them all
    import gc

    text = CLEAN * 200
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    assert gc.get_freeze_count() == 0
    gc.callbacks.append(seen)
    try:
        speech = parse_speech(text)
    finally:
        gc.callbacks.remove(seen)
    assert len(speech.sections()) >= 400  # thousands of model objects were made
    assert collections == []  # no collection ran over them on the way out
    assert any(o is speech for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_the_callers_frozen_objects_stay_frozen_and_cycles_are_still_collected() -> None:
    import gc
    import weakref

    class Node:
        other: object = None

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        parse_speech(CLEAN)
        assert gc.get_freeze_count() == frozen  # not thawed by the parse
    finally:
        gc.unfreeze()
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle made before the parse, garbage after it
    alive = weakref.ref(a)
    del a, b
    parse_speech(CLEAN)
    gc.collect()
    assert alive() is None


RUN_IN_SERIES = ["在全县经济工作会议上的报告", "各位代表：", "一、2024年工作回顾",
                 "（一）经济运行稳中有进。全县生产总值增长5.8%，固定资产投资增长7.2%。",
                 "（二）项目建设提速增效。新开工亿元以上项目26个，竣工投产18个。",
                 "（三）民生保障持续加强。城镇新增就业4200人，新改建农村公路80公里。",
                 "在看到成绩的同时，我们也清醒认识到存在的问题：一是产业结构不优；二是财政收支矛盾突出。",
                 "二、2025年主要任务", "（一）抓项目促投资。要紧盯重点项目。"]


def _parents(speech: Speech) -> dict[str, str]:
    """Each paragraph's or point's opening words -> the marker of the section holding it."""
    out: dict[str, str] = {}

    def walk(nodes: list[Any], parent: str) -> None:
        for n in nodes:
            if isinstance(n, Section):
                walk(n.children, n.marker)
            else:
                out[(n.lead if isinstance(n, Point) else n.text)[:6]] = parent
    walk(speech.body, "")
    return out


def test_what_follows_a_run_in_series_of_one_paragraph_siblings_is_the_parents() -> None:
    # (corpus 003: the points of the paragraph after the run-in （六） belong to 一、)
    speech = parse_speech("\n".join(RUN_IN_SERIES) + "\n")
    parents = _parents(speech)
    assert parents["全县生产总值"] == "（一）"
    assert parents["城镇新增就业"] == "（三）"
    assert parents["在看到成绩的"] == "一、"
    assert parents["产业结构不优"] == "一、"
    assert parents["要紧盯重点项"] == "（一）"
    check_spans("\n".join(RUN_IN_SERIES) + "\n", speech)


@pytest.mark.parametrize("change", ["two_paragraphs", "not_run_in", "two_siblings"])
def test_a_series_that_is_not_all_one_paragraph_run_in_keeps_what_follows(change: str) -> None:
    lines = list(RUN_IN_SERIES)
    if change == "two_paragraphs":  # the first sibling holds two paragraphs
        lines.insert(4, "重点行业稳中向好，规上工业增加值增长6.1%。")
    elif change == "not_run_in":  # the second sibling's heading stands alone on its line
        lines[4:5] = ["（二）项目建设提速增效", "新开工亿元以上项目26个，竣工投产18个。"]
    else:  # a series of two
        del lines[3]
    parents = _parents(parse_speech("\n".join(lines) + "\n"))
    assert parents["在看到成绩的"] == "（三）"


ADDRESSED = ["在全县经济工作会议上的报告", "各位代表：", "一、2024年工作回顾",
             "（一）经济运行稳中有进", "全县生产总值增长5.8%。", "固定资产投资增长7.2%。",
             "（二）民生保障持续加强", "城镇新增就业4200人。", "新改建农村公路80公里。",
             "各位代表！这些成绩来之不易，是全县上下共同奋斗的结果。",
             "我们也清醒看到存在的问题：一是产业结构不优；二是财政收支矛盾突出。",
             "二、2025年主要任务", "（一）抓项目促投资", "要紧盯重点项目。"]


def test_the_audience_addressed_after_a_series_last_sub_heading_turns_back_to_the_part() -> None:
    # (corpus 003: the points after its last sub-heading and an 各位代表！ paragraph belong to 一、)
    parents = _parents(parse_speech("\n".join(ADDRESSED) + "\n"))
    assert parents["新改建农村公"] == "（二）"
    assert parents["各位代表！这"] == "一、"
    assert parents["产业结构不优"] == "一、"
    assert parents["要紧盯重点项"] == "（一）"


@pytest.mark.parametrize("change", ["comma", "not_last"])
def test_an_address_that_is_no_turn_keeps_its_sub_heading(change: str) -> None:
    lines = list(ADDRESSED)
    if change == "comma":  # 各位代表， inside the paragraph's sentence, no exclamation
        lines[9] = "各位代表，这些成绩来之不易，是全县上下共同奋斗的结果。"
    else:  # the address under the first sub-heading, its siblings still to come
        lines.insert(6, "各位代表！我们要再接再厉。")
    parents = _parents(parse_speech("\n".join(lines) + "\n"))
    if change == "comma":
        assert parents["各位代表，这"] == "（二）"
        assert parents["产业结构不优"] == "（二）"
    else:
        assert parents["各位代表！我"] == "（一）"
