#!/usr/bin/env python3
"""Reads the output of `gazette-dev bench-next` and prints "MEDIAN_MS P99_MS" (either may be "-").

Understands JSON lines with keys such as median_ms / p99_us, key-value text such as
`presses 1000 median_ms 0.819 p99_ms 7.708` or `median: 0.8 ms, p99: 7.7 ms`, and falls back
to the first "N ms|us|µs|ns" in the text for the median.
"""
import json
import re
import sys

SCALE = {"ms": 1.0, "us": 1e-3, "µs": 1e-3, "ns": 1e-6, "s": 1e3}


def from_json(text, name):
    for line in text.splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if not isinstance(o, dict):
            continue
        for k, v in o.items():
            if name in k.lower() and isinstance(v, (int, float)):
                unit = re.search(r"_(ms|us|µs|ns|s)$", k)
                return v * SCALE[unit.group(1) if unit else "ms"]
    return None


def from_text(text, name):
    # name[_unit] [:=]? number [unit]
    m = re.search(name + r"(?:_(ms|us|µs|ns|s))?\s*[:=]?\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|us|µs|ns|s)?\b", text, re.I)
    if not m:
        return None
    return float(m.group(2)) * SCALE[m.group(1) or m.group(3) or "ms"]


def main():
    text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    out = []
    for name in ("median", "p99"):
        v = from_json(text, name)
        if v is None:
            v = from_text(text, name)
        if v is None and name == "median":
            m = re.search(r"([0-9]+(?:\.[0-9]+)?)\s*(ms|us|µs|ns)\b", text)
            v = float(m.group(1)) * SCALE[m.group(2)] if m else None
        out.append("-" if v is None else f"{v:.4f}")
    print(" ".join(out))


if __name__ == "__main__":
    main()
