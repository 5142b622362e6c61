"""Span: the light node every other node holds (a slotted pydantic dataclass, not a model)."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from officialspeech import Span, parse_speech
from speechgen import clean, generate


def test_a_span_keeps_no_instance_dict() -> None:
    span = parse_speech("一、加强领导\n同志们要努力。\n").body[0].span
    assert not hasattr(span, "__dict__")  # slots: a third of a model's memory
    assert dataclasses.asdict(span) == TypeAdapter(Span).dump_python(span)


def test_a_span_is_frozen_strict_and_hashable() -> None:
    span = Span(start=0, end=2, line=1, column=1, end_line=1, end_column=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        TypeAdapter(Span).validate_python({"start": 0, "end": 2, "line": 1, "column": 1,
                                           "end_line": 1, "end_column": 3, "extra": 0})
    assert hash(span) == hash(Span(**dataclasses.asdict(span)))


def _spans(node: Any, dumped: Any) -> int:
    """Checks that every Span under ``node`` dumped as the dict of its fields; counts them."""
    if isinstance(node, Span):
        assert dumped == dataclasses.asdict(node)
        return 1
    if isinstance(node, list):
        return sum(_spans(n, d) for n, d in zip(node, dumped, strict=True))
    fields = getattr(type(node), "model_fields", None)
    if fields is None:
        return 0
    return sum(_spans(getattr(node, name), dumped[name]) for name in fields)


@given(st.integers(0, 10_000))
def test_every_span_dumps_as_its_fields(seed: int) -> None:
    text = clean(generate(random.Random(seed)), seed)
    speech = parse_speech(text)
    assert _spans(speech, speech.model_dump()) > len(speech.body)
