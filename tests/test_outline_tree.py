"""The outline renderers read the plain parse tree as they read the Speech: the ``outline``
command renders the tree without building the models, and must print what it did before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from officialspeech import parse_speech
from officialspeech.outline import outline_data, render_markdown, render_text
from officialspeech.parse import parse_tree

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "tests" / "fixtures" / "speeches").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))


def _shared_texts() -> list[Path]:
    return sorted((SHARED / "corpus" / "texts").glob("*.txt")) + sorted((SHARED / "wild" / "texts").glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_tree_and_speech_render_the_same_outline(path: Path) -> None:
    text = path.read_text("utf-8")
    speech, tree = parse_speech(text), parse_tree(text)
    assert render_text(tree) == render_text(speech)
    assert render_markdown(tree) == render_markdown(speech)
    assert outline_data(tree) == outline_data(speech)
    assert outline_data(tree)["outline"] or not speech.body  # the comparison covers headings


def test_tree_and_speech_render_the_same_outline_on_the_shared_texts() -> None:
    paths = _shared_texts()
    if not paths:
        pytest.skip("../shared absent")
    for path in paths:
        text = path.read_text("utf-8", errors="replace")
        for t in (text, " ".join(text.split())):  # as written, and run together on one line
            speech, tree = parse_speech(t), parse_tree(t)
            assert render_text(tree) == render_text(speech), path.name
            assert render_markdown(tree) == render_markdown(speech), path.name
            assert outline_data(tree) == outline_data(speech), path.name


def test_the_outline_command_prints_the_outline_of_the_speech(tmp_path: Path) -> None:
    text = (ROOT / "examples" / "training_talk.txt").read_text("utf-8")
    speech = parse_speech(text)
    for fmt, expected in (("text", render_text(speech)), ("markdown", render_markdown(speech)),
                          ("json", json.dumps(outline_data(speech), ensure_ascii=False, indent=2) + "\n")):
        out = subprocess.run([sys.executable, "-m", "officialspeech", "outline", str(ROOT / "examples" / "training_talk.txt"),
                              "--format", fmt], capture_output=True, text=True, encoding="utf-8", check=True).stdout
        assert out == expected, fmt


def test_treekeys_list_the_fields_of_metadata_with_their_defaults() -> None:
    from officialspeech.model import Metadata
    from officialspeech.treekeys import METADATA_FIELDS, METADATA_LISTS

    assert tuple(Metadata.model_fields) == METADATA_FIELDS
    defaults = Metadata().model_dump()
    assert defaults == {name: [] if name in METADATA_LISTS else None for name in METADATA_FIELDS}


def test_a_one_shot_outline_builds_no_models_and_loads_no_cn2an() -> None:
    # nor Lark, nor the standard modules that cost start-up and that it does not need
    unused = ("pydantic", "officialspeech.model", "cn2an", "lark", "statistics", "hashlib", "importlib.resources",
              "tempfile")
    code = ("import sys; from officialspeech.cli import main; "
            f"main(['outline', {str(ROOT / 'examples' / 'clean_lines.txt')!r}]); "
            f"print(sorted(m for m in {unused!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8",
                         check=True).stdout
    assert out.splitlines()[-1] == "[]"
