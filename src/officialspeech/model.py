"""The typed, span-exact model of a parsed speech.

Every node carries a :class:`Span` whose ``start``/``end`` are character
offsets into the exact string passed to :func:`officialspeech.parse_speech`,
so ``text[span.start:span.end]`` is that node's source.  ``Speech`` is frozen;
``Speech.model_dump(mode="json")`` is the JSON the command line prints.
"""

from __future__ import annotations

import weakref
from functools import cache
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic.dataclasses import dataclass as pydantic_dataclass

if TYPE_CHECKING:
    from .chunks import Chunk, ChunkBy

from .treekeys import SCHEMA_VERSION  # (kept apart for the parser: see treekeys)

LevelStyle = Literal["cn_dun", "cn_paren", "arabic_dot", "other"]
MarkerForm = Literal["cn_dun", "cn_space", "cn_paren", "arabic_dot", "arabic_space", "arabic_paren", "stem_dun",
                     "stem_paren", "footnote", "attachment", "part", "container", "markdown"]
Confidence = Literal["certain", "guessed"]


PATH_DOC = ("Stable address of the node: the markers of its ancestors and itself without trailing punctuation, "
            "joined by '/' (一/（二）/3); points p1, p2 …, paragraphs b1, b2 … among their siblings; '~2' marks "
            "a marker repeated among siblings; front and back matter: title, subtitle, speaker, occasion, date, "
            "salutation, front/b1 …, closing (see officialspeech.paths).")
FRONT_CONFIDENCE_DOC = ("'certain' when the text stands on a line of its own (or is split off its line by a dash or "
                        "a pattern: ——…会议上 省长 李明); 'guessed' when it was read out of front matter run together "
                        "(a scraped page that lost its line breaks), where its ends are inferred.")
PAGE_DOC = ("The printed page the node starts on, from the page markers (a footer such as 第5页 共9页 ends page 5, "
            "a header starts its page); null when the text has no page marker.")


class _Frozen(BaseModel):
    # defer_build: schemas are built on first use, which keeps `import officialspeech` light
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


@pydantic_dataclass(frozen=True, slots=True, config=ConfigDict(extra="forbid", defer_build=True))
class Span:
    """A half-open range ``[start, end)`` of characters in the parsed text."""

    start: int = Field(description="Offset of the first character (0-based, in code points).")
    end: int = Field(description="Offset one past the last character.")
    line: int = Field(description="1-based line of ``start``.")
    column: int = Field(description="1-based column of ``start``, in characters.")
    end_line: int = Field(description="1-based line of the last character (of ``start`` when empty).")
    end_column: int = Field(description="1-based column one past the last character on ``end_line``.")


class Gap(_Frozen):
    """A stretch removed from a node's text (a page marker or chrome it interrupted, or the
    Markdown markup of a Markdown draft: ``**``, ``## ``, a bullet, a comment)."""

    reason: Literal["page_marker", "chrome", "markup"]
    span: Span


class TextNode(_Frozen):
    """A piece of front or back matter: a title, subtitle, speaker or closing."""

    kind: Literal["title", "subtitle", "speaker", "closing", "occasion"] = Field(
        description="What the text is."
    )
    text: str = Field(description="The text as written (line breaks inside it kept), minus ``gaps``.")
    span: Span = Field(description="Where the text stands in the input.")
    gaps: list[Gap] = Field(default_factory=list, description="Interrupting page markers or chrome removed from ``text``.")
    confidence: Confidence = Field(default="certain", description=FRONT_CONFIDENCE_DOC)
    path: str = Field(default="", description=PATH_DOC)
    page: int | None = Field(default=None, description=PAGE_DOC)


class DateNode(_Frozen):
    """The date of the speech as written, with its ISO form when it is complete."""

    kind: Literal["date"] = "date"
    text: str = Field(description="The date as written, e.g. （2023年4月24日） or 二〇二三年四月二十四日.")
    iso: str | None = Field(description="YYYY-MM-DD, or null when the date is partial or a placeholder.")
    span: Span
    gaps: list[Gap] = Field(default_factory=list)
    confidence: Confidence = Field(default="certain", description=FRONT_CONFIDENCE_DOC)
    path: str = Field(default="", description=PATH_DOC)
    page: int | None = Field(default=None, description=PAGE_DOC)


class Salutation(_Frozen):
    """The opening address, e.g. 同志们： or 尊敬的…，各位来宾："""

    kind: Literal["salutation"] = "salutation"
    text: str = Field(description="As written, including the closing colon.")
    addressees: list[str] = Field(description="The addressed groups, split at 、，, (e.g. ['女士们', '先生们']).")
    span: Span
    gaps: list[Gap] = Field(default_factory=list)
    path: str = Field(default="", description=PATH_DOC)
    page: int | None = Field(default=None, description=PAGE_DOC)


