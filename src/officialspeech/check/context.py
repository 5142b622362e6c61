"""What a rule sees: the speech, its text, and helpers to report findings at exact places."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Block, Point, Section, Speech
from ..parse.markers import FORMS
from ..parse.positions import LineIndex
from .diagnostic import Fix

# The numbered series the rules check, by marker form, read off the table of forms: the four
# levels (a numeral and a space continues the 一、 series; （1）, style other, is its own);
# forms without a level of their own (footnotes, stems, parts, attachments) are not checked.
SERIES = {name: name if f.style == "other" else f.style for name, f in FORMS.items() if f.level is not None}


def series(s: Section) -> str | None:
    """The numbered heading series ``s`` belongs to (一、 （一） 1. （1）), None for other forms."""
    return SERIES.get(s.form)


@dataclass(frozen=True)
class Finding:
    """A rule's finding, by character offsets; the runner turns it into a Diagnostic."""

    start: int
    end: int
    message: str
    fix: Fix | None = None


@dataclass
class Context:
    """The speech being checked and the exact text it was parsed from."""

    speech: Speech
    text: str
    index: LineIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = LineIndex(self.text)

    def sections(self) -> list[Section]:
        """All sections, depth first."""
        return self.speech.sections()

    def sibling_groups(self) -> list[list[Section]]:
        """Sections grouped by parent (the top level is one group)."""
        groups: list[list[Section]] = []

        def walk(blocks: list[Block]) -> None:
            group = [b for b in blocks if isinstance(b, Section)]
            if group:
                groups.append(group)
            for b in group:
                walk(b.children)

        walk(self.speech.body)
        return groups

    def parents(self) -> dict[int, Section | None]:
        """The parent section of each section, keyed by ``id(section)``."""
        out: dict[int, Section | None] = {}

        def walk(blocks: list[Block], parent: Section | None) -> None:
            for b in blocks:
                if isinstance(b, Section):
                    out[id(b)] = parent
                    walk(b.children, b)

        walk(self.speech.body, None)
        return out

    def points_by_section(self) -> list[tuple[Section | None, list[Point]]]:
        """The points directly inside each section (and at the top level)."""
        out: list[tuple[Section | None, list[Point]]] = []

        def walk(blocks: list[Block], owner: Section | None) -> None:
            pts = [b for b in blocks if isinstance(b, Point)]
            if pts:
                out.append((owner, pts))
            for b in blocks:
                if isinstance(b, Section):
                    walk(b.children, b)

        walk(self.speech.body, None)
        return out

    def body_text_blocks(self) -> list[tuple[Section | None, int, int]]:
        """(owner section, start, end) of every paragraph and point, in order."""
        out: list[tuple[Section | None, int, int]] = []

        def walk(blocks: list[Block], owner: Section | None) -> None:
            for b in blocks:
                if isinstance(b, Section):
                    walk(b.children, b)
                else:
                    out.append((owner, b.span.start, b.span.end))

        walk(self.speech.body, None)
        return out
