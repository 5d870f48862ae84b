#!/usr/bin/python3
"""Reads what bench/peers/run measured (its out/ folder) and writes the
Markdown report: one row per tool, the machine, and every run's figures.

usage: report.py OUT_DIR RESULTS.md RUNS N SECONDS
"""
import collections
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

TOOLS = ["awarekit", "weasyprint", "chromium", "typst"]


def lines(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip()]


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def chars(pdf):
    """The PDF's text as a multiset of characters, without spaces and
    hyphens (pdftotext drops a hyphen that ends a line)."""
    t = sh("pdftotext", "-enc", "UTF-8", pdf, "-")
    return collections.Counter(c for c in t if not c.isspace() and c not in "-\u00a0\u202f\u200b")


def fonts(pdf):
    rows = sh("pdffonts", pdf).splitlines()[2:]
    return [(r.split()[0].split("+")[-1], r.split()[-5] == "yes") for r in rows if r.strip()]


def num(x, digits=1):
    s = "{:,.{}f}".format(x, digits)
    return s.replace(",", "\u202f")


def main():
    out, dest, runs, n, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    versions = json.load(open(os.path.join(out, "versions.json")))
    rows = {}
    detail = []
    for t in TOOLS:
        cold = json.load(open(os.path.join(out, "cold-%s.json" % t)))["results"][0]
        cold_times = [x * 1000 for x in cold["times"]]
        warm = [json.loads(lines(os.path.join(out, "warm-%s-%d.json" % (t, r)))[-1]) for r in range(1, runs + 1)]
        warm_pp = [w["per_poster_ms"] for w in warm]
        mem_cold = [int(x) for x in lines(os.path.join(out, "mem-cold-%s.txt" % t))][-runs:]
        mem_warm = [int(x) for x in lines(os.path.join(out, "mem-warm-%s.txt" % t))][-runs:]
        pdf = os.path.join(out, "pdf", "%s.pdf" % t)
        rows[t] = {
            "cold": statistics.median(cold_times), "warm": statistics.median(warm_pp),
            "mem_cold": statistics.median(mem_cold) / 1024, "mem_warm": statistics.median(mem_warm) / 1024,
            "size": os.path.getsize(pdf) / 1024, "chars": chars(pdf), "fonts": fonts(pdf),
        }
        detail.append("- **%s**: cold %s ms; warm per poster %s ms (median poster of each batch: %s ms); "
                      "peak RSS cold %s MB, warm %s MB" % (
                          t, ", ".join(num(x) for x in cold_times), ", ".join(num(x, 2) for x in warm_pp),
                          ", ".join(num(w["median_ms"], 2) for w in warm),
                          ", ".join(num(x / 1024) for x in mem_cold), ", ".join(num(x / 1024) for x in mem_warm)))
    a = rows["awarekit"]
    tree = {}
    for mode in ("cold", "warm"):
        p = os.path.join(out, "tree-chromium-%s.txt" % mode)
        if os.path.exists(p):
            tree[mode] = int(lines(p)[0]) / 1024

    md = []
    md.append("# awarekit and its peers: one A4 poster, fr-FR `la-sextorsion`\n")
    md.append("Made by `bench/peers/run` (`make bench`); see bench/peers/README.md for what each "
              "tool renders and how. **Cold**: one whole process makes the poster (start-up, "
              "fonts and data included), median of %d runs after one warm-up run (disk cache "
              "warm). **Warm**: per poster, in a batch of %d different posters made in one process "
              "(start-up and font loading outside the clock), median of %d batches. Ratios are "
              "the tool's time divided by awarekit's (higher: slower than awarekit). Peak memory: "
              "the maximum resident set size from `/usr/bin/time -f %%M` (Chromium: see below), "
              "median of the runs. PDF: the cold run's poster.\n" % (runs, n, runs))
    md.append("| tool | version | cold | warm, per poster | cold ÷ awarekit | warm ÷ awarekit | peak memory cold / warm | PDF size |")
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for t in TOOLS:
        r = rows[t]
        mem = "%s / %s MB" % (num(r["mem_cold"]), num(r["mem_warm"]))
        if t == "chromium" and tree:
            mem = "%s / %s MB all processes (browser process: %s)" % (
                num(tree.get("cold", 0)), num(tree.get("warm", 0)), mem)
        md.append("| %s | %s | %s ms | %s ms | %s× | %s× | %s | %s KB |" % (
            t, versions[t], num(r["cold"]), num(r["warm"], 2), num(r["cold"] / a["cold"]),
            num(r["warm"] / a["warm"]), mem, num(r["size"])))
    md.append("")
    if tree:
        md.append("Chromium runs in several processes (browser, zygotes, renderer, GPU and utility "
                  "processes), and `/usr/bin/time` sees only the browser process (the renderers are "
                  "the zygote's children): its memory in the table is the peak of the sum of the PSS "
                  "of all its processes (shared pages split between them), sampled every 20 ms in one "
                  "more run by `treemem.py` (the Node.js driver of the warm batch not counted); in "
                  "the warm batch its renderer keeps growing from poster to poster. Typst's figures "
                  "include Node.js, which hosts its compiler.\n")
    md.append("Checks of the cold posters:")
    for t in TOOLS:
        r = rows[t]
        same = r["chars"] == a["chars"]
        diff = ""
        if not same:
            diff = " (missing: %r, extra: %r)" % ("".join(sorted((a["chars"] - r["chars"]).elements())),
                                                  "".join(sorted((r["chars"] - a["chars"]).elements())))
        md.append("- %s: text %s awarekit's (pdftotext, %d characters without spaces)%s; fonts %s" % (
            t, "the same as" if same else "**differs from**", sum(r["chars"].values()), diff,
            ", ".join("%s%s" % (name, "" if emb else " (**not embedded**)") for name, emb in r["fonts"])))
    md.append("")
    md.append("Every run:\n")
    md.extend(detail)
    md.append("")
    cpu = ""
    for l in open("/proc/cpuinfo"):
        if l.startswith("model name"):
            cpu = l.split(":", 1)[1].strip()
            break
    mem = ""
    for l in open("/proc/meminfo"):
        if l.startswith("MemTotal"):
            mem = "%.0f GiB" % (int(l.split()[1]) / 1024 / 1024)
    osname = ""
    if os.path.exists("/etc/os-release"):
        for l in open("/etc/os-release"):
            if l.startswith("PRETTY_NAME="):
                osname = l.split("=", 1)[1].strip().strip('"')
    md.append("Machine: %s cores (`nproc`), %s, %s of memory; %s, Linux %s; %s, Node.js %s, Python %s. "
              "Load average when the run started: %s. Date: %s. The whole run took %.0f s." % (
                  sh("nproc"), cpu, mem, osname, platform.release(), versions.get("go", ""),
                  versions.get("node", ""), platform.python_version(), versions.get("loadavg", "?"),
                  datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), seconds))
    text = "\n".join(md) + "\n"
    with open(dest, "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
