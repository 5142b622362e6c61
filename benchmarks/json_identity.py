"""Show that a refactor keeps the ``parse`` JSON byte-identical.

Usage:
  python benchmarks/json_identity.py record FILE   # write the digests of today's outputs
  python benchmarks/json_identity.py compare FILE  # compare today's outputs with FILE

The inputs: every text in ``../shared/corpus``, ``../shared/wild`` and ``../shared/seeds``
(skipped when absent), ``tests/fixtures`` and ``examples``, each as read and also with every
line break removed and with line breaks replaced by one space (the run-on paths), plus
generated speeches of ``tests/speechgen.py`` in all their shapes.  Each is parsed with
``parse_speech(text).model_dump_json()``; the record holds a SHA-256 per input.  ``compare``
prints the counts (identical, different, missing) and the names that differ, and exits 1
when any differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tests"))


def _texts() -> Iterator[tuple[str, str]]:
    from officialspeech import read_text

    folders = [SHARED / "corpus" / "texts", SHARED / "wild" / "texts", SHARED / "seeds",
               ROOT / "tests" / "fixtures", ROOT / "examples"]
    for folder in folders:
        if not folder.is_dir():
            print(f"(absent: {folder})", file=sys.stderr)
            continue
        for path in sorted(folder.rglob("*.txt")):
            text = read_text(str(path))
            name = str(path.relative_to(folder.parent))
            yield name, text
            yield name + "#flat", text.replace("\r", "").replace("\n", "")
            yield name + "#spaced", text.replace("\r\n", " ").replace("\n", " ")
    from speechgen import SHAPES, generate  # (tests/ is on sys.path)

    rng = random.Random(20261203)
    for i in range(60):
        tree = generate(rng, sections=rng.randint(1, 5), sentences=rng.randint(1, 6))
        for shape, render in SHAPES.items():
            yield f"generated/{i}#{shape}", render(tree, i)


def digests(dump: Path | None = None) -> dict[str, str]:
    """The SHA-256 of each input's JSON (written to ``dump/`` too when given)."""
    from officialspeech import parse_speech

    out: dict[str, str] = {}
    for name, text in _texts():
        data = parse_speech(text).model_dump_json().encode("utf-8")
        out[name] = hashlib.sha256(data).hexdigest()
        if dump is not None:
            (dump / (name.replace("/", "__") + ".json")).write_bytes(data)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["record", "compare"])
    ap.add_argument("file")
    ap.add_argument("--dump", type=Path, help="also write each JSON output to this folder (to diff them)")
    args = ap.parse_args(argv)
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    now = digests(args.dump)
    if args.mode == "record":
        Path(args.file).write_text(json.dumps(now, ensure_ascii=False, indent=0), "utf-8")
        print(f"recorded {len(now)} outputs in {args.file}")
        return 0
    before: dict[str, str] = json.loads(Path(args.file).read_text("utf-8"))
    same = [k for k in now if before.get(k) == now[k]]
    differ = [k for k in now if k in before and before[k] != now[k]]
    new = [k for k in now if k not in before]
    gone = [k for k in before if k not in now]
    print(f"inputs {len(now)}: identical {len(same)}, different {len(differ)}, "
          f"not in the record {len(new)}, missing {len(gone)}")
    for k in differ[:40]:
        print(f"  differs: {k}")
    return 1 if differ or new or gone else 0


if __name__ == "__main__":
    raise SystemExit(main())