class PageMarker(_Frozen):
    """A page marker such as 第5页 共5页 or — 3 —, removed from the text it interrupts."""

    kind: Literal["page_marker"] = "page_marker"
    text: str = Field(description="The marker as written.")
    page: int | None = Field(description="The page number, when written.")
    total: int | None = Field(description="The page count (共N页), when written.")
    inline: bool = Field(description="True when the marker interrupted a line of text rather than standing alone.")
    span: Span


class Chrome(_Frozen):
    """Text of the web page around the speech (navigation, download buttons, metadata)."""

    kind: Literal["chrome"] = "chrome"
    text: str = Field(description="The chrome text as written.")
    site: str = Field(description="The chrome family that recognised it (see data/chrome.json).")
    rule: str = Field(description="The name of the pattern that matched.")
    span: Span


class MarkupNode(_Frozen):
    """Markdown markup of a Markdown draft (``## ``, ``**``, a bullet, a comment), recognised
    and cut out of the text like chrome: recorded, never applied."""

    kind: Literal["markup"] = "markup"
    text: str = Field(description="The markup as written.")
    rule: str = Field(description="What it is (data/markdown.json): heading, heading_close, setext, thematic_break, "
                                  "quote, bullet, emphasis, comment, fence or front_matter.")
    span: Span


class Metadata(_Frozen):
    """Document metadata found in site chrome (all fields optional)."""

    title: str | None = Field(default=None, description="Document or file title given by the site.")
    file_name: str | None = Field(default=None, description="The file name shown by the site, e.g. 讲话.docx.")
    format: str | None = Field(default=None, description="File format in upper case, e.g. DOCX.")
    pages: int | None = Field(default=None, description="Page count given by the site.")
    size: str | None = Field(default=None, description="File size as written, e.g. 18.18KB.")
    date: str | None = Field(default=None, description="Publication or upload date, ISO YYYY-MM-DD.")
    id: str | None = Field(default=None, description="The site's document id.")
    source: str | None = Field(default=None, description="来源: the publishing body or newspaper.")
    keywords: list[str] = Field(default_factory=list, description="Keyword tags shown by the site.")


class Paragraph(_Frozen):
    """Body text that is neither a heading nor an enumerated point."""

    kind: Literal["paragraph"] = "paragraph"
    text: str = Field(description="The source text of the span, minus the stretches listed in ``gaps``.")
    span: Span
    gaps: list[Gap] = Field(default_factory=list, description="Interrupting page markers or chrome removed from ``text``.")
    path: str = Field(default="", description=PATH_DOC)
    page: int | None = Field(default=None, description=PAGE_DOC)


class Point(_Frozen):
    """An enumerated point inside a paragraph: 一是… / 第一，… / 首先…"""

    kind: Literal["point"] = "point"
    marker: str = Field(description="The marker as written, e.g. 一是, 第一, 首先, （1）.")
    number: int = Field(description="Ordinal of the point within its enumeration (1-based).")
    series: int = Field(description="Index of the enumeration this point belongs to, counted through the document (0-based).")
    lead: str = Field(description="The point's first sentence after the marker, without its closing punctuation: "
                                  "the slice of ``lead_span`` minus the point's ``gaps`` inside it.")
    lead_span: Span
    text: str = Field(description="The point from its marker to where the next point, paragraph or heading begins, minus ``gaps``.")
    span: Span
    gaps: list[Gap] = Field(default_factory=list)
    path: str = Field(default="", description=PATH_DOC)
    page: int | None = Field(default=None, description=PAGE_DOC)


class Section(_Frozen):
    """A numbered heading and everything under it."""

    kind: Literal["section"] = "section"
    marker: str = Field(description="The marker as written, e.g. 一、 （一） 1. （1）; '' for an unnumbered container such as 注释.")
    number: int | None = Field(description="The marker's number; null for unnumbered containers.")
    level: int = Field(
        description="1-4 from the marker style: 一、 > （一） > 1. > （1）; 'other' markers take the level below their parent."
    )
    style: LevelStyle = Field(description="The marker style, as outlines name it: cn_dun (一、, also a bare numeral "
                                          "and a space), cn_paren (（一）), arabic_dot (1., also an arabic numeral and a "
                                          "space), other (anything else: （1）, ［1］, 甲、, 附件1, 第一部分, 注释, a Markdown "
                                          "heading).")
    form: MarkerForm = Field(description="The marker's exact form: cn_dun 一、, cn_space 一 (a numeral and a space), "
                                         "cn_paren （一）, arabic_dot 1., arabic_space 1 (an arabic numeral and a space), "
                                         "arabic_paren （1）, stem_dun 甲、, stem_paren （甲）, footnote ［1］, attachment "
                                         "附件1, part 第一部分, container 注释, markdown (an unnumbered ## heading).")
    title: str = Field(description="The heading as written, without marker and closing punctuation: the slice of "
                                   "``title_span`` minus the ``gaps`` inside it.")
    title_span: Span
    heading_span: Span = Field(description="Marker, title and the closing punctuation of the heading.")
    gaps: list[Gap] = Field(default_factory=list, description="Page markers or chrome cut out of the heading "
                                                              "(``heading_span``), e.g. a page footer inside a title.")
    confidence: Confidence = Field(
        description="'guessed' when the end of the title had to be inferred (run-on text with no punctuation)."
    )
    span: Span = Field(description="The heading and all its children.")
    children: list[Block] = Field(default_factory=list)
    path: str = Field(default="", description=PATH_DOC)
    page: int | None = Field(default=None, description=PAGE_DOC)


