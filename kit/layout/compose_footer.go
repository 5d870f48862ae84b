package layout

import (
	"strings"

	"github.com/awarekit/awarekit/kit/typo"
)

// The footer: the emergency number when the edition may print it, then the
// line naming the sources (provenance.go); the edition's own logo, a
// figure read after the text, at the right end, the text set in what is
// left.

func init() { compose(composeFooter, "footer") }

func composeFooter(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	bs := []Block{paragraph(st.para(b, []Span{{Text: l.provenanceLine(), Role: st.role, Color: st.ink, Scale: 1}}, 0))}
	if e.Emergency.Printable(e) {
		em := l.i18n("emergency") + " " + strings.TrimSpace(e.Emergency.Display)
		bs[0].Paras[0].SpaceBefore = 0.2
		bs = append([]Block{paragraph(st.para(b, []Span{{Text: l.t(em), Role: Bold, Color: st.ink, Scale: 1}}, 0))}, bs...)
	}
	if e.LogoData == nil {
		return stacked(bs, r, false)
	}
	// The logo as high as the box, at most a quarter of its width.
	lh := r.h
	lw := lh * float64(e.LogoSize[0]) / float64(e.LogoSize[1])
	if lw > r.w/4 {
		lw, lh = r.w/4, r.w/4*float64(e.LogoSize[1])/float64(e.LogoSize[0])
	}
	alt := typo.Plain(l.t(strings.TrimSpace(e.LogoAlt)))
	if alt == "" {
		l.errorf(b, "the logo %s has no alternative text: add logo_alt to %s's edition.yaml", e.Logo, e.Code)
	}
	logo := Block{Kind: BlockImage, Alt: alt, Data: e.LogoData, Size: e.LogoSize}
	bs = append(bs, logo)
	text := rect{r.x, r.y, r.w - lw - lh*0.3, r.h}
	s := &stack{paras: textParas(bs), r: text}
	s.after = func(pg *Page, _ setter, _ block, _ float64) {
		pg.Images = append(pg.Images, Image{X: r.x + r.w - lw, Y: r.y + (r.h-lh)/2, W: lw, H: lh, Data: logo.Data, Elem: bs[len(bs)-1].elem})
	}
	return one(bs, s)
}
