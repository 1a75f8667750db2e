#!/usr/bin/env python3
"""The kill test: the reader's loop and store run on a folder with random keys
(`gazette-dev soak`: a development tool, built beside gazette; the shipped binary has no such
command), and are killed with SIGKILL at random, seeded moments, many
times. After each kill the database must pass PRAGMA integrity_check, and the newest
position kept must be at most LIMIT seconds older than the kill (positions are written
at most 0.75 s after they are made).

usage: kill-test.py GAZETTE [KILLS] [SEED]   (make test runs a short one; try 100 kills)
gazette-dev is the one beside GAZETTE, or $GAZETTE_DEV.
Prints 'N passed, N failed'; exits 1 on any failure."""
import os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

LIMIT = 1.0  # "at most the last second": the debounce (0.75 s) plus a write and a key's interval

def main():
    gazette = os.path.abspath(sys.argv[1])
    dev = os.path.abspath(os.environ.get("GAZETTE_DEV") or os.path.join(os.path.dirname(gazette), "gazette-dev"))
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    here = os.path.dirname(os.path.abspath(__file__))
    work = tempfile.mkdtemp(prefix="gazette-kill-")
    try:
        folder = os.path.join(work, "articles")
        shutil.copytree(os.path.join(here, "..", "Samples", "articles"), folder)
        env = dict(os.environ, XDG_STATE_HOME=os.path.join(work, "state"), XDG_CACHE_HOME=os.path.join(work, "cache"))
        database = os.path.join(work, "state", "gazette", "state.sqlite")
        rng = random.Random(seed)
        passed = failed = whole = 0
        worst = 0.0
        measured = 0
        for k in range(kills):
            child = subprocess.Popen([dev, "soak", folder, "--seed", str(seed + k), "--interval", "2"],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            started = time.time()
            # Half the kills early (during start-up and the first writes), half after a write was due.
            time.sleep(rng.uniform(0.1, 1.2) if k % 2 == 0 else rng.uniform(1.45, 2.4))
            killed = time.time()
            child.send_signal(signal.SIGKILL)
            _, err = child.communicate()
            lived = killed - started
            if not os.path.exists(database):
                print(f"FAIL - kill {k + 1}: no database after {lived:.2f}s: {err.decode()[:200]}")
                failed += 1
                continue
            db = sqlite3.connect(database)
            try:
                check = db.execute("PRAGMA integrity_check").fetchall()
                newest = db.execute("SELECT max(saved) FROM position").fetchone()[0]
            finally:
                db.close()
            ok = check == [("ok",)]
            whole += ok
            lost = None
            # Only a run that lived past the first write can be asked what it kept.
            if lived > 1.4 and newest is not None:
                lost = killed - newest
                measured += 1
                worst = max(worst, lost)
            if ok and (lost is None or lost <= LIMIT):
                passed += 1
            else:
                failed += 1
                print(f"FAIL - kill {k + 1} after {lived:.2f}s: integrity_check {check[:3]}, lost {lost}")
        # The reader opens the database the kills left, and reads it.
        out = subprocess.run([gazette, "state", "export"], env=env, capture_output=True, text=True)
        if out.returncode == 0 and out.stdout.strip() and "damaged" not in out.stderr:
            passed += 1
        else:
            failed += 1
            print(f"FAIL - state export after the kills: {out.returncode} {out.stderr[:200]}")
        # The search index, killed while it is first built: whole after each kill, and the next
        # search goes on from what was written (no "damaged", the words found).
        p, f = kill_indexing(gazette, work, env, rng, max(2, kills // 3))
        passed += p
        failed += f
        print(f"kill test: {kills} kills (seed {seed}), integrity_check ok after {whole} of them, "
              f"max position lost {worst:.2f}s over {measured} kills after the first write (limit {LIMIT}s)")
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)

def kill_indexing(gazette, work, env, rng, kills):
    folder = os.path.join(work, "many")
    os.makedirs(folder)
    words = "harbour council bridge market river night station library winter school".split()
    for i in range(600):
        body = "\n\n".join(" ".join(rng.choice(words) for _ in range(120)) + "." for _ in range(8))
        with open(os.path.join(folder, f"{i:04d}.txt"), "w") as out:
            out.write(f"Article {i} about the {rng.choice(words)}\n\n-\n\n{body}\n\nfinding{i}\n\n-\n")
    index = os.path.join(work, "cache", "gazette", "search.sqlite")
    passed = failed = 0
    for k in range(kills):
        child = subprocess.Popen([gazette, "search", "zzzqqq", folder], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if not os.path.exists(index):
            continue  # killed before the index was made: nothing to check
        db = sqlite3.connect(index)
        try:
            check = db.execute("PRAGMA integrity_check").fetchall()
        finally:
            db.close()
        if check == [("ok",)]:
            passed += 1
        else:
            failed += 1
            print(f"FAIL - index kill {k + 1}: integrity_check {check[:3]}")
    out = subprocess.run([gazette, "search", "finding599", folder], env=env, capture_output=True, text=True)
    if out.returncode == 0 and "0599.txt" in out.stdout and "damaged" not in out.stderr:
        passed += 1
    else:
        failed += 1
        print(f"FAIL - search after the index kills: {out.returncode} {out.stdout[:100]} {out.stderr[:200]}")
    return passed, failed

if __name__ == "__main__":
    sys.exit(main())
