"""Shape of the speech: headings that are paragraphs, empty sections, missing salutation,
half-width punctuation between Chinese characters."""

from __future__ import annotations

from collections.abc import Iterator

from ...compiled import compile_regex
from ...vocab import vocabulary
from ..context import Context, Finding
from ..diagnostic import Fix
from ..registry import rule

MAX_HEADING = 50
_HALF = compile_regex(r"(?<=\p{Han})[,:;](?=\p{Han})")
_FULL = {",": "，", ":": "：", ";": "；"}


@rule("S501", "heading-too-long", "warning", "A heading reads like a paragraph (over 50 characters).",
      bad="一、我们要坚持以人民为中心的发展思想，把群众满意作为检验工作的根本标准，切实办好民生实事",
      good="一、坚持以人民为中心，切实办好民生实事")
def heading_too_long(ctx: Context) -> Iterator[Finding]:
    """A heading states a point in a phrase. Over 50 characters it is usually a paragraph that
    was numbered, or a heading whose end was lost in run-on text. Long report headings of two balanced clauses stay under the limit."""
    for s in ctx.sections():
        if len(s.title) > MAX_HEADING:
            yield Finding(s.title_span.start, s.title_span.end,
                          f"heading of {len(s.title)} characters (more than {MAX_HEADING})")


@rule("S502", "empty-section", "warning", "A heading with nothing under it.",
      bad="一、加强领导\n二、压实责任\n要层层落实。", good="一、加强领导\n各级要高度重视。\n二、压实责任\n要层层落实。")
def empty_section(ctx: Context) -> Iterator[Finding]:
    """Each heading should have text or sub-headings under it; an empty one is a leftover of an
    outline or a heading whose body was lost."""
    for s in ctx.sections():
        if not s.children:
            yield Finding(s.heading_span.start, s.heading_span.end, f"{s.marker}{s.title[:20]} has no content")


@rule("S503", "missing-salutation", "warning", "A speech with no salutation (同志们：).",
      bad="在全市工作会议上的讲话\n今天召开会议。", good="在全市工作会议上的讲话\n同志们：\n今天召开会议。")
def missing_salutation(ctx: Context) -> Iterator[Finding]:
    """A speech (its title says 讲话, 致辞, 发言…) addresses its audience before it begins."""
    title = ctx.speech.title
    if ctx.speech.salutation is not None or title is None:
        return
    if vocabulary().speech_kind.search(title.text):
        yield Finding(title.span.start, title.span.end, "the speech has no salutation such as 同志们：")


@rule("S504", "halfwidth-punctuation", "warning", "Half-width , : ; between Chinese characters.",
      bad="今天,我们召开会议:研究工作;部署任务。", good="今天，我们召开会议：研究工作；部署任务。", fixable=True)
def halfwidth_punctuation(ctx: Context) -> Iterator[Finding]:
    """Chinese text takes full-width punctuation (GB/T 15834). Half-width , : ; between Han
    characters come from English input methods or copying; the fix replaces them."""
    chrome = [(c.span.start, c.span.end) for c in ctx.speech.chrome]
    for m in _HALF.finditer(ctx.text):
        s = m.start()
        if any(a <= s < b for a, b in chrome):
            continue
        ch = m.group()
        fix = Fix(start=s, end=s + 1, replacement=_FULL[ch], description=f"replace {ch!r} by {_FULL[ch]!r}")
        yield Finding(s, s + 1, f"half-width {ch!r} between Chinese characters", fix)
