"""Stage front: the salutation in its variant forms (traditional characters, no colon, the
colon wrapped onto the next line)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import parse_speech

TITLE = "在全县工作会议上的讲话\n"
BODY = "今天召开会议，部署工作。\n一、提高认识\n要高度重视。\n"


@pytest.mark.parametrize(("address", "names"), [
    ("同志們：", ["同志們"]),
    ("各位領導、各位來賓：", ["各位領導", "各位來賓"]),
    ("親愛的同學們：", ["親愛的同學們"]),
])
def test_traditional_forms_of_the_addressees(address: str, names: list[str]) -> None:
    speech = parse_speech(TITLE + address + "\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert speech.salutation.addressees == names


@pytest.mark.parametrize("line", ["同志们", "同志们  ", "各位代表、同志们"])
def test_an_address_alone_on_its_line_needs_no_colon(line: str) -> None:
    speech = parse_speech(TITLE + line + "\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == line.rstrip()


@pytest.mark.parametrize("text", [
    TITLE + "同志们要加强学习，提高认识。\n" + BODY,  # an address that goes on as a sentence
    TITLE + "我们同志们\n" + BODY,  # not at the start of its line
])
def test_an_address_without_colon_inside_a_sentence_is_none(text: str) -> None:
    assert parse_speech(text).salutation is None


def test_the_colon_wrapped_onto_the_next_line() -> None:
    speech = parse_speech(TITLE + "各位代表\n：\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == "各位代表\n："
    assert speech.salutation.addressees == ["各位代表"]


@pytest.mark.parametrize(("address", "names"), [
    ("议长先生，各位议员：", ["议长先生", "各位议员"]),
    ("同胞们，同志们，朋友们：", ["同胞们", "同志们", "朋友们"]),
    ("论坛主席先生，秘书处总干事女士，各位代表：", ["论坛主席先生", "秘书处总干事女士", "各位代表"]),
    ("尊敬的来访团长，各位同事：", ["尊敬的来访团长", "各位同事"]),
])
@pytest.mark.parametrize("after", ["\n", ""])  # on its own line, or run on as in flattened pages
def test_addressees_before_a_known_one_across_a_comma(address: str, names: list[str], after: str) -> None:
    # the address starts at the first addressee, not after the comma: nothing of it is a title
    speech = parse_speech(address + after + "今天，我们在这里举行会议。" + after + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert speech.salutation.addressees == names
    assert speech.title is None


@pytest.mark.parametrize("lead", ["今天，", "最后讲一点，"])
def test_a_clause_before_the_address_is_neither_address_nor_title(lead: str) -> None:
    # 今天 is no addressee (it does not end like one), and a line ending in a comma is no title
    speech = parse_speech(lead + "同志们：\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们："
    assert speech.title is None


@pytest.mark.parametrize(("address", "names"), [
    ("尊敬的李部长，尊敬的王主席，", ["尊敬的李部长", "尊敬的王主席"]),
    ("尊敬的各位理事、各位代表，尊敬的秘书长先生，", ["尊敬的各位理事", "各位代表", "尊敬的秘书长先生"]),
    ("尊敬的会长，各位同事，", ["尊敬的会长", "各位同事"]),
])
def test_an_address_closed_by_a_comma_runs_on_into_the_speech(address: str, names: list[str]) -> None:
    text = address + "在这个收获的季节，我们相聚在这里。" + BODY
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert speech.salutation.addressees == names


@pytest.mark.parametrize("text", [
    "今天开会。尊敬的李部长，今天我们在这里召开会议。" + BODY,  # one addressee and a comma after a sentence
    "我们要尊敬的老师，敬爱的长辈，都要关心。" + BODY,  # not opened by an honorific
])
def test_a_comma_closed_address_needs_two_addressees_from_an_honorific(text: str) -> None:
    assert parse_speech(text).salutation is None


# an address of addressees no word list holds: a line start up to 们 and its colon
_GROUPS = st.sampled_from(["少先队员们", "家长们", "工人们", "青年干部们", "社区工作者们", "孩子們"])
_MODIFIERS = st.sampled_from(["", "全市", "全体", "广大", "全市广大", "亲爱的"])


@given(_MODIFIERS, _GROUPS, st.sampled_from(["：", ":"]), st.sampled_from(["", "　　"]))
@settings(max_examples=60, deadline=None)
def test_an_address_ending_in_men_at_a_line_start_is_a_salutation(modifier: str, group: str, colon: str,
                                                                   indent: str) -> None:
    address = modifier + group + colon
    text = TITLE + indent + address + "\n" + BODY
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert text[speech.salutation.span.start:speech.salutation.span.end] == address


@pytest.mark.parametrize("line", ["毛主席教导我们：", "他们：", "咱们：", "人们："])
def test_a_pronoun_before_a_colon_is_no_address(line: str) -> None:
    assert parse_speech(TITLE + line + "\n" + BODY).salutation is None


@pytest.mark.parametrize(("line", "address"), [
    ("全市广大青年朋友们：", "全市广大青年朋友们："),  # modifiers before a known addressee belong to it
    ("回信乡亲们：你们好！", "乡亲们："),  # a document word glued before it does not
])
def test_what_stands_before_a_known_addressee_on_its_line(line: str, address: str) -> None:
    speech = parse_speech(TITLE + line + "\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == address


@pytest.mark.parametrize(("line", "address"), [
    ("同志们，大家好！今天我们召开会议。", "同志们，"),
    ("各位代表、同志们，大家上午好！", "各位代表、同志们，"),
    ("尊敬的各位领导，各位来宾，大家好！", "尊敬的各位领导，各位来宾，"),
    ("朋友们，晚上好！", "朋友们，"),
])
def test_an_address_closed_by_a_comma_before_a_greeting(line: str, address: str) -> None:
    text = TITLE + line + "\n" + BODY
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert text[speech.salutation.span.start:speech.salutation.span.end] == address


@pytest.mark.parametrize(("text", "address"), [
    (TITLE + "同志们，今天我们召开会议。\n" + BODY, "同志们，"),
    (TITLE + "同志们，今天开会\n" + BODY, "同志们，"),
    ("朋友们，要抓好落实。\n" + BODY, "朋友们，"),
    (TITLE + "各位代表，同志们，现在我作报告。\n" + BODY, "各位代表，同志们，"),
    ("尊敬的李部长，今天我们在这里召开会议。" + BODY, "尊敬的李部长，"),
    (TITLE + "同志们，\n" + BODY, "同志们，"),  # alone on its line, with its comma
    (TITLE + "亲爱的同志们，今天我们在这里相聚。\n" + BODY, "亲爱的同志们，"),  # (亲 names no site's reader)
    (TITLE + "各位会员代表，同志们，今天我们召开会议。\n" + BODY, "各位会员代表，同志们，"),  # (a member's delegate: an audience)
    (TITLE.strip() + "同志们，今天我们召开会议。" + BODY, "同志们，"),  # the title run on before it
])
def test_an_address_closed_by_a_comma_that_opens_the_speech_is_its_salutation(text: str, address: str) -> None:
    # no colon, no greeting after it: where nothing of the speech was said before, an address
    # run on into the first sentence is how it addresses its audience
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert text[speech.salutation.span.start:speech.salutation.span.end] == address


@pytest.mark.parametrize("line", ["同志们，我们要抓好落实。", "朋友们，要抓好落实", "同志们，"])
def test_an_addressee_opening_a_sentence_later_in_the_speech_is_no_salutation(line: str) -> None:
    # a vocative after the speech began (a sentence before it), on its own line or run on: no salutation
    assert parse_speech(TITLE + "今天召开会议，部署工作。\n" + line + "\n" + BODY).salutation is None


@pytest.mark.parametrize("blurb", ["尊敬的读者，本文由网友整理上传，仅供参考", "各位朋友，欢迎访问本站"])
def test_an_address_closed_by_a_comma_gives_way_to_an_address_with_its_colon(blurb: str) -> None:
    text = blurb + "\n" + TITLE + "同志们：\n" + BODY
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们："
    assert speech.title is not None
    assert speech.title.text == TITLE.strip()


@pytest.mark.parametrize("notice", ["尊敬的用户，欢迎访问本站。", "亲爱的读者，本文仅供参考", "尊敬的会员，您好",
                                    "亲爱的读者朋友们，本文仅供参考"])
def test_a_sites_own_notice_is_no_salutation(notice: str) -> None:
    # (a page's notice to its readers opens the text: no address of the speech's audience)
    assert parse_speech(notice + "\n" + TITLE + BODY).salutation is None


def test_words_before_an_addressee_are_no_addressee_of_an_address_closed_by_a_comma() -> None:
    # 全市经济工作会议 (no title word) run on before 同志们，: neither is taken for the other
    speech = parse_speech("全市经济工作会议同志们，今天我们召开会议，部署工作。" + BODY)
    assert speech.salutation is None or speech.salutation.text == "同志们，"


@pytest.mark.parametrize(("line", "names"), [
    ("各位领导 各位来宾：", ["各位领导", "各位来宾"]),
    ("尊敬的各位领导　各位来宾　朋友们：", ["尊敬的各位领导", "各位来宾", "朋友们"]),
    ("同志们 朋友们：", ["同志们", "朋友们"]),
])
def test_addressees_set_apart_by_spaces_are_one_address(line: str, names: list[str]) -> None:
    speech = parse_speech(TITLE + line + "\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == line
    assert speech.salutation.addressees == names


def test_a_title_before_the_address_on_its_line_is_no_addressee() -> None:
    speech = parse_speech("在全市工作会议上的讲话 同志们：今天我们召开会议。")
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们："
    assert speech.title is not None
    assert speech.title.text == "在全市工作会议上的讲话"


@pytest.mark.parametrize(("line", "address"), [("　　各位代表！", "各位代表！"), ("同志们！", "同志们！"), ("　　同志们", "同志们")])
def test_an_address_alone_on_its_line_may_end_with_an_exclamation_mark(line: str, address: str) -> None:
    speech = parse_speech(TITLE + line + "\n" + BODY)
    assert speech.salutation is not None
    assert speech.salutation.text == address


def test_an_exclaimed_address_running_on_is_no_salutation() -> None:
    assert parse_speech(TITLE + "同志们！我们要团结起来。\n" + BODY).salutation is None


@pytest.mark.parametrize("join", ["", "\n"])
def test_a_line_address_after_a_glued_letter_title(join: str) -> None:
    text = ("回信" + join + "河西县实验中学（北校区）二〇二四届的毕业生们：你们好！来信收到了。"
            "得知你们在老师的带领下坚持开展志愿服务活动，我感到很欣慰。")
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "河西县实验中学（北校区）二〇二四届的毕业生们："
    assert speech.title is not None
    assert speech.title.text == "回信"



@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab\n\r", max_size=30), st.data())
def test_a_line_start_is_where_stepping_back_stops(text: str, data: st.DataObject) -> None:
    """salutation._line_start against stepping back one character at a time, as
    _line_address did: at a line break, at the text's start, or ``most`` characters back."""
    from officialspeech.parse.front.salutation import _line_start

    end = data.draw(st.integers(0, len(text)))
    most = data.draw(st.integers(1, 12))
    s = end
    while s > 0 and text[s - 1] not in "\r\n" and end - s < most:
        s -= 1
    assert _line_start(text, end, most) == s


