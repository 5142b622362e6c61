"""Apply safe fixes: each replaces an exact range; everything else stays byte for byte."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .diagnostic import Diagnostic, Fix

MAX_FIX_PASSES = 10


def apply_fixes(text: str, diagnostics: Sequence[Diagnostic]) -> tuple[str, list[Fix]]:
    """The text with every safe, non-overlapping fix applied, and the fixes applied."""
    fixes = sorted((d.fix for d in diagnostics if d.fix is not None and d.fix.safe), key=lambda f: (f.start, f.end))
    out: list[str] = []
    applied: list[Fix] = []
    pos = 0
    for f in fixes:
        if f.start < pos or f.end < f.start or f.end > len(text):
            continue  # overlaps a fix already taken (the next pass picks it up), or out of range
        out.append(text[pos:f.start])
        out.append(f.replacement)
        pos = f.end
        applied.append(f)
    out.append(text[pos:])
    return "".join(out), applied


@dataclass
class FixResult:
    """What :func:`fix_until_stable` did: the fixed text, every fix applied (over all
    passes), the diagnostics of the fixed text, and whether no safe fix is left."""

    text: str
    diagnostics: list[Diagnostic]
    applied: list[Fix] = field(default_factory=list)
    passes: int = 0
    converged: bool = True


def fix_until_stable(text: str, check: Callable[[str], list[Diagnostic]],
                     max_passes: int = MAX_FIX_PASSES) -> FixResult:
    """Check ``text``, apply its safe fixes and check again, until no safe fix is left
    (a fix can uncover another, or overlap one) or ``max_passes`` passes have run."""
    found = check(text)
    result = FixResult(text, found)
    while result.passes < max_passes:
        fixed, applied = apply_fixes(result.text, result.diagnostics)
        if not applied or fixed == result.text:
            return result
        result.text = fixed
        result.applied.extend(applied)
        result.passes += 1
        result.diagnostics = check(fixed)
    result.converged = not any(d.fix is not None and d.fix.safe for d in result.diagnostics)
    return result
