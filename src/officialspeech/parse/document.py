"""The per-document state every stage reads: computed once, handed along.

After the page markers and chrome are found in the source, they are cut out into the
*view* (the text the structure stages read), and the view is lexed once for heading and
point markers.  A :class:`Document` holds all of it, with the line index of the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .chrome import ChromeHit
from .markers import Token, Tokens, inline_lists, lex
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
    """Lines (1-based) a file format styled as headings."""
    view: View = field(init=False)
    """``text`` with page markers and chrome cut out, and the map back."""
    cut_reason: dict[Range, str] = field(init=False)
    """Why each cut was made (page_marker, chrome): the ``reason`` of a gap."""
    lines: LineIndex = field(init=False)
    """Lines of the view (its line ends are looked up here, never scanned for)."""
    tokens: Tokens = field(init=False)
    """The heading and point markers of the view (the one lexing pass)."""
    _body: tuple[int, list[Token], frozenset[int]] | None = field(init=False, default=None)

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
        self.view = View(self.text, cuts)
        self.lines = self.index if not self.view.cuts else LineIndex(self.view.text)
        self.tokens = lex(self.view.text)

    def body_tokens(self, start: int) -> list[Token]:
        """The tokens from the body start (view offset) on."""
        return self._body_at(start)[1]

    def list_items(self, start: int) -> frozenset[int]:
        """Starts of the body tokens that are items of a list on one line (see
        :func:`markers.inline_lists`): points, never headings."""
        return self._body_at(start)[2]

    def _body_at(self, start: int) -> tuple[int, list[Token], frozenset[int]]:
        if self._body is None or self._body[0] != start:
            tokens = self.tokens.starting_at(start)
            self._body = (start, tokens, inline_lists(tokens, self.lines.line_end))
        return self._body