def test_traditional_closings_and_sequence_words_are_read_like_the_simplified_ones() -> None:
    text = ("尊敬的各位來賓：\n首先，我代表市政府表示歡迎。\n其次，我們將全力做好服務。\n"
            "最後，預祝大會圓滿成功！\n謝謝大家！\n")
    speech = parse_speech(text)
    assert [p.marker for p in speech.points()] == ["首先", "其次", "最後"]
    assert speech.closing is not None
    assert speech.closing.text == "謝謝大家！"


@pytest.mark.parametrize(("text", "closing"), [
    ("同志们：\n今天开会。\n应到代表200名，实到198名，符合法定人数。现在，我宣布：青山县第十八届人民代表大会第四次会议开幕！\n",
     "现在，我宣布：青山县第十八届人民代表大会第四次会议开幕！"),
    ("各位代表：\n会议圆满完成了各项议程。我宣布，大会胜利闭幕！\n", "我宣布，大会胜利闭幕！"),
    ("尊敬的各位来宾：\n晚上好！\n请大家共同举杯，为青山的明天干杯！\n干杯！\n", "干杯！"),
])
def test_declaring_a_meeting_open_or_closed_and_a_toast_end_their_speeches(text: str, closing: str) -> None:
    speech = parse_speech(text)
    assert speech.closing is not None
    assert speech.closing.text == closing


