"""The per-document state every stage reads: computed once, handed along.

After the page markers and chrome are found in the source, they are cut out into the
*view* (the text the structure stages read), and the view is lexed once for heading and
point markers.  A :class:`Document` holds all of it, with the line index of the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .chrome import ChromeHit
from .markers import Token, Tokens, inline_lists, lex
from .markup import Cut, Markup, unnumbered_ranks
from .pages import PageHit
from .positions import LineIndex, View

Range = tuple[int, int]


@dataclass
class Document:
    """One document on its way through the stages."""

    text: str
    """The exact string the caller passed."""
    index: LineIndex
    """Lines and columns of ``text``."""
    pages: list[PageHit]
    """Page markers found in ``text``."""
    chrome: list[ChromeHit]
    """Site chrome found in ``text``."""
    heading_lines: frozenset[int]
    """Lines (1-based) a file format styled as headings (Markdown input: its heading lines too)."""
    markup: Markup | None = None
    """The Markdown markup found in ``text`` (Markdown input only): cut out like chrome."""
    view: View = field(init=False)
    """``text`` with page markers and chrome cut out, and the map back."""
    cut_reason: dict[Range, str] = field(init=False)
    """Why each cut was made (page_marker, chrome, markup): the ``reason`` of a gap."""
    lines: LineIndex = field(init=False)
    """Lines of the view (its line ends are looked up here, never scanned for)."""
    tokens: Tokens = field(init=False)
    """The heading and point markers of the view (the one lexing pass)."""
    markup_cuts: list[Cut] = field(init=False, default_factory=list)
    """The markup cut out (start, end, rule), in order: what no page marker or chrome holds."""
    markdown_items: frozenset[int] = field(init=False, default=frozenset())
    """View starts of the markers of Markdown ordered list items inside a paragraph: points."""
    unnumbered: dict[int, int] = field(init=False, default_factory=dict)
    """Markdown heading lines that open with no heading marker (view start -> nesting rank)."""
    _body: tuple[int, list[Token], frozenset[int], bool] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        cuts: list[Range] = []
        self.cut_reason = {}
        for p in self.pages:
            cuts.append((p.cut_start, p.cut_end))
            self.cut_reason[(p.cut_start, p.cut_end)] = "page_marker"
        for h in self.chrome:
            c = (h.start, h.end)
            cuts.append(c)
            self.cut_reason[c] = "chrome"
        if self.markup is not None:
            self._cut_markup(cuts)
        self.view = View(self.text, cuts)
        self.lines = self.index if not self.view.cuts else LineIndex(self.view.text)
        self.tokens = lex(self.view.text)
        if self.markup is not None and self.markup.items:
            self.markdown_items = frozenset(self.view.view_offset(s) for s in self.markup.items)
        if self.markup is not None and self.markup.headings:
            taken = [c for c, why in self.cut_reason.items() if why != "markup"]
            heads = [(self.view.view_offset(h.start), h.level) for h in self.markup.headings
                     if not any(a <= h.start < b for a, b in taken)]
            self.unnumbered = unnumbered_ranks(heads, self.tokens.all)

    def _cut_markup(self, cuts: list[Range]) -> None:
        """Add the markup cuts that overlap no page marker or chrome, and their heading lines
        to the heading lines (a Markdown heading is a heading style)."""
        assert self.markup is not None
        taken = list(cuts)  # page markers and chrome: markup inside them is theirs
        for s, e, rule in self.markup.cuts:
            if e > s and not any(a < e and s < b for a, b in taken):
                cuts.append((s, e))
                self.cut_reason[(s, e)] = "markup"
                self.markup_cuts.append((s, e, rule))
        self.heading_lines = self.heading_lines | {self.index.position(h.start)[0] for h in self.markup.headings}

    def body_tokens(self, start: int) -> list[Token]:
        """The tokens from the body start (view offset) on."""
        return self._body_at(start)[1]

    def list_items(self, start: int) -> frozenset[int]:
        """Starts of the body tokens that are items of a list on one line (see
        :func:`markers.inline_lists`): points, never headings."""
        return self._body_at(start)[2]

    def body_run_on(self, start: int) -> bool:
        """Whether the body from ``start`` lost its line breaks (:func:`is_run_on`)."""
        return self._body_at(start)[3]

    def _body_at(self, start: int) -> tuple[int, list[Token], frozenset[int], bool]:
        if self._body is None or self._body[0] != start:
            tokens = self.tokens.starting_at(start)
            v = self.view.text
            run_on = is_run_on(v, start, len(v))
            self._body = (start, tokens, inline_lists(tokens, self.lines.line_end, v, run_on), run_on)
        return self._body


RUN_ON_CHARS = 500
RUN_ON_MIN = 40


def is_run_on(v: str, start: int, end: int) -> bool:
    """The body ``v[start:end]`` lost its line breaks: fewer than one line per RUN_ON_CHARS characters."""
    while end > start and v[end - 1].isspace():
        end -= 1
    if end - start < RUN_ON_MIN:
        return False
    breaks = v.count("\n", start, end)
    if v.find("\r", start, end) != -1:
        breaks += v.count("\r", start, end) - v.count("\r\n", start, end)
    return breaks * RUN_ON_CHARS <= (end - start)
