"""Apply safe fixes: each replaces an exact range; everything else stays byte for byte."""

from __future__ import annotations

from collections.abc import Sequence

from .diagnostic import Diagnostic, Fix


def apply_fixes(text: str, diagnostics: Sequence[Diagnostic]) -> tuple[str, list[Fix]]:
    """The text with every safe, non-overlapping fix applied, and the fixes applied."""
    fixes = sorted((d.fix for d in diagnostics if d.fix is not None and d.fix.safe), key=lambda f: (f.start, f.end))
    out: list[str] = []
    applied: list[Fix] = []
    pos = 0
    for f in fixes:
        if f.start < pos:
            continue  # overlaps a fix already taken; the next run picks it up
        out.append(text[pos:f.start])
        out.append(f.replacement)
        pos = f.end
        applied.append(f)
    out.append(text[pos:])
    return "".join(out), applied