def test_an_agenda_in_traditional_characters_is_a_sequence_of_points() -> None:
    text = ("各位領導、各位來賓，同志們：\n首先，請市長講話。\n下面，請秘書長宣讀表彰決定。\n然後，請代表發言。\n"
            "最後，請書記作重要講話。\n現在散會。\n")
    speech = parse_speech(text)
    assert [p.marker for p in speech.points()] == ["首先", "下面", "然後", "最後"]
    assert speech.closing is not None
    assert speech.closing.text == "現在散會。"


@pytest.mark.parametrize("office", ["区人民政府副区长　", "市政府秘书长 ", "（2026年3月2日）"])
@pytest.mark.parametrize(("first", "title"), [("邵文澜", "主任"), ("林凡", "部长"), ("欧阳明", "书记")])
def test_a_speakers_name_run_on_into_the_first_addressees_title_is_the_speakers(
        office: str, first: str, title: str) -> None:
    # the front matter of a report run together: …副区长　邵文澜主任、各位副主任：
    # — the name is the speaker's, after their office or the date; the address opens at 主任
    address = f"{title}、各位副主任、各位委员："
    speech = parse_speech(f"关于民生实事项目完成情况的报告{office}{first}{address}受委托，现报告如下。")
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert speech.salutation.addressees[0] == title


