"""Regular expressions compiled once per machine, not once per process.

Both engines compile in Python (``re``'s parser and ``regex``'s are pure Python) and hand
the result, a list of opcodes, to their C core; for this package's patterns that is most
of a one-shot command's start-up (about 120 ms of ``officialspeech outline FILE``). The
functions here compile as ``re.compile`` / ``regex.compile`` do and remember what each
engine's C core was given; the command line writes that to a cache file when it ends
(:func:`save`), and a later process builds the same pattern objects from it in
microseconds.

The cache is a plain ``marshal`` payload (data only, never code) behind a CRC-32, named
after the interpreter, ``re``'s opcode version and the ``regex`` release, and keyed by the
exact pattern string and flags, so an entry is never stale; a missing, unreadable or
corrupt file is the same as no cache. Library calls read the cache but never write it.

Environment: ``OFFICIALSPEECH_CACHE_DIR`` (the folder; default
``$XDG_CACHE_HOME/officialspeech`` or ``~/.cache/officialspeech``) and
``OFFICIALSPEECH_NO_CACHE=1`` (neither read nor write).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import threading
import zlib
from importlib import import_module
from pathlib import Path
from typing import Any

import regex

_MAGIC = b"OSPC1\n"
_MAX_ENTRIES = 4096  # beyond it the file starts again from one process's patterns
_RE, _REGEX = 0, 1

# where each engine calls its C core: the module, the name the C module has there
_re_compiler: Any = import_module("re._compiler" if sys.version_info >= (3, 11) else "sre_compile")
_regex_main: Any = import_module("regex._main")
_sre: Any = _re_compiler._sre
_regex_core: Any = _regex_main._regex

_Key = tuple[int, str, int, int]  # engine, pattern, flags, regex's default version


class _State:
    """What this process read from the cache file, recorded anew and built."""

    def __init__(self) -> None:
        self.stored: dict[_Key, tuple[Any, ...]] | None = None
        self.new: dict[_Key, tuple[Any, ...]] = {}
        self.objects: dict[_Key, Any] = {}

    def reset(self) -> None:
        """Forget all three."""
        self.stored = None
        self.new.clear()
        self.objects.clear()


_lock = threading.RLock()
_state = _State()


def enabled() -> bool:
    """False when ``OFFICIALSPEECH_NO_CACHE`` is set to anything but ``""``/``0``."""
    return os.environ.get("OFFICIALSPEECH_NO_CACHE", "") in ("", "0")


def cache_file() -> Path:
    """The cache file of this interpreter and these engine versions."""
    folder = os.environ.get("OFFICIALSPEECH_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "officialspeech")
    name = f"patterns-{sys.implementation.cache_tag}-sre{_sre.MAGIC}-regex{regex.__version__}.bin"
    return Path(folder) / name


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    compiled: re.Pattern[str] = _compile(_RE, pattern, int(flags))
    return compiled


def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cache when it holds the pattern."""
    compiled: regex.Pattern[str] = _compile(_REGEX, pattern, int(flags))
    return compiled


def save() -> bool:
    """Add the patterns this process compiled to the cache file (merged with what another
    process may have written meanwhile, replaced atomically). False when there was nothing
    new, caching is off or the folder cannot be written (never an error)."""
    with _lock:
        if not _state.new or not enabled():
            return False
        path = cache_file()
        entries = _read(path)
        if len(entries) + len(_state.new) > _MAX_ENTRIES:
            entries = {}
        entries.update(_state.new)
        try:
            payload = marshal.dumps(entries)
        except ValueError:  # (each entry was checked when it was recorded)
            return False
        data = _MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            return False
        _state.new.clear()
        return True


def clear() -> None:
    """Forget what this process read, compiled and recorded (tests; a new cache folder)."""
    with _lock:
        _state.reset()


def _compile(engine: int, pattern: str, flags: int) -> Any:
    key = (engine, pattern, flags, int(regex.DEFAULT_VERSION) if engine == _REGEX else 0)
    compiled = _state.objects.get(key)
    if compiled is not None:
        return compiled
    with _lock:
        args = _entries().get(key)
        core = _sre if engine == _RE else _regex_core
        if args is not None:
            try:
                compiled = core.compile(*args)
            except Exception:  # an entry this engine does not take: compile it afresh
                compiled = None
        if compiled is None:
            compiled, args = _recorded(engine, pattern, flags)
            if args is not None:
                _state.new[key] = args
        _state.objects[key] = compiled
        return compiled


def _entries() -> dict[_Key, tuple[Any, ...]]:
    if _state.stored is None:
        _state.stored = _read(cache_file()) if enabled() else {}
    return _state.stored


def _read(path: Path) -> dict[_Key, tuple[Any, ...]]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC) + 4
    if not data.startswith(_MAGIC) or zlib.crc32(data[head:]).to_bytes(4, "big") != data[len(_MAGIC):head]:
        return {}
    try:
        entries = marshal.loads(data[head:])
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


class _Recorder:
    """Stands for an engine's C module while one pattern compiles: the first ``compile``
    call of this thread is the pattern's, and its arguments are kept."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.thread = threading.get_ident()
        self.args: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        if self.args is None and threading.get_ident() == self.thread:
            self.args = args
        return self.real.compile(*args)


def _recorded(engine: int, pattern: str, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
    """The compiled pattern and the C core's arguments (None when they cannot be stored)."""
    if engine == _RE:
        owner, name, real = _re_compiler, "_sre", _sre
    else:
        owner, name, real = _regex_main, "_regex", _regex_core
    recorder = _Recorder(real)
    setattr(owner, name, recorder)
    try:
        if engine == _RE:
            compiled = _re_compiler.compile(pattern, flags)  # below re's own per-process cache
        else:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
    finally:
        setattr(owner, name, real)
    args = recorder.args
    if args is None:
        return compiled, None
    try:
        plain = tuple(_plain(a) for a in args)
        marshal.dumps(plain)
    except (TypeError, ValueError):
        return compiled, None
    return compiled, plain


def _plain(value: Any) -> Any:
    """``value`` with int subclasses (flag enums) as ints, so that marshal can store it."""
    if value is None or type(value) in (str, bytes, int, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, frozenset):
        return frozenset(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    raise TypeError(type(value).__name__)
