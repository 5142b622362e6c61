"""Configuration from ``[tool.officialspeech]`` in pyproject.toml or from officialspeech.toml,
the nearest one to the checked file winning."""

from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..errors import OfficialSpeechError
from .diagnostic import SEVERITY_ORDER, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class ConfigError(OfficialSpeechError):
    """A configuration file that cannot be used."""


@dataclass
class Config:
    """Settings for one checked file."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_level: Severity = "warning"
    source: Path | None = None

    def ignores_for(self, path: Path) -> list[str]:
        """``ignore`` plus the per-file ignores whose glob matches ``path``."""
        out = list(self.ignore)
        base = self.source.parent if self.source else Path.cwd()
        try:
            rel = path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern):
                out.extend(codes)
        return out


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = dict(tomllib.loads(path.read_text("utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("officialspeech") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.officialspeech] must be a table")
        return table
    return data


def load_config(path: Path) -> Config:
    """The configuration in ``path`` (``--config FILE``): ``[tool.officialspeech]`` of a
    pyproject.toml, the top-level keys of any other TOML file."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: has no [tool.officialspeech] table")
    return parse_config(table, path)


def find_config(start: Path) -> Config:
    """The configuration nearest to ``start`` (a file or folder), or the defaults."""
    folder = start if start.is_dir() else start.parent
    for d in [folder.resolve(), *folder.resolve().parents]:
        for name in ("officialspeech.toml", "pyproject.toml"):
            candidate = d / name
            if candidate.is_file():
                table = _table(candidate)
                if table is not None:
                    return parse_config(table, candidate)
    return Config()


def parse_config(table: dict[str, Any], source: Path | None = None) -> Config:
    """A Config from a TOML table, refusing unknown keys and values."""
    where = f"{source}: " if source else ""
    known = {"select", "ignore", "per-file-ignores", "severity", "fail-level"}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"{where}unknown setting(s): {', '.join(sorted(unknown))}")

    def strings(key: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}{key} must be a list of strings")
        return list(value)

    from .registry import rules
    from .selection import unknown as unknown_selectors

    all_rules = list(rules().values())

    def selectors_of(key: str, selectors: list[str]) -> list[str]:
        bad = unknown_selectors(selectors, all_rules)
        if bad:
            raise ConfigError(f"{where}{key}: unknown rule selector(s): {', '.join(bad)}")
        return selectors

    cfg = Config(source=source)
    if "select" in table:
        cfg.select = selectors_of("select", strings("select"))
    cfg.ignore = selectors_of("ignore", strings("ignore"))
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{where}per-file-ignores must be a table of glob = [codes]")
    for pattern, codes in pfi.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{where}per-file-ignores.{pattern} must be a list of strings")
        cfg.per_file_ignores[pattern] = selectors_of(f"per-file-ignores.{pattern}", list(codes))
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f"{where}severity must be a table of code = level")
    names = {r.code for r in all_rules} | {r.name for r in all_rules}
    for code, level in sev.items():
        if code not in names:
            raise ConfigError(f"{where}severity.{code}: unknown rule code or name (a severity names one rule)")
        if not isinstance(level, str) or level not in SEVERITY_ORDER:
            raise ConfigError(f"{where}severity.{code} must be error, warning or info")
        cfg.severity[code] = cast(Severity, level)
    fail = table.get("fail-level", "warning")
    if not isinstance(fail, str) or fail not in SEVERITY_ORDER:
        raise ConfigError(f"{where}fail-level must be error, warning or info")
    cfg.fail_level = cast(Severity, fail)
    return cfg