@pytest.mark.parametrize("address", ["各位领导、各位来宾，", "各位来宾、朋友们，"])
@pytest.mark.parametrize("first", ["程远舟", "林凡"])
def test_a_speakers_name_glued_to_a_comma_closed_address_is_the_speakers(first: str, address: str) -> None:
    # a greeting flattened: …县长　程远舟各位领导、各位来宾，大家上午好！ — the address closed by a
    # comma and a greeting opens right after the speaker's name
    text = f"在杜鹃花旅游节开幕式上的致辞（2024年4月20日）霁山县人民政府县长　{first}{address}大家上午好！今天我们在这里举行开幕式。"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address


@pytest.mark.parametrize(("text", "address"), [
    ("尊敬的张主任、各位来宾：\n大家好。", "尊敬的张主任、各位来宾："),  # no office before it
    ("在会议上的讲话\n王建国主任、各位委员：\n现在报告。", "王建国主任、各位委员："),
])
def test_a_name_before_an_addressees_title_stays_in_the_address(text: str, address: str) -> None:
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address


@pytest.mark.parametrize("org", ["青山大学", "青山市科学技术协会", "中共青山县委办公室"])
def test_a_letter_addressed_to_an_organisation(org: str) -> None:
    text = f"贺信\n{org}：\n值此建校七十周年之际，谨致以热烈的祝贺！\n祝各项事业蒸蒸日上！\n中共青山市委\n2024年5月6日\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == f"{org}："


@pytest.mark.parametrize("line", ["青山大学要做到：", "主要任务："])
def test_a_line_that_ends_with_a_colon_is_no_organisation_address(line: str) -> None:
    text = f"在全市工作会议上的讲话\n同志们：\n今天召开会议。\n{line}\n一是抓学习。\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们："


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\n\u3000\u3000"])
def test_an_address_broken_across_two_lines_is_one_salutation(newline: str) -> None:
    first = "尊敬的青禾市副市长林远山先生，尊敬的各位来宾，"
    second = "女士们，先生们，朋友们："
    text = f"在第五届青禾茶博会开幕式上的致辞\n{first}{newline}{second}\n大家上午好！金秋时节，我们相聚青禾。\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == f"{first}{newline}{second}"
    assert speech.salutation.addressees[-3:] == ["女士们", "先生们", "朋友们"]


