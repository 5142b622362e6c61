"""``parse_json`` returns exactly ``parse_speech(text).model_dump_json()``."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from officialspeech import parse_json, parse_speech
from speechgen import SHAPES, generate

MARKERS = st.sampled_from(["一、", "（二）", "3.", "（4）", "一是", "第二，", "首先，", "最后，", "第5页 共9页", "— 3 —",
                           "同志们：", "谢谢大家！", "\n", "\r\n", "。", " ", "\u3000", "讲话", "［1］", "注释", "\t", "\x00"])


def test_every_shared_text_and_its_run_on_forms(shared_dir: Path) -> None:
    texts = sorted((shared_dir / "corpus" / "texts").glob("*.txt"))
    wild = shared_dir / "wild" / "texts"
    texts += sorted(wild.glob("*.txt")) if wild.is_dir() else []
    assert texts
    for path in texts:
        text = path.read_text("utf-8", errors="replace")
        for variant in (text, text.replace("\n", ""), text.replace("\n", " ")):
            assert parse_json(variant) == parse_speech(variant).model_dump_json(), path.name


def test_generated_speeches_in_every_shape() -> None:
    rng = random.Random(7)
    for i in range(15):
        tree = generate(rng, sections=rng.randint(1, 4), sentences=rng.randint(1, 4))
        for render in SHAPES.values():
            text = render(tree, i)
            assert parse_json(text) == parse_speech(text).model_dump_json()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKERS, st.text(max_size=6)), max_size=40).map("".join))
def test_any_text(text: str) -> None:
    assert parse_json(text) == parse_speech(text).model_dump_json()


def test_heading_hints_are_passed_on() -> None:
    text = "前言\n三、加强领导\n要加强领导。\n"
    assert parse_json(text, heading_lines=[2]) == parse_speech(text, heading_lines=[2]).model_dump_json()


def test_the_fast_encoder_writes_what_the_standard_one_does(shared_dir: Path) -> None:
    from officialspeech.parse import _encode, _json_encode, parse_tree

    for path in sorted((shared_dir / "corpus" / "texts").glob("*.txt")):
        tree = parse_tree(path.read_text("utf-8"))
        assert _encode(tree) == _json_encode(tree)
    tree = parse_tree("".join(chr(c) for c in range(0, 0x3000, 7)))  # control characters, quotes, non-ASCII
    assert _encode(tree) == _json_encode(tree)


def test_an_unpaired_surrogate_is_an_error_as_in_the_model() -> None:
    text = "同志们：\ud800一、好\n"
    with pytest.raises(ValueError, match="surrogate"):
        parse_speech(text).model_dump_json()
    with pytest.raises(ValueError, match="surrogate"):
        parse_json(text)


@pytest.mark.parametrize("unit", [
    lambda i: f"{'一二三'[i % 3]}是抓第{i}项工作。",  # a long body of points
    lambda i: f"（{'一二三四五六七八九'[i % 9]}）第{i}项任务\n要抓好落实。\n",  # one section, many children
    lambda i: f"{'一二三四五六七八九'[i % 9]}、第{i}部分\n（一）要点\n正文第{i}段。\n",  # many top-level sections
])
def test_a_very_long_text_validated_in_slices_is_the_speech_a_whole_validation_makes(
        unit: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from officialspeech import model
    from officialspeech.model import Speech
    from officialspeech.parse import LARGE_TEXT, LONG_LIST, parse_tree

    sliced: list[int] = []
    adapter = model.block_list()

    class Counting:
        def validate_python(self, part: list[object], **kw: Any) -> list[model.Block]:
            sliced.append(len(part))
            return adapter.validate_python(part, **kw)

    monkeypatch.setattr(model, "block_list", Counting)

    parts, size, i = ["同志们：\n"], 0, 0
    while size <= LARGE_TEXT or i <= 2 * LONG_LIST:
        parts.append(unit(i))  # type: ignore[operator]
        size += len(parts[-1])
        i += 1
    text = "".join(parts)
    speech = parse_speech(text)
    assert len(sliced) > 1  # (the slices were taken)
    assert speech == Speech.model_validate(parse_tree(text), extra="ignore")
    assert speech.model_dump_json() == parse_json(text)
