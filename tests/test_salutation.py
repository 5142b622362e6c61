"""Stage front: the salutation in its variant forms (traditional characters, no colon, the
colon wrapped onto the next line)."""

from __future__ import annotations

import pytest

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