Block = Annotated[Section | Point | Paragraph, Field(discriminator="kind")]


@cache
def block_list() -> TypeAdapter[list[Block]]:
    """The validator of a list of blocks (built on first use: only very long texts need it)."""
    return TypeAdapter(list[Block])


class Source(_Frozen):
    """Where the text came from when it was extracted from a .docx, PDF or HTML file."""

    format: Literal["text", "docx", "pdf", "html"] = Field(description="The reader that extracted the text.")
    path: str = Field(description="The file read.")
    text: str = Field(description="The extracted text: spans index this string.")


class Speech(_Frozen):
    """A parsed speech: front matter, body tree, closing and everything recorded around them."""

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this JSON shape.")
    length: int = Field(description="Length of the input in characters; every span lies within it.")
    title: TextNode | None = None
    subtitle: TextNode | None = None
    speaker: TextNode | None = None
    occasion: TextNode | None = Field(
        default=None, description="The meeting or event, as named in the subtitle or title (…会议, …大会).")
    date: DateNode | None = None
    salutation: Salutation | None = None
    front: list[Paragraph] = Field(
        default_factory=list, description="Lines before the body that are not title, subtitle, speaker or date."
    )
    body: list[Block] = Field(default_factory=list)
    closing: TextNode | None = None
    page_markers: list[PageMarker] = Field(default_factory=list)
    chrome: list[Chrome] = Field(default_factory=list)
    markup: list[MarkupNode] = Field(
        default_factory=list, description="The Markdown markup cut out of a Markdown draft (empty for other input).")
    metadata: Metadata = Field(default_factory=Metadata)
    source: Source | None = Field(
        default=None, description="Set by parse_file for .docx, PDF and HTML input: the extracted text spans refer to."
    )

    def source_text(self) -> str | None:
        """The exact text the spans index: the input of :func:`parse_speech` that made this
        Speech, else ``source.text``; None for a Speech read back from JSON (or copied or
        unpickled: the text is kept beside this object, not in it)."""
        kept = _SOURCE_TEXTS.get(id(self))
        text = kept[0] if kept is not None else None
        if text is None and self.source is not None:
            text = self.source.text
        return text

    def chunks(self, text: str | None = None, *, max_chars: int = 500, overlap: int = 0,
               by: ChunkBy = "point") -> list[Chunk]:
        """The body cut into chunks for search and RAG, each with its heading path, path, span
        and pages (see :mod:`officialspeech.chunks` for the rules).  ``text`` is the parsed
        input; it is needed only for a Speech read back from JSON."""
        from .chunks import chunk_speech

        return chunk_speech(self, text, max_chars=max_chars, overlap=overlap, by=by)

    def sections(self) -> list[Section]:
        """All sections in document order (depth first)."""
        out: list[Section] = []

        def walk(blocks: list[Block]) -> None:
            for block in blocks:
                if isinstance(block, Section):
                    out.append(block)
                    walk(block.children)

        walk(self.body)
        return out

    def points(self) -> list[Point]:
        """All enumerated points in document order."""
        out: list[Point] = []

        def walk(blocks: list[Block]) -> None:
            for block in blocks:
                if isinstance(block, Section):
                    walk(block.children)
                elif isinstance(block, Point):
                    out.append(block)

        walk(self.body)
        return out


_SOURCE_TEXTS: dict[int, tuple[str, weakref.ref[Speech]]] = {}
"""The input each Speech of ``parse_speech`` was parsed from (by its id), with a weak
reference to the Speech that drops the entry when the Speech is freed."""


def keep_source_text(speech: Speech, text: str) -> None:
    """Keep ``text``, the input ``speech`` was parsed from, beside it for
    :meth:`Speech.source_text` and :meth:`Speech.chunks` (not in it: no field, no change to
    equality or JSON) until ``speech`` is freed. A weak reference with a callback: a fifth of
    the cost of ``weakref.finalize``, and the entry goes when the Speech goes (before its id
    can be reused)."""
    key = id(speech)
    _SOURCE_TEXTS[key] = (text, weakref.ref(speech, lambda _: _SOURCE_TEXTS.pop(key, None)))
