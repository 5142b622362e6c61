"""Vocabulary extensions: an extra data file merged into the built-in vocabulary.

An extension is a JSON (or TOML) object whose keys are those of ``data/vocab.json`` plus
``chrome`` (the shape of ``data/chrome.json``: ``words`` and ``families``) and
``title_suffixes`` (site suffixes cut off a title line: ``_百度文库``). Merging: a list is
extended (each word once, the built-in ones first), an object merged key by key, a scalar
(a pattern, a number) replaced. An unknown key, a wrong type or a pattern that does not
compile is a :class:`~officialspeech.errors.VocabularyError`, one line naming the key.
README "Extending the vocabulary" shows an example.
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union

import regex

from .compiled import compile_regex
from .errors import VocabularyError
from .vocab import CharClass, LazyPattern, Vocabulary, _compile, _load

__all__ = ["VocabularySource", "load_vocabulary"]

VocabularySource = Union[str, "os.PathLike[str]", Mapping[str, Any], Vocabulary]
"""What ``vocabulary=`` takes: a JSON/TOML file, a dict, or a loaded :class:`Vocabulary`."""

# maps whose keys are words: new keys are added (point_sequence_words: word -> its role)
_WORD_MAPS = {"point_sequence_words", "point_sequence_requires"}
_ROLES = ("first", "next", "last")
# keys whose words the marker grammar takes (its parser is built to check them)
_GRAMMAR_KEYS = {"salutation", "closing_words", "closing_formulas", "point_sequence_words"}
_PLACEHOLDER = compile_regex(r"\{([a-z_]+)\}")
_CHROME_KEYS = {"lines": {"name", "where", "pattern", "match", "not_before"},
                "blocks": {"name", "where", "start", "continue", "max_lines"},
                "inline": {"name", "pattern", "titled", "meta"}, "after_end": {"name", "pattern"}}
_CHROME_REQUIRED = {"lines": {"name", "where", "pattern"}, "blocks": {"name", "start", "continue"},
                    "inline": {"name", "pattern"}, "after_end": {"name", "pattern"}}
EXTENSION_SITE = "extension"  # the chrome family of the title suffixes


def load_vocabulary(source: VocabularySource) -> Vocabulary:
    """The built-in vocabulary extended with ``source``: a path to a JSON or TOML file, a
    dict of the same shape, or a :class:`Vocabulary` (returned as it is). Raises
    :class:`~officialspeech.errors.VocabularyError` (one line) when it cannot be used."""
    if isinstance(source, Vocabulary):
        return source
    if isinstance(source, Mapping):
        return _build(source, "<dict>")
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        return _build(_read(path), path)
    raise VocabularyError(f"a vocabulary is a file path, a dict or a Vocabulary, not {type(source).__name__}")


def _read(path: str) -> Mapping[str, Any]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise VocabularyError("no such vocabulary file", path) from None
    except IsADirectoryError:
        raise VocabularyError("is a folder, not a vocabulary file", path) from None
    except OSError as exc:
        raise VocabularyError(exc.strerror or str(exc), path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise VocabularyError("a vocabulary file is UTF-8 text", path) from None
    if p.suffix.lower() == ".toml":
        return _toml(text, path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise VocabularyError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path) from None
    if not isinstance(data, dict):
        raise VocabularyError(f"a vocabulary file holds a JSON object, not {_kind(data)}", path)
    return data


def _toml(text: str, path: str) -> Mapping[str, Any]:
    # (tomli on Python 3.10, a dependency there, as for the check configuration)
    tomllib: Any = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"not valid TOML: {exc}", path) from None
    return data


def _build(ext: Mapping[str, Any], source: str) -> Vocabulary:
    where = None if source == "<dict>" else source
    try:
        vocab = copy.deepcopy(_load("vocab.json"))
        chrome: dict[str, Any] | None = None
        for key, value in ext.items():
            if not isinstance(key, str):
                raise VocabularyError(f"{key!r}: keys are strings")
            if key == "_doc":
                continue
            if key == "chrome":
                chrome = _merge_chrome(chrome or copy.deepcopy(_load("chrome.json")), value)
            elif key == "title_suffixes":
                chrome = _add_suffixes(chrome or copy.deepcopy(_load("chrome.json")), value)
            elif key in _WORD_MAPS:
                vocab[key] = _merge_word_map(vocab.get(key, {}), value, key)
            elif key not in vocab or key.startswith("_"):
                raise VocabularyError(f"{key}: unknown key (see README, Extending the vocabulary)")
            else:
                vocab[key] = _merge(vocab[key], value, key)
        requires = set(vocab.get("point_sequence_requires", {})) - set(vocab["point_sequence_words"])
        if requires:
            raise VocabularyError(f"point_sequence_requires.{sorted(requires)[0]}: not a sequence word "
                                  "(add it to point_sequence_words)")
        voc = _compile(vocab, chrome, source)
        _force(voc)
        if _GRAMMAR_KEYS & set(ext):
            _check_grammar(voc)
        if chrome is not None:
            from .vocab import _chrome_rules

            rules = _chrome_rules(chrome, vocab)
            for pattern in (*(r.pattern for r in rules.lines), *(p for b in rules.blocks for p in (b.start, b.cont)),
                            *(r.pattern for r in (*rules.inline, *rules.after_end))):
                compile_regex(pattern.pattern)
    except VocabularyError as exc:
        raise VocabularyError(str(exc), where) from None
    except regex.error as exc:
        raise VocabularyError(f"a pattern does not compile: {exc}", where) from None
    return voc


def _merge_word_map(base: dict[str, Any], value: Any, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabularyError(f"{key}: expected an object (word: value), got {_kind(value)}")
    out = dict(base)
    for word, v in value.items():
        if not word.strip() or any(c in word for c in "\r\n"):
            raise VocabularyError(f"{key}: a word is not empty and holds no line break")
        if key == "point_sequence_words":
            if v not in _ROLES:
                raise VocabularyError(f"{key}.{word}: expected one of {', '.join(_ROLES)}, got {v!r}")
        elif not isinstance(v, str):
            raise VocabularyError(f"{key}.{word}: expected a string (a pattern), got {_kind(v)}")
        else:
            _check_pattern(v, f"{key}.{word}")
        out[word] = v
    return out


def _check_grammar(voc: Vocabulary) -> None:
    """Build the marker grammar with the extension's words (salutation, closing, sequence)."""
    from .parse import markers
    from .vocab import using

    try:
        with using(voc):
            markers.marker_parser()
            markers.scanner()
            markers.salutation()
            markers.closing()
    except Exception as exc:  # a word the grammar cannot take: one line, not a traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise VocabularyError(f"the marker grammar does not build with these words: {first}") from None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number",
             bool: "true/false", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _merge(base: Any, value: Any, key: str) -> Any:
    if isinstance(base, list):
        return _extend(base, _words(value, key))
    if isinstance(base, dict):
        if not isinstance(value, dict):
            raise VocabularyError(f"{key}: expected an object, got {_kind(value)}")
        out = dict(base)
        for k, v in value.items():
            if k == "_doc":
                continue
            if k not in base or k.startswith("_"):
                raise VocabularyError(f"{key}.{k}: unknown key")
            out[k] = _merge(base[k], v, f"{key}.{k}")
        return out
    if isinstance(base, bool) or not isinstance(base, (str, int)):
        raise VocabularyError(f"{key}: cannot be extended")
    if isinstance(base, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise VocabularyError(f"{key}: expected a whole number >= 0, got {_kind(value)}")
        return value
    if not isinstance(value, str):
        raise VocabularyError(f"{key}: expected a string (a pattern), got {_kind(value)}")
    _check_pattern(value, key)
    return value


def _words(value: Any, key: str) -> list[str]:
    if not isinstance(value, list):
        raise VocabularyError(f"{key}: expected a list of words, got {_kind(value)}")
    for i, w in enumerate(value):
        if not isinstance(w, str):
            raise VocabularyError(f"{key}[{i}]: expected a word (a string), got {_kind(w)}")
        if not w.strip() or any(c in w for c in "\r\n"):
            raise VocabularyError(f"{key}[{i}]: a word is not empty and holds no line break")
    return value


def _extend(base: list[Any], more: list[str]) -> list[Any]:
    return base + [w for w in dict.fromkeys(more) if w not in base]


def _check_pattern(pattern: str, key: str, pieces: Mapping[str, str] | None = None) -> None:
    text = _PLACEHOLDER.sub(lambda m: (pieces or {}).get(m.group(1), "(?:x)"), pattern)
    try:
        compile_regex(text)
    except regex.error as exc:
        raise VocabularyError(f"{key}: the pattern does not compile: {exc}") from None


def _merge_chrome(chrome: dict[str, Any], ext: Any) -> dict[str, Any]:
    if not isinstance(ext, dict):
        raise VocabularyError(f"chrome: expected an object, got {_kind(ext)}")
    for key, value in ext.items():
        if key == "_doc":
            continue
        if key == "words":
            if not isinstance(value, dict):
                raise VocabularyError(f"chrome.words: expected an object, got {_kind(value)}")
            for name, ws in value.items():
                if not isinstance(ws, list) or not all(isinstance(w, str) and w for w in ws):
                    raise VocabularyError(f"chrome.words.{name}: expected a list of patterns")
                for i, w in enumerate(ws):
                    _check_pattern(w, f"chrome.words.{name}[{i}]")
                chrome["words"][name] = _extend(chrome["words"].get(name, []), ws)
        elif key == "families":
            if not isinstance(value, dict):
                raise VocabularyError(f"chrome.families: expected an object, got {_kind(value)}")
            for site, fam in value.items():
                _merge_family(chrome["families"].setdefault(site, {}), fam, f"chrome.families.{site}")
        elif key == "variant_chars":
            # one character and its variant (首页 and 首頁: 页 -> 頁), which every chrome pattern matches too
            if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) and len(k) == 1 and len(v) == 1 for k, v in value.items()):
                raise VocabularyError("chrome.variant_chars: expected an object of one character to one character")
            chrome["variant_chars"] = {**chrome.get("variant_chars", {}), **value}
        else:
            raise VocabularyError(f"chrome.{key}: unknown key (chrome takes words, families and variant_chars)")
    pieces = {k: "(?:" + "|".join(ws) + ")" for k, ws in chrome["words"].items()}
    for site, fam in chrome["families"].items():
        for kind, entries in fam.items():
            for i, e in enumerate(entries):
                for field in ("pattern", "start", "continue"):
                    if field in e:
                        _check_pattern(e[field], f"chrome.families.{site}.{kind}[{i}].{field}", pieces)
    return chrome


