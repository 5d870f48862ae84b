#!/usr/bin/env python3
"""Writes the HTML/CSS page of the poster for WeasyPrint and Chromium.

usage: make_html.py POSTER.json FONTS_DIR OUT_DIR [N]

OUT_DIR/poster.html is the poster itself (the cold runs); with N, also
OUT_DIR/poster-001.html … poster-N.html, poster i with " (i)" appended to
its footer line (the warm batches). Every box is absolutely placed at the
design's millimetres, its text set at the size awarekit's layout chose
(poster.json); the browser engines break the lines themselves. Fonts: the
repository's Lato TTFs, through @font-face with file:// URLs.
"""
import html
import json
import os
import sys

WEIGHT = {"regular": 400, "bold": 700, "black": 900}


def esc(s):
    return html.escape(s, quote=True)


def fmt(x):
    return ("%.4f" % x).rstrip("0").rstrip(".")


def para(p, size):
    """One paragraph: its font size is the largest span's, so that the
    line box (line-height × size) is awarekit's."""
    top = max(s["scale"] for s in p["spans"])
    out = []
    for s in p["spans"]:
        st = "color:%s" % s["color"]
        if s["scale"] != top:
            st += ";font-size:%sem" % fmt(s["scale"] / top)
        out.append('<span class="%s" style="%s">%s</span>' % (s["role"], st, esc(s["text"])))
    style = "text-align:%s;line-height:%s;font-size:%spt;margin-top:%spt" % (
        p["align"], fmt(p["leading"]), fmt(size * top), fmt(p["space_before"] * size))
    return '<p style="%s">%s</p>' % (style, "".join(out))


def paras(ps, size):
    return "".join(para(p, size) for p in ps)


def qr(q, side_mm):
    n = q["side"]
    return ('<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" '
            'style="width:%smm;height:%smm"><rect width="%d" height="%d" fill="#ffffff"/>'
            '<path fill="%s" d="%s"/></svg>') % (n, n, fmt(side_mm), fmt(side_mm), n, n, q["ink"], q["path"])


def contacts(b):
    """One table row of cells (gaps are empty cells), each cell's content
    centred vertically in the row; in a cell, the QR code left of the text
    (or above it), both centred vertically."""
    cells = []
    q, mode = b["qr_mm"], "left" if b["qr_left"] else "above"
    for i, c in enumerate(b["cells"]):
        if i:
            cells.append('<div class="cgap" style="width:%smm"></div>' % fmt(b["gap_mm"]))
        text = paras(c["paras"], b["size"])
        if c.get("qr"):
            if b["qr_left"]:
                pad = "padding-right:%smm;width:%smm" % (fmt(b["qr_gap"]), fmt(q))
            else:
                pad = "padding-bottom:%smm" % fmt(b["qr_gap"])
            inner = '<a class="in %s" href="%s"><div class="cq" style="%s">%s</div><div class="ct">%s</div></a>' % (
                mode, esc(c["qr"]["target"]), pad, qr(c["qr"], q), text)
        else:
            inner = '<div class="in"><div class="ct">%s</div></div>' % text
        cells.append('<div class="cell" style="width:%smm">%s</div>' % (fmt(b["cell_w"]), inner))
    return '<div class="crow">%s</div>' % "".join(cells)


def shape(x, y, w, h, color):
    return '<div class="shape" style="left:%smm;top:%smm;width:%smm;height:%smm;background:%s"></div>' % (
        fmt(x), fmt(y), fmt(w), fmt(h), color)


def page(p, fonts_dir, variant=0):
    faces = "".join(
        '@font-face{font-family:"AwarekitLato";src:url("file://%s");font-weight:%d;font-style:normal}\n'
        % (os.path.join(os.path.abspath(fonts_dir), f), w)
        for f, w in zip(p["fonts"], (400, 700, 900)))
    body = []
    for s in p["shapes"]:
        body.append(shape(s["x"], s["y"], s["w"], s["h"], s["color"]))
    for b in p["boxes"]:
        if variant and b["show"] == "footer":
            b = json.loads(json.dumps(b))
            b["paras"][-1]["spans"][-1]["text"] += " (%d)" % variant
        if b.get("fill"):
            body.append(shape(b["x"], b["y"], b["w"], b["h"], b["fill"]))
        # The padding moves the box in (no CSS padding: WeasyPrint's flex
        # boxes would add it to the height).
        pad = b["padding"]
        style = "left:%smm;top:%smm;width:%smm;height:%smm;font-size:%spt" % (
            fmt(b["x"] + pad), fmt(b["y"] + pad), fmt(b["w"] - 2 * pad), fmt(b["h"] - 2 * pad), fmt(b["size"]))
        inner = contacts(b) if b["show"] == "contacts" else paras(b["paras"], b["size"])
        body.append('<div class="box %s" id="%s" style="%s"><div>%s</div></div>' % (b["valign"], b["id"], style, inner))
    css = faces + """@page{size:%(w)smm %(h)smm;margin:0}
html,body{margin:0;padding:0}
body{width:%(w)smm;height:%(h)smm;position:relative;overflow:hidden;background:%(paper)s;font-family:"AwarekitLato";
 -webkit-print-color-adjust:exact;hyphens:manual;font-variant-ligatures:none}
.shape,.box{position:absolute;box-sizing:border-box}
.box.middle{display:flex;flex-direction:column;justify-content:center}
p{margin:0}
.regular{font-weight:400}.bold{font-weight:700}.black{font-weight:900}
.crow{display:table;margin:0 auto;table-layout:fixed}
.cell,.cgap{display:table-cell;vertical-align:middle}
.in{display:table;width:100%%;color:inherit;text-decoration:none}
.in.left .cq,.in .ct{display:table-cell;vertical-align:middle}
.in.above .cq{display:block}
.in.above .qr{margin:0 auto}
.qr{display:block}
""" % {"w": fmt(p["width_mm"]), "h": fmt(p["height_mm"]), "paper": p["paper"]}
    return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>\n<style>\n%s</style></head>\n'
            '<body>\n%s\n</body></html>\n') % (p["lang"], esc(p["pdf_title"]), css, "\n".join(body))


def main():
    src, fonts_dir, out = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    with open(src, encoding="utf-8") as f:
        p = json.load(f)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "poster.html"), "w", encoding="utf-8") as f:
        f.write(page(p, fonts_dir))
    for i in range(1, n + 1):
        with open(os.path.join(out, "poster-%03d.html" % i), "w", encoding="utf-8") as f:
            f.write(page(p, fonts_dir, i))


if __name__ == "__main__":
    main()
