"""The rule registry: every rule's code, name, severity and documentation, and its check.

A rule family is one module in ``officialspeech/check/rules/`` listed in ``FAMILIES``; each
rule is a function decorated with :func:`rule`.  Adding a family = one module + one line.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .diagnostic import Severity

if TYPE_CHECKING:
    from .context import Context, Finding

FAMILIES = ["numbering", "enumeration", "placeholder", "pages", "shape", "confidence", "spinning"]

CheckFn = Callable[["Context"], Iterator["Finding"]]


@dataclass(frozen=True)
class Rule:
    """A registered rule."""

    code: str
    name: str
    family: str
    severity: Severity
    summary: str
    explanation: str
    bad: str
    good: str
    fixable: bool
    check: CheckFn


_RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity, summary: str, bad: str, good: str,
         fixable: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register the decorated function as rule ``code``; its docstring is the explanation."""

    def register(fn: CheckFn) -> CheckFn:
        if code in _RULES:
            raise ValueError(f"duplicate rule code {code}")
        family = fn.__module__.rsplit(".", 1)[-1]
        doc = " ".join((fn.__doc__ or summary).split())
        _RULES[code] = Rule(code, name, family, severity, summary, doc, bad, good, fixable, fn)
        return fn

    return register


@cache
def rules() -> dict[str, Rule]:
    """All rules by code (the family modules are imported once)."""
    for family in FAMILIES:
        importlib.import_module(f"officialspeech.check.rules.{family}")
    return dict(sorted(_RULES.items()))
