#!/usr/bin/env python3
"""trafilatura over a folder of saved pages: the peer of `gazette toc --json FOLDER` in bench/html.sh.

    html_peer.py FOLDER [--limit N]

Reads every *.html of FOLDER in name order (at most N) and calls trafilatura.extract on each, as
../shared/html-devset/score.py --peer trafilatura does (the page's bytes as they are, trafilatura's
own charset detection; default options). Prints one line: `seconds pages`, the time of the loop
alone, reading the files included, the interpreter's start and trafilatura's import (about 0.5 s)
left out: the comparison is the strictest one for Gazette, whose figure includes its process.
Exits 3 when trafilatura cannot be imported (bench/html.sh then leaves the row out).
"""
import os
import sys
import time


def main():
    args = sys.argv[1:]
    limit = None
    if "--limit" in args:
        k = args.index("--limit")
        limit = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import trafilatura
    except Exception as e:  # not installed, or lxml_html_clean missing
        print(f"html_peer: trafilatura cannot be imported: {e}", file=sys.stderr)
        return 3
    folder = args[0]
    names = sorted(n for n in os.listdir(folder) if n.endswith(".html"))[:limit]
    start = time.perf_counter()
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        try:
            trafilatura.extract(data)
        except Exception:
            pass  # a page it cannot read still took its time
    print(f"{time.perf_counter() - start:.4f} {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
