"""Peak memory and time of the readers on hostile files, at full size (not part of the tests).

Usage: python benchmarks/hostile_readers.py [--only NAME,...] [--keep DIR]

Each hostile file (tests/hostile.py builds them, streaming, in a temporary folder) is
given to ``python -m officialspeech parse FILE`` (stdout to /dev/null) in a child process; the
child's peak RSS comes from ``os.wait4`` (its own rusage), its time from the wall clock.
Target: <= 500 MB and <= 5 s each, one line on stderr and exit 2 (refused), or exit 0
where the input is neutralised rather than refused (HTML entities, which the HTML parser
never expands). Three lines more show memory near the cap: reading a .docx of 60 MiB of
text and a 60 MiB HTML page, and parsing a 60 MiB text file (``parse_file`` in a child), as peak RSS and its
ratio to the input size. Exits 1 when a hostile case misses its target.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

MIB = 1 << 20
RSS_TARGET = 500  # MB
TIME_TARGET = 5.0  # s


@dataclass
class Case:
    name: str
    file: str
    build: Callable[[Path], object]
    expect: int = 2  # exit code: 2 refused, 0 neutralised


def _html_entities(path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i + 1} "{("&l" + str(i) + ";") * 10}">' for i in range(9))
    path.write_text(f'<!DOCTYPE html [<!ENTITY l0 "哈哈"><!ENTITY x SYSTEM "file:///etc/passwd">{laughs}]>'
                    "<html><body><div><p>同志们：&l9;&x;</p><p>今天开会。</p></div></body></html>", "utf-8")


def _near_cap_text(path: Path) -> None:
    para = ("今天我们召开会议，研究部署下一阶段的工作，确保各项任务落到实处。" * 8 + "\n").encode()
    with open(path, "wb") as fh:
        fh.write("在全市工作会议上的讲话\n同志们：\n".encode())
        for n in range(60 * MIB // len(para)):
            if n % 500 == 0:
                fh.write(f"{'一二三四五六七八九十'[n // 500 % 10]}、压实责任\n".encode())
            fh.write(para)


def _near_cap_html(path: Path) -> None:
    row = ("<p>" + "同志们，今天我们召开会议，研究部署下一阶段的工作。" * 12 + "</p>\n").encode()
    with open(path, "wb") as fh:
        fh.write(b'<html><head><meta charset="utf-8"></head><body><div class="article">')
        for _ in range(60 * MIB // len(row)):
            fh.write(row)
        fh.write(b"</div></body></html>")


CASES = [
    Case("lying zip header (1 GiB stated as 4 KiB)", "lie.docx", lambda p: hostile.lying_header_docx(p, 1 << 30)),
    Case("zip bomb, honest header (1 GiB)", "bomb.docx", lambda p: hostile.lying_header_docx(p, 1 << 30, 1 << 30)),
    Case("paragraph bomb (4 M paragraphs, 150 MB XML)", "paragraphs.docx",
         lambda p: hostile.paragraph_bomb_docx(p, 4_000_000)),
    Case("text bomb (80 MiB of text)", "text.docx", lambda p: hostile.text_bomb_docx(p, 80 * MIB)),
    Case(".docx entity expansion", "laughs.docx", hostile.entity_docx),
    Case(".docx external entity", "xxe.docx", lambda p: hostile.entity_docx(p, external=True)),
    Case("truncated PDF", "cut.pdf", lambda p: hostile.truncated_pdf(p, 0.5)),
    Case("100 MB HTML", "big.html", lambda p: hostile.big_html(p, 100 * 1000 * 1000)),
    Case("HTML of 1 M tiny elements", "tags.html", lambda p: hostile.many_elements_html(p, 1_000_000)),
    Case("HTML entity expansion + external entity", "entities.html", _html_entities, expect=0),
]


def run_child(cmd: list[str]) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit code, stderr) of ``cmd``."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode, text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default=None, help="comma-separated words: run the cases whose name holds one")
    ap.add_argument("--keep", default=None, help="build the files in this folder and keep them")
    ap.add_argument("--no-near-cap", action="store_true", help="skip the near-cap memory lines")
    args = ap.parse_args(argv)
    words = [w.strip().lower() for w in args.only.split(",")] if args.only else None
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    print(f"{'case':46} {'file':>9} {'time':>7} {'peak RSS':>9} exit  stderr")
    try:
        for case in CASES:
            if words and not any(w in case.name.lower() for w in words):
                continue
            path = folder / case.file
            case.build(path)
            size = path.stat().st_size
            elapsed, rss, code, err = run_child([sys.executable, "-m", "officialspeech", "parse", str(path)])
            lines = err.splitlines()
            one_line = len(lines) == 1 and lines[0].startswith("officialspeech: error: ") and "Traceback" not in err
            shape = one_line if case.expect == 2 else not err.strip() or err.count("\n") == 1
            ok = rss <= RSS_TARGET and elapsed <= TIME_TARGET and code == case.expect and shape
            failed += not ok
            said = lines[0].replace(str(path), case.file) if lines else ""
            if case.expect == 0:
                said = f"neutralised ({len(lines)} line on stderr)" if code == 0 else said
            print(f"{case.name:46} {size / MIB:7.1f}Mi {elapsed:6.2f}s {rss:6.0f} MB {code:4}  "
                  f"{'ok ' if ok else 'MISS'} {said[:150]}")
            if not args.keep:
                path.unlink()
        if not args.no_near_cap and not words:
            near = folder / "near.docx"
            hostile.text_bomb_docx(near, 60 * MIB)
            code_read = ("import sys; from officialspeech.readers import read_document; "
                         "print(len(read_document(sys.argv[1]).text.encode()))")
            elapsed, rss, code, err = run_child([sys.executable, "-c", code_read, str(near)])
            print(f"{'near cap: read a .docx of 60 MiB of text':46} {near.stat().st_size / MIB:7.1f}Mi {elapsed:6.2f}s "
                  f"{rss:6.0f} MB {code:4}  {rss / 60:.1f}x the text")
            near.unlink()
            page = folder / "near.html"
            _near_cap_html(page)
            elapsed, rss, code, err = run_child([sys.executable, "-c", code_read, str(page)])
            mib = page.stat().st_size / MIB
            print(f"{'near cap: read a 60 MiB HTML page':46} {mib:7.1f}Mi {elapsed:6.2f}s "
                  f"{rss:6.0f} MB {code:4}  {rss / mib:.1f}x the page{'' if code == 0 else ' ' + err[:100]}")
            page.unlink()
            text = folder / "near.txt"
            _near_cap_text(text)
            code_parse = ("import sys; from officialspeech import parse_file; "
                          "s = parse_file(sys.argv[1]); print(len(s.sections()))")
            elapsed, rss, code, err = run_child([sys.executable, "-c", code_parse, str(text)])
            mib = text.stat().st_size / MIB
            print(f"{'near cap: parse_file of a 60 MiB text file':46} {mib:7.1f}Mi {elapsed:6.2f}s "
                  f"{rss:6.0f} MB {code:4}  {rss / mib:.1f}x the file{'' if code == 0 else ' ' + err[:100]}")
            text.unlink()
    finally:
        if not args.keep:
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()
    print(f"targets: <= {RSS_TARGET} MB, <= {TIME_TARGET:.0f} s, one line and exit 2 (or neutralised, exit 0): "
          f"{'all met' if not failed else f'{failed} missed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
