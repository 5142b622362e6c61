"""``check``: validate the structure of a speech with coded diagnostics."""

from __future__ import annotations

from .diagnostic import CHECK_SCHEMA_VERSION, Diagnostic, Fix, Position, Severity
from .registry import Rule, rules
from .runner import at_or_above, check_speech, check_text, rebuild_text

__all__ = ["CHECK_SCHEMA_VERSION", "Diagnostic", "Fix", "Position", "Rule", "Severity", "at_or_above",
           "check_speech", "check_text", "rebuild_text", "rules"]
