"""Synonym-spinning corruption (伪原创): 效劳 for 服务, 根底 for 基础…"""

from __future__ import annotations

from collections.abc import Iterator

from ...spinning import find_spinning
from ..context import Context, Finding
from ..diagnostic import Fix
from ..registry import rule

SPUN_DOCUMENT = 3  # distinct certain spun words that show the whole text was spun


def _hits(ctx: Context, confidence: str) -> Iterator[Finding]:
    for h in find_spinning(ctx.text):
        if h.confidence == confidence:
            fix = Fix(start=h.start, end=h.end, replacement=h.correction, safe=False,
                      description=f"replace {h.wrong} by {h.correction}")
            yield Finding(h.start, h.end, f"{h.wrong} is spun for {h.correction} ({h.confidence}, {h.rule})", fix)


@rule("T701", "spun-word", "warning", "A word replaced by a thesaurus synonym (效劳大局 for 服务大局).",
      bad="坚持效劳大局，夯实基层根底。", good="坚持服务大局，夯实基层基础。")
def spun_word(ctx: Context) -> Iterator[Finding]:
    """Copies from document-sharing sites are often passed through a synonym spinner that
    turns 服务 into 效劳, 基础 into 根底, 细则 into 细那么. The lexicon (data/spinning.json)
    is certain where the spun word stands in the correct word's collocations (效劳大局,
    基层根底). `officialspeech repair` applies these corrections."""
    yield from _hits(ctx, "certain")


@rule("T702", "suspect-spun-word", "info", "A word that may have been spun (局部 for 部分, 效劳 alone).",
      bad="要不断提高效劳的水平。", good="要不断提高服务的水平。")
def suspect_spun_word(ctx: Context) -> Iterator[Finding]:
    """Spun forms that are also common correct words, outside the contexts that make them
    certain: read them; `officialspeech repair --suspect` corrects them too."""
    yield from _hits(ctx, "suspect")


@rule("T703", "spun-document", "warning", "The text as a whole looks spun (several distinct spun words).",
      bad="效劳大局……基层根底……细那么……", good="服务大局……基层基础……细则……")
def spun_document(ctx: Context) -> Iterator[Finding]:
    """Three or more distinct certain spun words mean the whole text went through a spinner:
    repair it before use, or find the original."""
    certain = [h for h in find_spinning(ctx.text, include_suspect=False) if h.confidence == "certain"]
    words = sorted({h.wrong for h in certain})
    if len(words) >= SPUN_DOCUMENT:
        first = certain[0]
        yield Finding(first.start, first.end,
                      f"{len(words)} distinct spun words ({'、'.join(words[:6])}): the text looks spun as a whole")
