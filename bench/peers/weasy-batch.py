#!/usr/bin/python3
"""WeasyPrint's warm batch: N different posters in one process.

usage: weasy-batch.py HTML_DIR OUT_DIR N

Renders HTML_DIR/poster-001.html … poster-N.html to OUT_DIR/weasyprint-iii.pdf
with one FontConfiguration for the whole batch (WeasyPrint's own font
cache, the counterpart of Typst's and awarekit's). Importing WeasyPrint is
outside the clock. Prints one JSON line: batch_ms, per_poster_ms (batch /
N) and median_ms (the median poster).
"""
import json
import os
import statistics
import sys
import time
import warnings

import logging

logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)
warnings.filterwarnings("ignore")

from weasyprint import HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402


def main():
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    fonts = FontConfiguration()
    times = []
    t0 = time.perf_counter()
    for i in range(1, n + 1):
        ts = time.perf_counter()
        HTML(filename=os.path.join(src, "poster-%03d.html" % i)).write_pdf(
            os.path.join(out, "weasyprint-%03d.pdf" % i), font_config=fonts)
        times.append((time.perf_counter() - ts) * 1000)
    batch = (time.perf_counter() - t0) * 1000
    print(json.dumps({"tool": "weasyprint", "n": n, "batch_ms": round(batch, 3),
                      "per_poster_ms": round(batch / n, 3), "median_ms": round(statistics.median(times), 3)}))


if __name__ == "__main__":
    main()
