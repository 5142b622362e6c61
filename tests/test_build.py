"""The tree as a whole: the outline of a clean speech, spans into the exact input, the parse leaving the garbage collector as it was."""

from __future__ import annotations

from officialspeech import Section, Speech, parse_speech


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
