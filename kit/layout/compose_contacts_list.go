package layout

import (
	"math"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
)

// Every contact of the edition grouped by need (urgent danger, remove
// content, report, talk to someone), the "contacts_list" box: for each
// group a heading and a list of contact cards, each its name and purpose,
// a link holding its number and address and its QR code, and, when the
// box asks for details, its hours and cost. Unverified contacts appear
// only on drafts. In one column, or in two when the design asks and that
// lets the type be set larger.

func init() { compose(composeContactsList, "contacts_list") }

func composeContactsList(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	ink := st.ink
	// One group per need, each contact in the group of its first need.
	groups := map[string][]content.Contact{}
	for _, c := range e.Contacts {
		if c.Unverified != "" && !e.Draft() {
			continue
		}
		need := "other"
		if len(c.Needs) > 0 {
			need = c.Needs[0]
		}
		groups[need] = append(groups[need], c)
	}
	var bs []Block
	for _, need := range append(append([]string{}, content.Needs...), "other") {
		cs := groups[need]
		if len(cs) == 0 {
			continue
		}
		bs = append(bs, heading(2, Para{Spans: []Span{{Text: l.i18n("need_" + need), Role: Black, Color: st.accent, Scale: 1.25}}, Align: Left, Leading: 1.15}))
		var cards []Block
		for _, c := range cs {
			var reach []string
			if c.Phone != nil {
				reach = append(reach, l.t(c.Phone.Display))
			}
			if c.URL != "" {
				reach = append(reach, ShortURL(c.URL))
			}
			shown := strings.Join(reach, " · ")
			qrFor := shown
			if len(reach) > 0 {
				qrFor = reach[len(reach)-1] // the address when there is one: the QR code opens it
			}
			target := contactTarget(c)
			parts := []Block{
				paragraph(Para{Spans: []Span{{Text: l.t(c.Name), Role: Black, Color: ink, Scale: 1.1}}, Align: Left, Leading: 1.1, Isolate: true}),
				paragraph(Para{Spans: Emphasis(l.t(c.Purpose), Regular, Bold, ink, 1), Align: Left, Leading: b.Leading}),
				{Kind: BlockLink, Target: target, Alt: linkAlt(l.t(c.Name), shown),
					Paras: []Para{{Spans: []Span{{Text: shown, Role: Bold, Color: ink, Scale: 1.1}}, Align: Left, Leading: 1.15}},
					Parts: []Block{{Kind: BlockQR, Target: target, Alt: l.qrAlt(b, qrFor)}}},
			}
			if b.Details {
				var det []string
				for _, v := range []string{c.Hours, c.Cost} {
					if v != "" {
						det = append(det, l.t(v))
					}
				}
				if len(det) > 0 {
					parts = append(parts, paragraph(Para{Spans: []Span{{Text: strings.Join(det, " · "), Role: Regular, Color: ink, Scale: 0.9}}, Align: Left, Leading: b.Leading}))
				}
			}
			cards = append(cards, Block{Kind: BlockCard, Parts: parts})
		}
		bs = append(bs, list(cards...))
	}
	if len(bs) == 0 {
		l.errorf(b, "no verified contact in %s", e.Code)
		return nil
	}
	// The rows: each group's heading, then its cards.
	var rows []*Block
	for i := range bs {
		if bs[i].Kind == BlockHeading {
			rows = append(rows, &bs[i])
			continue
		}
		for j := range bs[i].Parts {
			rows = append(rows, &bs[i].Parts[j])
		}
	}
	g := groupColumns{rows: rows, r: r, gapX: r.w * 0.04, qr: b.QR * l.k, ink: ink}
	// The design's columns, or one column when that lets the type grow
	// larger (an edition with few contacts fills the page instead of
	// leaving it empty).
	oneCol := g
	oneCol.setCols(1)
	c := &composition{blocks: bs, tiers: [][]form{{&oneCol}}}
	if b.Columns == 2 {
		twoCols := g
		twoCols.setCols(2)
		c.tiers[0] = append(c.tiers[0], &twoCols)
		c.own = 1 // the design's two columns when neither fits
	}
	return c
}

