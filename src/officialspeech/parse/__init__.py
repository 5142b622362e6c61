"""``parse_speech``: from the exact input string to a :class:`~officialspeech.model.Speech`.

The stages, in the order they run (each a module of this package):

1. :mod:`.pages` and :mod:`.chrome` find page markers and site chrome in the source, and
   (Markdown input only) :mod:`.markup` the Markdown markup;
2. :mod:`.document` cuts them out into the *view* and :mod:`.markers` lexes the view once;
3. :mod:`.front` reads the front matter (title, subtitle, speaker, date, salutation) and
   finds where the body starts;
4. :mod:`.headings` finds the numbered headings and where their titles end;
5. :mod:`.paragraphs` splits the text between them into paragraphs and finds the closing;
6. :mod:`.points` finds the enumerated points inside paragraphs and their leads;
7. :mod:`.build` nests it all into the tree, with spans into the caller's string.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from ..paths import add_paths
from ..vocab import Vocabulary, using
from ..vocab_extension import VocabularySource, load_vocabulary
from .build import build_tree
from .chars import has_surrogate
from .chrome import Lines, find_chrome, off_page_markers
from .document import Document
from .front import read_front_matter
from .headings import find_headings
from .markup import find_markup
from .pages import find_page_markers
from .paragraphs import find_paragraphs
from .points import find_points
from .positions import LineIndex

if TYPE_CHECKING:
    from ..model import Speech

__all__ = ["Vocabulary", "load_vocabulary", "parse_json", "parse_speech", "parse_tree"]

_json_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _json_encoder() -> Callable[[object], str]:
    """The JSON encoder of ``parse_json``: orjson when installed (the ``fast`` extra, 2.4x
    faster; the same string, tests/test_parse_json.py compares them), else the standard one."""
    try:
        import orjson
    except ImportError:
        return _json_encode
    dumps = orjson.dumps
    return lambda tree: dumps(tree).decode("utf-8")


_encode = _json_encoder()


def parse_speech(text: str, *, heading_lines: Iterable[int] = (), markdown: bool = False,
                 vocabulary: VocabularySource | None = None) -> Speech:
    """Parse a speech into a frozen :class:`Speech` tree.

    Every node's ``span`` indexes ``text`` exactly as given; the input is never
    altered.  Works on any string (an empty one gives an empty Speech).
    ``heading_lines`` (1-based) are lines a file format marked as headings (a Word heading
    style or outline level): a numbered heading there is taken even out of sequence.
    ``vocabulary`` extends the built-in vocabulary for this parse: a JSON/TOML file, a dict
    or a :class:`Vocabulary` from :func:`load_vocabulary` (load it once to parse many
    texts: a file or dict is read and compiled on every call); None: the active one.
    ``markdown``: the text is a Markdown draft; its markup (``## ``, bullets, emphasis,
    comments…) is cut out like chrome (gaps with reason ``markup``, see :mod:`.markup`).
    """
    if vocabulary is not None:
        with using(load_vocabulary(vocabulary)):
            return parse_speech(text, heading_lines=heading_lines, markdown=markdown)
    Speech, keep_source_text = _models()
    was = _gc_off()
    try:
        # (our own tree: its keys need no check against extra ones, which costs 4% of a parse)
        tree = parse_tree(text, heading_lines=heading_lines, markdown=markdown)
        if len(text) > LARGE_TEXT:
            _validate_long_lists(tree["body"])
        speech = Speech.model_validate(tree, extra="ignore")
        del tree  # freed now, before the collector is back on (it would traverse it once)
    finally:
        _gc_back(was, promote=True)
    keep_source_text(speech, text)  # kept beside the Speech for Speech.chunks(), not in it
    return speech


@cache
def _models() -> tuple[type[Speech], Callable[[Speech, str], None]]:
    """The model and its source-text keeper, imported on first use (parse_json and outline
    need no models; an import statement per call costs 1% of a short parse)."""
    from ..model import Speech, keep_source_text

    return Speech, keep_source_text


def parse_json(text: str, *, heading_lines: Iterable[int] = (), markdown: bool = False,
               vocabulary: VocabularySource | None = None) -> str:
    """``parse_speech(text).model_dump_json()``, the same string, faster: the tree is
    serialised as built (it holds every field of the model, in order), without building the
    models. Like ``model_dump_json``, raises ``ValueError`` for text with an unpaired
    surrogate (it cannot be written as UTF-8). ``vocabulary``: as for :func:`parse_speech`."""
    if vocabulary is not None:
        with using(load_vocabulary(vocabulary)):
            return parse_json(text, heading_lines=heading_lines, markdown=markdown)
    was = _gc_off()
    try:
        tree = parse_tree(text, heading_lines=heading_lines, markdown=markdown)
        if has_surrogate(text):
            raise ValueError("Error serializing to JSON: the text holds an unpaired surrogate (not UTF-8)")
        out = _encode(tree)
        del tree  # freed before the collector is back on: nothing of the parse is left to traverse
    finally:
        _gc_back(was)
    return out


def parse_tree(text: str, *, heading_lines: Iterable[int] = (), markdown: bool = False) -> dict[str, Any]:
    """The plain dict tree that :func:`parse_speech` validates into a ``Speech``."""
    if not isinstance(text, str):
        raise TypeError(f"parse_speech() expects str, not {type(text).__name__}")
    doc = read_document(text, heading_lines=heading_lines, markdown=markdown)
    front = read_front_matter(doc)
    heads = find_headings(doc, front.body_start)
    paras, closing = find_paragraphs(doc, front.body_start, heads)
    pieces = find_points(doc, front.body_start, heads, paras)
    return add_paths(build_tree(doc, front, heads, pieces, closing))


def read_document(text: str, *, heading_lines: Iterable[int] = (), markdown: bool = False) -> Document:
    """Stages 1-2: page markers, chrome (and Markdown markup) found and cut out, the view
    lexed once; what every later stage reads (benchmarks/title_end_train.py reads it too)."""
    index = LineIndex(text)
    pages = find_page_markers(text, index)
    chrome = find_chrome(Lines(text, index.starts))
    if pages and chrome:
        chrome = off_page_markers(chrome, pages)
    markup = find_markup(text, index) if markdown else None
    return Document(text, index, pages, chrome, frozenset(heading_lines), markup)


LARGE_TEXT = 200_000  # characters: past this, long lists of the tree are validated in slices
LONG_LIST = 1024  # nodes: a list this long is validated SLICE nodes at a time
SLICE = 256


def _validate_long_lists(blocks: list[Any]) -> None:
    """Validate, in place, every list of body blocks longer than LONG_LIST (the body, a
    section's children), SLICE blocks at a time, each slice's dicts freed as its models are
    made: the model validation of a tree of millions of nodes is bound by memory, and holding
    the dicts and the models of the whole tree at once made it grow faster than the text
    (many points: 12.1x the time for 10x the text, 10.5x in slices). The Speech validated
    afterwards takes the models as they are; it is the one a whole validation makes."""
    for b in blocks:
        if b.get("kind") == "section" and len(b["children"]) > SLICE:
            _validate_long_lists(b["children"])
    if len(blocks) <= LONG_LIST:
        return
    from ..model import block_list

    validate = block_list().validate_python
    out: list[Any] = []
    for i in range(0, len(blocks), SLICE):
        part = blocks[i:i + SLICE]
        blocks[i:i + SLICE] = [None] * len(part)
        out.extend(validate(part, extra="ignore"))
    blocks[:] = out


def _gc_off() -> bool:
    """Switch the cyclic garbage collector off for a parse (with :func:`_gc_back` in a
    ``finally``: a plain call pair, cheaper than a context manager on a short text); whether
    it was on. The tree is built of fresh dicts and lists with no reference cycles: the cyclic
    garbage collector, triggered over and over by the allocations, only costs time (half of
    it on a long text). It is switched back on afterwards if it was on (never left off, also
    when the parse raises); if it was off, nothing else is touched.

    ``promote`` (of :func:`_gc_back`): the result outlives the parse (a ``Speech``: a model object per node). Every
    object made while the collector was off is young, and the first allocation after it is
    back on would traverse them all (a fifth of ``parse_speech`` on a long text, more on a
    loaded machine) and again when they move up a generation. ``gc.freeze()`` +
    ``gc.unfreeze()`` moves the young objects to the oldest generation at once (and resets
    the young count), as if they had survived those collections: they are traversed only by
    full collections, which run as they would anyway. The caller's own young objects move up
    with them (a garbage cycle among them is then found by the next full collection rather
    than the next young one). Skipped when the caller has frozen objects (``gc.freeze()``
    before a fork): ``unfreeze`` would thaw those too."""
    was = gc.isenabled()
    gc.disable()
    return was


def _gc_back(was: bool, *, promote: bool = False) -> None:
    """Switch the collector back on if it ``was`` on (see :func:`_gc_off` for ``promote``)."""
    if was:
        if promote and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
