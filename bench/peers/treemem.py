#!/usr/bin/python3
"""Peak memory of a process tree: the largest sum of the proportional set
sizes (PSS: shared pages split between the processes that share them) of
the command's descendants, sampled every 20 ms. For Chromium, whose work
is spread over a browser, renderer, GPU and utility processes, where
/usr/bin/time reports only the largest single process.

usage: treemem.py OUT_KB_FILE NAMES -- CMD ARGS...

Only processes whose name (comm) is one of the comma-separated NAMES are
counted ("" counts all of them). The command's stdout and stderr pass through.
"""
import os
import subprocess
import sys
import time


def children():
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                s = f.read()
        except OSError:
            continue
        comm = s[s.index("(") + 1:s.rindex(")")]
        ppid = int(s[s.rindex(")") + 2:].split()[1])
        kids.setdefault(ppid, []).append((int(d), comm))
    return kids


def pss(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    out = sys.argv[1]
    names = set(n for n in sys.argv[2].split(",") if n)
    cmd = sys.argv[sys.argv.index("--") + 1:]
    p = subprocess.Popen(cmd)
    peak = 0
    while p.poll() is None:
        kids, total, todo = children(), 0, [(p.pid, os.path.basename(cmd[0]))]
        while todo:
            pid, comm = todo.pop()
            if not names or comm in names:
                total += pss(pid)
            todo.extend(kids.get(pid, []))
        peak = max(peak, total)
        time.sleep(0.02)
    with open(out, "w") as f:
        f.write("%d\n" % peak)
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
