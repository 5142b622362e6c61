"""Size of the ``officialspeech view`` page and the time headless Chromium takes to load and lay it out.

Usage: python benchmarks/view_load.py FILE... [--repeat 3] [--chromium chromium]

For each speech file: the size of the input and of the page, and the time from the start
of navigation to the end of the first full layout as the browser itself measures it
(``performance.now()`` read after forcing layout of the whole page from a script added at
its end for this measurement only), best of ``--repeat`` runs of ``chromium --headless
--dump-dom``.  Browser start-up is not counted.  Needs the ``chromium`` package.
This is a benchmark, not a test: figures depend on the machine.  Run it alone.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from officialspeech import parse_file
from officialspeech.view import render_html

PROBE = ("<script>document.body.getBoundingClientRect();document.getElementById('text').offsetHeight;"
         "document.body.setAttribute('data-layout-ms',performance.now().toFixed(1));</script>")


def load_ms(browser: str, page: Path) -> float:
    """Navigation start to first full layout, in ms, as Chromium measures it."""
    out = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    m = re.search(r'data-layout-ms="([0-9.]+)"', out)
    if m is None:
        raise SystemExit(f"no measurement in the DOM of {page}")
    return float(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--chromium", default="chromium")
    args = ap.parse_args()
    browser = shutil.which(args.chromium)
    if browser is None:
        sys.exit(f"{args.chromium} not found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.files:
            html = render_html(parse_file(name))
            page = Path(tmp) / "page.html"
            page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
            best = min(load_ms(browser, page) for _ in range(args.repeat))
            size_in = Path(name).stat().st_size / 1000
            size_out = len(html.encode("utf-8")) / 1000
            print(f"{name}: input {size_in:.0f} KB, page {size_out:.0f} KB, load and layout {best:.0f} ms")


if __name__ == "__main__":
    main()