def test_an_address_closed_by_a_comma_does_not_take_the_next_line_of_speech() -> None:
    text = "在全县春耕工作会议上的讲话\n同志们，\n今天我们召开会议：部署春耕生产。\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "同志们，"


@pytest.mark.parametrize("word", ["的通知", "的意见", "的决定"])
def test_a_notices_addressees_glued_after_its_title_start_after_the_title_word(word: str) -> None:
    # a notice flattened to one line: its title runs on into the addressee line (a quoted term
    # right before the title word: the address started after its closing quote, at 的通知)
    title = f"青川县人民政府办公室关于开展防汛隐患排查“回头看”{word}"
    address = "各乡镇人民政府，县直各部门，各有关单位："
    text = f"{title}{address}为切实做好今年防汛工作，现将有关事项通知如下。一、明确责任各乡镇要落实属地责任。"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address
    assert speech.title is not None
    assert speech.title.text == title


@pytest.mark.parametrize("clause", ["各部门要重点抓好四项工作：", "各地各部门要抓好三件事：", "各单位要做到："])
def test_a_clause_with_the_modal_yao_after_ge_is_no_address(clause: str) -> None:
    # reported speech in a news item: 她要求，各部门要…：一是… (the collective 各 opens a clause)
    text = (f"全市安全生产工作会议召开\n本报讯 市政府昨日召开全市安全生产工作会议。市长强调，{clause}"
            "一是压实责任；二是排查隐患。会议要求，各级各部门要守牢底线。\n")
    assert parse_speech(text).salutation is None


@pytest.mark.parametrize("address", ["各乡镇人民政府，县直各部门：", "各位重要嘉宾：", "各位主要领导，同志们："])
def test_collective_and_known_addresses_with_the_characters_of_zhongyao_stay_addresses(address: str) -> None:
    text = f"在全县工作会议上的讲话\n{address}\n今天召开会议，部署工作。\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == address


@pytest.mark.parametrize("line", ["青川职业技术学院全体师生员工和海内外校友：", "青川集团公司广大干部职工："])
def test_a_letters_addressee_line_of_an_organisations_people_is_the_salutation(line: str) -> None:
    text = f"贺信\n{line}\n值此建校六十周年之际，谨致以热烈的祝贺！\n六十年来，学院培养了大批人才。\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == line


@pytest.mark.parametrize("lines", [
    ["尊敬的各位领导", "尊敬的远方来的各位朋友", "各位来宾，女士们、先生们"],
    ["尊敬的各位領導", "各位來賓，女士們、先生們"],
    ["尊敬的各位领导", "各位来宾："],  # the last closed by its colon
])
def test_an_address_set_out_line_by_line_with_no_colon_is_one(lines: list[str]) -> None:
    """Address lines with no closing mark, each alone on its line, are one salutation, line
    breaks and all, up to the greeting (大家上午好！) that is none."""
    text = "在茶文化节开幕式上的欢迎词\n" + "\n".join(lines) + "\n大家上午好！\n今天，茶文化节隆重开幕了。\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "\n".join(lines)


def test_a_greeting_after_an_address_alone_on_its_line_is_no_part_of_it() -> None:
    speech = parse_speech("在茶文化节开幕式上的欢迎词\n尊敬的各位领导\n大家上午好！\n今天，茶文化节隆重开幕了。\n")
    assert speech.salutation is not None
    assert speech.salutation.text == "尊敬的各位领导"


def test_a_letters_addressee_line_lists_its_people() -> None:
    """…中学全体师生员工、广大校友：: the organisation's people, listed with 、, are the letter's addressees."""
    text = "贺信\n青禾县第一中学全体师生员工、广大校友：\n金秋十月，丹桂飘香。值此建校八十周年之际，谨致热烈祝贺！\n"
    speech = parse_speech(text)
    assert speech.salutation is not None
    assert speech.salutation.text == "青禾县第一中学全体师生员工、广大校友："
    assert speech.title is not None
    assert speech.title.text == "贺信"
