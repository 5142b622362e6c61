"""Front matter run together: the title (and its subtitle, date, speaker) found in glued or
flattened fronts. All texts are made up for these tests."""

from __future__ import annotations

from officialspeech import Speech, parse_speech
from officialspeech.model import DateNode, TextNode


def _exact(text: str, node: TextNode | DateNode | None, want: str) -> None:
    assert node is not None, want
    assert node.text == want
    assert text[node.span.start:node.span.end] == want


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def _lossless(text: str, speech: Speech) -> None:
    """Every non-blank character lies in some node or chrome span."""
    covered = [False] * len(text)
    spans = [n.span for n in (speech.title, speech.subtitle, speech.speaker, speech.date,
                              speech.salutation, speech.closing) if n is not None]
    spans += [p.span for p in speech.front] + [c.span for c in speech.chrome]
    spans += [b.span for b in speech.body]
    for sp in spans:
        for i in range(sp.start, sp.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


GOV_PAGE = (
    "当前位置：首页>要闻动态>本地新闻2025年青山市政府工作报告发布时间：2025-01-20 10:30:00"
    "来源：青山日报阅读量：【字体：大中小】政府工作报告——2025年1月15日在青山市第八届人民代表大会"
    "第三次会议上市长 周明远1月15日，青山市第八届人民代表大会第三次会议开幕。各位代表：现在，"
    "我代表市人民政府，向大会报告工作。一、过去一年工作回顾过去一年，我们稳住了经济大盘。"
)


def test_flattened_government_page_title_before_dash_subtitle() -> None:
    speech = parse_speech(GOV_PAGE)
    _exact(GOV_PAGE, speech.title, "政府工作报告")
    _exact(GOV_PAGE, speech.subtitle, "——2025年1月15日在青山市第八届人民代表大会第三次会议上")
    assert speech.date is not None
    assert speech.date.iso == "2025-01-15"
    _exact(GOV_PAGE, speech.speaker, "市长 周明远")
    assert speech.occasion is not None
    assert speech.occasion.text == "青山市第八届人民代表大会第三次会议"
    assert speech.salutation is not None
    assert speech.salutation.text == "各位代表："
    rules = [c.rule for c in speech.chrome]
    assert "font" in rules
    assert "published" in rules
    assert speech.metadata.date == "2025-01-20"
    _lossless(GOV_PAGE, speech)


MODERATOR = (
    "编号:20251234县委副书记全县秋季植树造林工作会议上的主持词202X/X/XX全县秋季植树造林工作会议上的"
    "主持词县委副书记xxx(二〇二五年十月九日)同志们:现在开会。今天的会议主要有三项议程。"
)


def test_title_said_twice_ending_with_a_speech_kind_word() -> None:
    speech = parse_speech(MODERATOR)
    _exact(MODERATOR, speech.title, "全县秋季植树造林工作会议上的主持词")
    assert speech.title is not None
    assert speech.title.span.start == MODERATOR.index("全县")
    assert speech.metadata.id == "20251234"
    _lossless(MODERATOR, speech)


SHOP = (
    "首页 > 范文 > 党课讲稿 > 学院七一党课:守初心 担使命6800字.DOCX 【图片、文字、动画均可编辑】\n"
    "学院七一党课:守初心 担使命6800字\n"
    "七一党课:守初心 担使命按照学院党委的安排,今天我和大家一起学习交流。我想讲三个方面的体会。\n"
    "一、牢记初心,坚定理想信念\n"
    "初心是我们出发的地方。\n"
)


def test_title_glued_to_the_first_sentence_restating_a_chrome_line() -> None:
    speech = parse_speech(SHOP)
    _exact(SHOP, speech.title, "七一党课:守初心 担使命")
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("按照学院党委的安排")
    assert [s.title for s in speech.sections()] == ["牢记初心,坚定理想信念"]
    _lossless(SHOP, speech)


def test_title_restated_in_a_flattened_shop_page() -> None:
    flat = _flat(SHOP)
    speech = parse_speech(flat)
    _exact(flat, speech.title, "七一党课:守初心 担使命")
    assert speech.metadata.format == "DOCX"
    _lossless(flat, speech)


OPINION = (
    "关于进一步加强社区治理工作的意见\n（2025年3月8日）\n加强社区治理是推进基层治理现代化的基础工作。"
    "现就进一步加强社区治理工作提出如下意见。\n一、总体要求\n坚持党建引领，坚持问题导向。\n"
)


def test_flattened_title_followed_by_a_date_at_the_start_of_the_body() -> None:
    flat = _flat(OPINION)
    speech = parse_speech(flat)
    _exact(flat, speech.title, "关于进一步加强社区治理工作的意见")
    _exact(flat, speech.date, "（2025年3月8日）")
    assert speech.date is not None
    assert speech.date.iso == "2025-03-08"
    first = speech.body[0]
    assert first.kind == "paragraph"
    assert first.text.startswith("加强社区治理是")
    _lossless(flat, speech)
    # a sentence naming a report and its date is no title
    text = "根据市委工作报告（2025年1月5日）部署，我们召开这次会议。一要提高认识。二要狠抓落实。"
    assert parse_speech(text).title is None


TOOLBAR = (
    "下载打印全屏收藏【字号：加大还原减小】2025年青山省政府工作报告——2025年1月20日在青山省第十四届"
    "人民代表大会第三次会议上\n"
    "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
)


def test_toolbar_chrome_glued_before_the_title_is_left_out() -> None:
    speech = parse_speech(TOOLBAR)
    _exact(TOOLBAR, speech.title, "2025年青山省政府工作报告")
    _exact(TOOLBAR, speech.subtitle, "——2025年1月20日在青山省第十四届人民代表大会第三次会议上")
    assert speech.date is not None
    assert speech.date.iso == "2025-01-20"
    assert [c.text for c in speech.chrome][:2] == ["下载打印全屏收藏", "【字号：加大还原减小】"]
    _lossless(TOOLBAR, speech)


GREETING = (
    "首页 > 范文大全 > 致辞 > 校长欢迎词校长欢迎词2024-09-01 08:30:00   来源:   点击:    "
    "亲爱的同学们:欢迎你们来到美丽的校园!"
)


def test_title_said_twice_after_a_breadcrumb() -> None:
    speech = parse_speech(GREETING)
    _exact(GREETING, speech.title, "校长欢迎词")
    assert speech.salutation is not None
    assert speech.salutation.text == "亲爱的同学们:"
    _lossless(GREETING, speech)

