"""Front matter of collection and sharing pages: a page title's site suffix (…讲话_某某范文网),
a collection's label before a title (篇一：…) and what it adds after one (…讲话（通用3篇）) are
chrome, on clean lines and with the line breaks lost; addresses of a role (全体学员：)."""

from __future__ import annotations

import pytest

from officialspeech import parse_speech
from spanchecks import check_spans

TITLE = "在全镇安全生产工作会议上的讲话"
BODY = ("今天召开全镇安全生产工作会议，主要任务是总结上半年工作，部署下一阶段任务。\n"
        "一、认清形势\n上半年全镇安全形势总体平稳。\n二、压实责任\n各村各单位要把责任落到人头。\n")
SALUTATION = "同志们："

SUFFIXES = ["_某某范文网", " - 豆丁网", "｜百度文库", "_第一范文网", "（通用3篇）", "（精选5篇）", "3篇", "（精选）", "范文",
            "_范文大全", "-范文大全", "_word文档在线阅读与下载_某某文档", " 某某范文网", "_某某公文易网"]
LABELS = ["篇一：", "第二篇：", "范文三：", "【篇一】"]


def _shapes(front: str, body: str) -> dict[str, str]:
    lines = front + "\n" + body
    return {"lines": lines, "flat": lines.replace("\n", ""), "spaced": lines.replace("\n", " ")}


def _text(node: object) -> str | None:
    """The text of a title or salutation node (None when there is none)."""
    return getattr(node, "text", None)


def _chrome_texts(text: str) -> list[str]:
    return [c.text.strip() for c in parse_speech(text).chrome]


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("shape", ["lines", "flat", "spaced"])
def test_a_site_or_collection_suffix_is_cut_off_the_title(suffix: str, shape: str) -> None:
    text = _shapes(TITLE + suffix, SALUTATION + "\n" + BODY)[shape]
    speech = parse_speech(text)
    assert _text(speech.title) == TITLE, (suffix, shape)
    assert _text(speech.salutation) == SALUTATION
    assert suffix.strip() in _chrome_texts(text)
    check_spans(text, speech)


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("shape", ["lines", "flat", "spaced"])
def test_a_collection_label_is_cut_off_the_title(label: str, shape: str) -> None:
    text = _shapes(label + TITLE, SALUTATION + "\n" + BODY)[shape]
    speech = parse_speech(text)
    assert _text(speech.title) == TITLE, (label, shape)
    check_spans(text, speech)


@pytest.mark.parametrize("suffix", ["_某某范文网", " - 豆丁网", "（通用3篇）", "9500字", ".docx"])
def test_chrome_that_follows_a_title_ends_it_in_the_first_body_line(suffix: str) -> None:
    # no salutation, the line breaks lost: the title word alone is weak evidence, the chrome
    # that only ever follows a title is strong; the chrome is cut, the body starts after it
    text = (TITLE + suffix + BODY).replace("\n", "")
    speech = parse_speech(text)
    assert _text(speech.title) == TITLE, suffix
    assert suffix.strip() in _chrome_texts(text)
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("今天召开")
    check_spans(text, speech)
    assert parse_speech((TITLE + BODY).replace("\n", "")).title is None  # (without it: no title)


@pytest.mark.parametrize("title", [
    "加快建设坚强智能电网",  # a title ending in 网 without a separator
    "2024-2025学年第一学期工作会议讲话",  # a hyphen that leads no site name
    "在全省供销合作社工作会议上的讲话（摘要）",  # a bracket a collection does not add
])
def test_a_title_that_only_looks_like_it_is_kept_whole(title: str) -> None:
    for text in _shapes(title, SALUTATION + "\n" + BODY).values():
        speech = parse_speech(text)
        assert _text(speech.title) == title, text[:40]


def test_the_last_body_line_keeps_its_words() -> None:
    text = TITLE + "\n" + SALUTATION + "\n" + BODY + "这就是我要讲的三篇\n"
    speech = parse_speech(text)
    last = speech.body[-1]
    assert last.kind == "section"
    assert _text(last.children[-1]) == "这就是我要讲的三篇"
    assert "三篇" not in _chrome_texts(text)


@pytest.mark.parametrize("address", ["全体学员：", "各位学员：", "全体党员干部：", "全体同志：", "全市广大青年朋友：",
                                     "全體學員：", "全体干部职工:"])
@pytest.mark.parametrize("shape", ["lines", "flat"])
def test_an_address_of_a_role_is_a_salutation(address: str, shape: str) -> None:
    text = _shapes(TITLE, address + "\n" + BODY)[shape]
    speech = parse_speech(text)
    assert _text(speech.salutation) == address, (address, shape)
    assert _text(speech.title) == TITLE
    check_spans(text, speech)


@pytest.mark.parametrize("line", ["全体党员要做到：", "全市上下要抓好以下工作：", "广大干部必须牢记："])
def test_a_sentence_about_a_role_is_no_salutation(line: str) -> None:
    text = TITLE + "\n" + line + "\n" + BODY
    speech = parse_speech(text)
    assert _text(speech.salutation) != line


@pytest.mark.parametrize(("address", "found"), [
    ("全体党员同志们：", "全体党员同志们："),  # a role before a known addressee: the whole address
    ("全市广大青年朋友们：", "全市广大青年朋友们："),
    ("同志们，大家好！", "同志们，"),  # a greeting run on: the address ends after its comma
    ("各位学员，大家好！", "各位学员，"),
])
@pytest.mark.parametrize("shape", ["lines", "flat"])
def test_an_address_run_on_after_the_title_is_the_salutation(address: str, found: str, shape: str) -> None:
    text = _shapes(TITLE, address + "\n" + BODY)[shape]
    speech = parse_speech(text)
    assert _text(speech.salutation) == found, (address, shape)
    assert _text(speech.title) == TITLE, (address, shape)
    check_spans(text, speech)


def test_a_greeting_glued_to_a_word_that_ends_no_title_is_no_salutation() -> None:
    text = ("我们要向长期以来默默奋战在防疫一线的同志们，大家好！" + BODY).replace("\n", "")  # (…的: no title word)
    assert _text(parse_speech(text).salutation) is None


@pytest.mark.parametrize("meta", ["文档编号：123456", "阅读：1234  评论：5", "（原创）"])
@pytest.mark.parametrize("shape", ["lines", "flat"])
def test_page_meta_after_the_title_is_no_part_of_it(meta: str, shape: str) -> None:
    sep = "" if meta.startswith("（") else "\n"
    text = _shapes(TITLE + sep + meta, SALUTATION + "\n" + BODY)[shape]
    speech = parse_speech(text)
    assert _text(speech.title) == TITLE, (meta, shape)
    check_spans(text, speech)
