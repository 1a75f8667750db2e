#!/usr/bin/env python3
"""Time to first screen of a full-screen program, measured in tmux.

    screen.py --socket NAME --expect TEXT [--timeout 20] [--hold 0] -- CMD [ARG...]

Starts CMD in a new window of a private tmux server (`tmux -L NAME`, started on first use
with a 100x30 holder session; the caller kills it with `tmux -L NAME kill-server`), with
LANG=C.UTF-8 and TERM=screen, then polls `capture-pane -p` about every 5 ms until a pane
line contains TEXT (its first 40 columns, cut at a word boundary, so that a long title that
the program wraps still matches). Then waits --hold seconds, reads VmHWM/VmRSS from
/proc/PID/status of CMD's process (the pane runs `exec env ... CMD`, so the pane's pid is
CMD's), sends `q`, and closes the window.

--settle TEXT waits, after the first screen, until TEXT has left the pane (the reader's `indexing…`
on its status line: its background read of the folder is done), before --hold and the memory.
--then KEYS (repeatable) are sent after the first screen; with --then-expect TEXT, the pane is
polled until it shows TEXT (or --timeout), and its text is given as "then_screen".

Prints one JSON line: {"ok": true, "seconds": s, "hwm_kb": k, "rss_kb": k}
or {"ok": false, "reason": "exited"|"timeout", "screen": "<last pane text>"}.
The clock starts just before the tmux command that creates the window; tmux's fork and
exec of CMD (a few ms) is inside the figure for every program alike.
"""

import argparse
import json
import shlex
import subprocess
import sys
import time
import unicodedata

COLS, ROWS = 100, 30


def tmux(sock, *args, check=True):
    r = subprocess.run(["tmux", "-L", sock, "-f", "/dev/null", *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"tmux {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def columns(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def needle(text, width=40):
    """The start of text, at most width columns, cut after a whole word when it has spaces."""
    text = " ".join(text.split())
    if columns(text) <= width:
        return text
    out = ""
    for ch in text:
        if columns(out + ch) > width:
            break
        out += ch
    if " " in out:
        out = out[: out.rindex(" ")]
    return out


def ensure_server(sock):
    if subprocess.run(["tmux", "-L", sock, "has-session", "-t", "hold"], capture_output=True).returncode == 0:
        return
    tmux(sock, "new-session", "-d", "-s", "hold", "-x", str(COLS), "-y", str(ROWS), "sleep 100000")
    for opt in (("default-size", f"{COLS}x{ROWS}"),
                ("remain-on-exit", "on"), ("default-terminal", "screen"), ("status", "off")):
        tmux(sock, "set-option", "-g", *opt)


def proc_status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmHWM", "VmRSS"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--socket", required=True)
    p.add_argument("--expect", required=True)
    p.add_argument("--timeout", type=float, default=20)
    p.add_argument("--hold", type=float, default=0)
    p.add_argument("--then", action="append", default=[], help="keys sent after the first screen (tmux send-keys)")
    p.add_argument("--then-expect", help="after --then: wait for this text and give the screen as then_screen")
    p.add_argument("--settle", help="after the first screen, wait (up to --timeout) until this text is gone "
                   "from the pane (the reader's `indexing`), then --hold; the wait is given as settled_s")
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    want = needle(a.expect)
    sock = a.socket
    ensure_server(sock)

    shell = "exec env -u LESSOPEN -u LESSCLOSE LESS= SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen " + shlex.join(cmd)
    t0 = time.monotonic()
    pane, pid = tmux(sock, "new-window", "-d", "-P", "-F", "#{pane_id} #{pane_pid}", "-t", "hold:", shell).split()
    result = {"ok": False, "reason": "timeout"}
    screen = ""
    while True:
        out = tmux(sock, "capture-pane", "-p", "-t", pane, ";", "display-message", "-p", "-t", pane,
                   "#{pane_dead}", check=False)
        t = time.monotonic() - t0
        lines = out.split("\n")
        dead = len(lines) >= 2 and lines[-2].strip() == "1"
        screen = "\n".join(lines[:-2])
        if any(want in line for line in screen.split("\n")):
            result = {"ok": True, "seconds": round(t, 4)}
            break
        if dead:
            result = {"ok": False, "reason": "exited"}
            break
        if t > a.timeout:
            break
        time.sleep(0.005)

    if result["ok"] and a.then:
        for keys in a.then:
            tmux(sock, "send-keys", "-t", pane, keys, check=False)
        end = time.monotonic() + a.timeout
        while True:
            shown = tmux(sock, "capture-pane", "-p", "-t", pane, check=False)
            if not a.then_expect or a.then_expect in shown or time.monotonic() > end:
                break
            time.sleep(0.05)
        result["then_screen"] = shown
    if result["ok"] and a.settle:
        t1 = time.monotonic()
        while a.settle in tmux(sock, "capture-pane", "-p", "-t", pane, check=False) and time.monotonic() - t1 < a.timeout:
            time.sleep(0.1)
        result["settled_s"] = round(time.monotonic() - t1, 2)
    if result["ok"]:
        if a.hold:
            time.sleep(a.hold)
        st = proc_status(pid)
        result["hwm_kb"] = st.get("VmHWM")
        result["rss_kb"] = st.get("VmRSS")
    else:
        result["screen"] = "\n".join(l for l in screen.split("\n") if l.strip())[-600:]

    # Quit politely, then make sure the window is gone.
    tmux(sock, "send-keys", "-t", pane, "q", check=False)
    end = time.monotonic() + 2
    while time.monotonic() < end:
        if tmux(sock, "display-message", "-p", "-t", pane, "#{pane_dead}", check=False).strip() != "0":
            break
        time.sleep(0.02)
    tmux(sock, "kill-window", "-t", pane, check=False)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