// groupColumns is the arrangement of headed groups of cards in one or two
// columns: each card's QR code left of its text; the second column starts
// at the middle, never under a heading's last entry without the heading;
// what room is left is spread between the groups, up to a line each, and
// the rest centres the columns in the area.
type groupColumns struct {
	rows     []*Block // headings and cards, in reading order
	r        rect
	cols     int
	gapX, cw float64
	qr       float64 // the QR codes' design side, points
	q, tw    float64 // at the current size: the QR codes' side and the cards' text width
	ink      Color
}

func (g *groupColumns) setCols(n int) {
	g.cols = n
	g.cw = (g.r.w - float64(n-1)*g.gapX) / float64(n)
}

// qrAt sizes the QR codes for size s: their design size, growing with the
// type when few contacts let it grow (never over a third of the column).
func (g *groupColumns) qrAt(s float64) {
	g.q = math.Min(math.Max(g.qr, 3.2*s), g.cw/3)
	g.tw = g.cw - g.q - g.q*0.15
}

// measure returns the heights of each row at st's size, where the second
// column starts, the height used and the word cut if any.
func (g *groupColumns) measure(st setter) ([]float64, int, float64, string) {
	s, cut := st.size, ""
	g.qrAt(s)
	hs := make([]float64, len(g.rows))
	total := 0.0
	for i, it := range g.rows {
		head := it.Kind == BlockHeading
		if head {
			hh, _ := st.measure(it.Paras, g.cw)
			hs[i] = hh + s*0.3
		} else {
			hh, c := st.measure(textParas(it.Parts), g.tw)
			if c != "" {
				cut = c
			}
			hs[i] = math.Max(g.q, hh) + s*0.5
		}
		if i > 0 && head {
			hs[i] += s * 0.5
		}
		total += hs[i]
	}
	split := len(g.rows)
	if g.cols != 2 {
		return hs, split, total, cut
	}
	acc := 0.0
	for i := range g.rows {
		if acc+hs[i]/2 > total/2 && i > 0 {
			split = i
			break
		}
		acc += hs[i]
	}
	// A column never starts under its group heading's last entry without
	// the heading: move the heading along with it.
	if split > 0 && g.rows[split-1].Kind == BlockHeading {
		split--
	}
	if split == 0 {
		split = len(g.rows) // a single group stays in the first column
	}
	c1, c2 := 0.0, 0.0
	for i := range g.rows {
		if i < split {
			c1 += hs[i]
		} else {
			c2 += hs[i]
		}
	}
	return hs, split, math.Max(c1, c2), cut
}

func (g *groupColumns) height(st setter) (float64, string) {
	_, _, used, cut := g.measure(st)
	return used, cut
}

func (g *groupColumns) place(pg *Page, st setter) {
	size := st.size
	hs, split, used, _ := g.measure(st)
	x, y, h := g.r.x, g.r.y, g.r.h
	inner := func(i int) bool { return g.rows[i].Kind == BlockHeading && i != 0 && i != split }
	spread, heads := 0.0, 0
	for i := range g.rows {
		if inner(i) {
			heads++
		}
	}
	if heads > 0 && used < h {
		spread = math.Min((h-used)/float64(heads), size*1.2)
	}
	cx, cy := x, y+math.Max(0, (h-used-spread*float64(heads))/2)
	top0 := cy
	for i, it := range g.rows {
		if i == split {
			cx, cy = x+g.cw+g.gapX, top0
		}
		if inner(i) {
			cy += spread
		}
		top := cy
		if inner(i) {
			top += size * 0.5
		}
		if it.Kind == BlockHeading {
			st.emit(pg, st.set(it.Paras, g.cw), cx, top, g.cw)
		} else {
			blk := st.set(textParas(it.Parts), g.tw)
			rowH := math.Max(g.q, blk.height)
			link, qr := find(it.Parts, BlockLink), find(it.Parts, BlockQR)
			pg.Shapes = append(pg.Shapes, tagShapes(QR(qr.Target, cx, top+(rowH-g.q)/2, g.q, g.ink, Color{255, 255, 255}), qr.elem)...)
			st.emit(pg, blk, cx+g.q*1.15, top+(rowH-blk.height)/2, g.tw)
			pg.Links = append(pg.Links, Link{X: cx, Y: top, W: g.cw, H: rowH, URL: link.Target, Elem: link.elem})
		}
		cy += hs[i]
	}
}
