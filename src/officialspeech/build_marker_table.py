"""Write the built-in marker grammar's table (``data/marker_table.json``) into the source
tree: ``python -m officialspeech.build_marker_table`` after the grammar or its words in
``data/vocab.json`` changed (``--check``: exit 1 when the file is stale).  Lark compiles
the table; see :mod:`officialspeech.parse.marker_table`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .parse.marker_table import TABLE, MarkerTable, compiled_builtin


def dumps(table: MarkerTable) -> str:
    """The table file's text."""
    return json.dumps(table.to_json(), ensure_ascii=False, indent=1) + "\n"


def source_path() -> Path:
    """Where the table lives in the source tree."""
    return Path(__file__).resolve().parent / TABLE


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = dumps(compiled_builtin())
    path = source_path()
    if "--check" in args:
        same = path.is_file() and path.read_text("utf-8") == text
        print(f"{path}: {'up to date' if same else 'stale: run python -m officialspeech.build_marker_table'}")
        return 0 if same else 1
    path.write_text(text, "utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