def _merge_family(fam: dict[str, Any], ext: Any, key: str) -> None:
    if not isinstance(ext, dict):
        raise VocabularyError(f"{key}: expected an object, got {_kind(ext)}")
    for kind, entries in ext.items():
        if kind not in _CHROME_KEYS:
            raise VocabularyError(f"{key}.{kind}: unknown key (a family takes lines, blocks, inline and after_end)")
        if not isinstance(entries, list):
            raise VocabularyError(f"{key}.{kind}: expected a list, got {_kind(entries)}")
        for i, e in enumerate(entries):
            _check_entry(kind, e, f"{key}.{kind}[{i}]")
        fam[kind] = fam.get(kind, []) + entries


def _check_entry(kind: str, e: Any, key: str) -> None:
    if not isinstance(e, dict):
        raise VocabularyError(f"{key}: expected an object, got {_kind(e)}")
    unknown = sorted(set(e) - _CHROME_KEYS[kind])
    if unknown:
        raise VocabularyError(f"{key}.{unknown[0]}: unknown key")
    missing = sorted(_CHROME_REQUIRED[kind] - set(e))
    if missing:
        raise VocabularyError(f"{key}: {missing[0]} is missing")
    for name in ("name", "pattern", "start", "continue"):
        if name in e and (not isinstance(e[name], str) or not e[name]):
            raise VocabularyError(f"{key}.{name}: expected a non-empty string")
    if "where" in e and e["where"] not in ("edges", "anywhere"):
        raise VocabularyError(f"{key}.where: expected edges or anywhere, got {e['where']!r}")
    if "match" in e and e["match"] not in ("line", "prefix", "suffix"):
        raise VocabularyError(f"{key}.match: expected line, prefix or suffix, got {e['match']!r}")
    if "max_lines" in e and (isinstance(e["max_lines"], bool) or not isinstance(e["max_lines"], int)
                             or e["max_lines"] < 1):
        raise VocabularyError(f"{key}.max_lines: expected a whole number >= 1")
    if "titled" in e and not isinstance(e["titled"], bool):
        raise VocabularyError(f"{key}.titled: expected true or false")


def _add_suffixes(chrome: dict[str, Any], value: Any) -> dict[str, Any]:
    """Title suffixes as chrome of their own family: cut off the end of an edge line (the
    title line above the speech), and, in front matter run together, inline chrome that
    ends a title."""
    words = _words(value, "title_suffixes")
    alt = "(?:" + "|".join(regex.escape(w.strip()) for w in sorted(set(words), key=len, reverse=True)) + ")"
    fam = chrome["families"].setdefault(EXTENSION_SITE, {})
    fam.setdefault("lines", []).append({"name": "title_suffix", "where": "edges", "match": "suffix",
                                        "pattern": f"[ \\t\\u3000]*{alt}$"})
    fam.setdefault("inline", []).append({"name": "title_suffix", "titled": True, "pattern": alt})
    return chrome


def _force(voc: Vocabulary) -> None:
    """Compile every pattern now, so that a bad one fails here and not inside a parse."""
    for obj in (voc, voc.glued):
        for value in vars(obj).values():
            if isinstance(value, (LazyPattern, CharClass)):
                compile_regex(value.pattern)
            elif isinstance(value, dict):
                for v in value.values():
                    if isinstance(v, LazyPattern):
                        compile_regex(v.pattern)
