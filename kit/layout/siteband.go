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

func init() { compose(composeSite, "site") }

// composeSite composes a "site" box: a paragraph (the label), then a link
// holding the short address and its QR code, in a band.
func composeSite(l *layouter, b *Box, r rect) *composition {
	target := l.job.SiteURL
	if target == "" {
		return nil
	}
	st := l.style(b)
	short := ShortSite(target)
	bs := []Block{
		paragraph(Para{Spans: st.body(l.i18n("site_label")), Align: Left, Leading: b.Leading}),
		{Kind: BlockLink, Target: target, Alt: linkAlt(typo.Plain(l.i18n("site_label")), short),
			Paras: []Para{{Spans: []Span{{Text: short, Role: Black, Color: st.accent, Scale: 1.15}}, Align: Left, SpaceBefore: 0.15, Leading: 1.1}},
			Parts: []Block{{Kind: BlockQR, Target: target, Alt: l.qrAlt(b, short)}}},
	}
	q := min(b.QR*l.k, r.h, r.w/3)
	return one(bs, &band{blocks: bs, r: r, q: q, ink: st.ink})
}

// band is the arrangement of a QR code at the start of the area, centred
// in its height, q points square, and the text beside it, centred too;
// the whole area links to the QR code's link.
type band struct {
	blocks []Block
	r      rect
	q      float64
	ink    Color
}

func (f *band) textW() float64 { return f.r.w - f.q - f.q*0.15 }

func (f *band) height(st setter) (float64, string) {
	return st.measure(textParas(f.blocks), f.textW())
}

func (f *band) place(pg *Page, st setter) {
	r, q := f.r, f.q
	blk := st.set(textParas(f.blocks), f.textW())
	link, qr := find(f.blocks, BlockLink), find(f.blocks, BlockQR)
	pg.Shapes = append(pg.Shapes, tagShapes(QR(qr.Target, r.x, r.y+(r.h-q)/2, q, f.ink, Color{255, 255, 255}), qr.elem)...)
	st.emit(pg, blk, r.x+q+q*0.15, r.y+(r.h-blk.height)/2, f.textW())
	pg.Links = append(pg.Links, Link{X: r.x, Y: r.y, W: r.w, H: r.h, URL: link.Target, Elem: link.elem})
}
