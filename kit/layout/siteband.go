package layout

import (
	"net/url"
	"strings"

	"github.com/awarekit/awarekit/kit/typo"
)

// The "site" box: a band apart from the official texts that leads the
// reader to the edition's own site (every contact, the reflexes, the quick
// exit): a QR code to the site and, beside it, a label from i18n
// (site_label) over the site's address in short form. A build without an
// absolute base URL has no address to print: the box is left out and the
// other boxes stay where they are.

// SiteURL returns the address of an edition's site under baseURL, or ""
// when baseURL is not an absolute https URL (a path such as "/":
// the posters cannot link the site).
func SiteURL(baseURL, code string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return ""
	}
	return strings.TrimSuffix(u.String(), "/") + "/" + code + "/"
}

// ShortSite prints a site address as people type it: host and path,
// without the scheme, "www." and the final slash (exemple.org/fr-FR).
func ShortSite(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return s
	}
	return strings.TrimPrefix(u.Host, "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
}

// siteBand lays out a "site" box: the QR code at the start of the box, as
// high as the box allows (at most b.QR mm), the label and the address
// beside it.
func (l *layouter) siteBand(b *Box, x, y, w, h float64) {
	target := l.job.SiteURL
	if target == "" {
		return
	}
	d := l.job.Design
	ink, accent := d.color(b.Color), d.color(b.Accent)
	if b.Accent == "" {
		accent = ink
	}
	role := b.Font
	if role == "" {
		role = Regular
	}
	q := min(b.QR*l.k, h, w/3)
	gap := q * 0.15
	tw := w - q - gap
	paras := []Para{
		{Spans: Emphasis(l.i18n("site_label"), role, strongOf(role), ink, 1), Align: Left, Leading: b.Leading},
		{Spans: []Span{{Text: ShortSite(target), Role: Black, Color: accent, Scale: 1.15}}, Align: Left, SpaceBefore: 0.15, Leading: 1.1},
	}
	// Read as a paragraph (the label), then a link holding the address
	// and its QR code.
	setSpans(paras[0].Spans, l.elem(ElemP, 0, ""))
	short := ShortSite(target)
	link := l.elem(ElemLink, 0, linkAlt(typo.Plain(l.i18n("site_label")), short))
	setSpans(paras[1].Spans, link)
	qr := l.elem(ElemFigure, link, l.qrAlt(b, short))
	maxS, minS := l.sizes(b)
	size, ok, excess := fit(maxS, minS, h, func(s float64) float64 { t, _ := setter{l.fonts, s}.measure(paras, tw); return t })
	st := setter{l.fonts, size}
	blk := st.set(paras, tw)
	if !ok {
		l.overflow(b, excess, size*lead(b), blk.cut)
	}
	l.pg.Fitted = append(l.pg.Fitted, Fit{b.ID, size})
	l.pg.Shapes = append(l.pg.Shapes, tagShapes(QR(target, x, y+(h-q)/2, q, ink, Color{255, 255, 255}), qr)...)
	st.emit(l.pg, blk, x+q+gap, y+(h-blk.height)/2, tw)
	l.pg.Links = append(l.pg.Links, Link{X: x, Y: y, W: w, H: h, URL: target, Elem: link})
}
