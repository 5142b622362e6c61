"""Speaker, subtitle, date and salutation in front matter whose line breaks were lost, or
whose parts do not follow the title directly. All texts are made up for these tests."""

from __future__ import annotations

from itertools import pairwise

import pytest

from officialspeech import Speech, parse_speech
from officialspeech.model import DateNode, Salutation, TextNode


def _exact(text: str, node: TextNode | DateNode | Salutation | None, want: str) -> None:
    assert node is not None, want
    assert node.text == want
    assert text[node.span.start:node.span.end] == want


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def _lossless(text: str, speech: Speech) -> None:
    """Every non-blank character lies in some node or chrome span, and front nodes do not overlap."""
    covered = [False] * len(text)
    front = [n.span for n in (speech.title, speech.subtitle, speech.speaker, speech.salutation)
             if n is not None]
    spans = front + [n.span for n in (speech.date, speech.closing) if n is not None]
    spans += [p.span for p in speech.front] + [c.span for c in speech.chrome]
    spans += [b.span for b in speech.body]
    for sp in spans:
        for i in range(sp.start, sp.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))
    front.sort(key=lambda sp: sp.start)
    assert all(a.end <= b.start for a, b in pairwise(front))


NOTICE = (
    "青山县人民政府办公室关于做好秋季防火工作的通知\n"
    "各乡镇人民政府、街道办事处,县政府各部门、各直属单位:\n"
    "现将有关事项通知如下。\n一、提高认识\n各地要高度重视。\n"
)


@pytest.mark.parametrize("text", [NOTICE, _flat(NOTICE)], ids=["lines", "flat"])
def test_salutation_listing_several_addressees(text: str) -> None:
    speech = parse_speech(text)
    _exact(text, speech.salutation, "各乡镇人民政府、街道办事处,县政府各部门、各直属单位:")
    assert speech.salutation is not None
    assert speech.salutation.addressees == ["各乡镇人民政府", "街道办事处", "县政府各部门", "各直属单位"]
    _exact(text, speech.title, "青山县人民政府办公室关于做好秋季防火工作的通知")
    _lossless(text, speech)
