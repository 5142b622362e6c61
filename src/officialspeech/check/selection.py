"""select / ignore semantics, as in ruff: by exact code, code prefix (N, N1) or rule name."""

from __future__ import annotations

from collections.abc import Iterable

from .registry import Rule


def matches(rule: Rule, selector: str) -> bool:
    """Whether ``selector`` (a code, a code prefix, a family or a rule name) names ``rule``."""
    sel = selector.strip()
    if not sel:
        return False
    if sel.upper() == "ALL":
        return True
    return rule.code.startswith(sel.upper()) or sel in (rule.name, rule.family)


def unknown(selectors: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """The selectors that name no rule."""
    rs = list(rules)
    return [s for s in selectors if s.strip() and not any(matches(r, s) for r in rs)]


def enabled(rule: Rule, select: list[str] | None, ignore: list[str]) -> bool:
    """``select`` (None: all rules) minus ``ignore``; the more specific selector wins."""
    def best(selectors: list[str]) -> int:
        hits = [len(s) for s in selectors if matches(rule, s)]
        return max(hits) if hits else -1

    chosen = best(select) if select is not None else 0
    if chosen < 0:
        return False
    return best(ignore) < chosen or best(ignore) < 0
