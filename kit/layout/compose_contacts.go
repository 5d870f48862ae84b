package layout

import (
	"math"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
)

// The contacts marked on_posters ("contacts"), or the card's youth
// helplines chosen in the data ("card_contacts"): a list of contact cards
// in a grid, each its name and purpose, then a link holding its number or
// address and its QR code. An unverified contact's number, address and QR
// code are printed only on drafts, which carry the draft band; a published
// poster keeps its name and purpose (the official poster's words) and
// nothing to dial.

func init() { compose(composeContacts, "contacts", "card_contacts") }

func composeContacts(l *layouter, b *Box, r rect) *composition {
	e, st := l.job.Edition, l.style(b)
	var cs []content.Contact
	if b.Show == "card_contacts" {
		cs = e.CardContacts()
	} else {
		for _, c := range e.Contacts {
			if c.OnPosters {
				cs = append(cs, c)
			}
		}
	}
	if len(cs) == 0 {
		l.errorf(b, "no contact has on_posters: true in %s", e.Code)
		return nil
	}
	cards := make([]Block, len(cs))
	for i, c := range cs {
		parts := []Block{
			paragraph(Para{Spans: []Span{{Text: l.t(c.Name), Role: Black, Color: st.accent, Scale: 1.25}}, Align: Center, Leading: 1.1, Isolate: true}),
			paragraph(Para{Spans: Emphasis(l.t(c.Purpose), Regular, Bold, st.ink, 1), Align: Center, SpaceBefore: 0.15, Leading: b.Leading}),
		}
		if c.Unverified == "" || e.Draft() {
			reach := ""
			link := Block{Kind: BlockLink, Target: contactTarget(c)}
			if c.Phone != nil {
				reach = l.t(c.Phone.Display)
				link.Paras = []Para{{Spans: []Span{{Text: reach, Role: Black, Color: st.ink, Scale: 1.3}}, Align: Center, SpaceBefore: 0.2, Leading: 1.1}}
			} else if c.URL != "" {
				reach = ShortURL(c.URL)
				link.Paras = []Para{{Spans: []Span{{Text: reach, Role: Bold, Color: st.ink, Scale: 0.9}}, Align: Center, SpaceBefore: 0.2, Leading: 1.1}}
			}
			link.Alt = linkAlt(l.t(c.Name), reach)
			qrFor := reach // what the QR code opens: the address when there is one
			if c.URL != "" {
				qrFor = ShortURL(c.URL)
			}
			link.Parts = []Block{{Kind: BlockQR, Target: link.Target, Alt: l.qrAlt(b, qrFor)}}
			parts = append(parts, link)
		}
		cards[i] = Block{Kind: BlockCard, Parts: parts}
	}
	bs := []Block{list(cards...)}
	cols := b.Columns
	if cols <= 0 || cols > len(cs) {
		cols = min(len(cs), 4)
	}
	g := cardGrid{cards: bs[0].Parts, r: r, cols: cols, gapX: r.w * 0.03, ink: st.ink}
	g.cw = (r.w - float64(cols-1)*g.gapX) / float64(cols)
	qMax := math.Min(b.QR*l.k, g.cw)
	g.qrGap = qMax * 0.1
	// The QR codes at their design size, then smaller (never under 70 %,
	// still easy to scan), each left of the text and above it: the form
	// that lets the text be set largest (left when both are equal).
	c := &composition{blocks: bs}
	for _, qs := range []float64{1, 0.85, 0.7} {
		var tier []form
		for _, left := range []bool{true, false} {
			f := g
			f.q, f.left = qMax*qs, left
			tier = append(tier, &f)
		}
		c.tiers = append(c.tiers, tier)
	}
	return c
}

// contactTarget is what a contact's link and QR code open: its URL, else
// its number to dial.
func contactTarget(c content.Contact) string {
	if c.URL == "" && c.Phone != nil {
		return "tel:" + strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "").Replace(c.Phone.Dial)
	}
	return c.URL
}

// cardGrid is the arrangement of contact cards in a grid of cols columns,
// rows a line apart, the last row centred: each card's QR code (q points
// square) left of its text or above it, the grid centred in the area's
// height. A card without a link is its text alone.
type cardGrid struct {
	cards       []Block
	r           rect
	cols        int
	gapX, cw, q float64
	qrGap       float64 // between a QR code and its text: a tenth of the design's side, whatever the side
	left        bool
	ink         Color
}

// align sets the alignment of the cards' text: left beside the QR code,
// centred under it.
func (g *cardGrid) align() {
	a := Center
	if g.left {
		a = Left
	}
	for i := range g.cards {
		for j := range g.cards[i].Parts {
			for k := range g.cards[i].Parts[j].Paras {
				g.cards[i].Parts[j].Paras[k].Align = a
			}
		}
	}
}

// textW is the width of card i's text.
func (g *cardGrid) textW(i int) float64 {
	if find(g.cards[i].Parts, BlockQR) == nil || !g.left {
		return g.cw
	}
	return g.cw - g.q - g.qrGap
}

// cells returns the height of each row and of each card's text, and the
// word cut if any.
func (g *cardGrid) cells(st setter) (rh, th []float64, cut string) {
	g.align()
	rows := (len(g.cards) + g.cols - 1) / g.cols
	rh = make([]float64, rows)
	th = make([]float64, len(g.cards))
	for i := range g.cards {
		var c string
		th[i], c = st.measure(textParas(g.cards[i].Parts), g.textW(i))
		if c != "" {
			cut = c
		}
		ch := g.q + g.qrGap + th[i]
		switch {
		case find(g.cards[i].Parts, BlockQR) == nil:
			ch = th[i]
		case g.left:
			ch = math.Max(g.q, th[i])
		}
		rh[i/g.cols] = math.Max(rh[i/g.cols], ch)
	}
	return rh, th, cut
}

func (g *cardGrid) height(st setter) (float64, string) {
	rh, _, cut := g.cells(st)
	t := float64(len(rh)-1) * st.size
	for _, v := range rh {
		t += v
	}
	return t, cut
}

func (g *cardGrid) place(pg *Page, st setter) {
	rh, th, _ := g.cells(st)
	total, _ := g.height(st)
	x, w := g.r.x, g.r.w
	cy := g.r.y + math.Max(0, (g.r.h-total)/2)
	for r := range rh {
		n := min(g.cols, len(g.cards)-r*g.cols)
		rowW := float64(n)*g.cw + float64(n-1)*g.gapX
		cx := x + (w-rowW)/2
		for c := 0; c < n; c++ {
			i := r*g.cols + c
			card := &g.cards[i]
			link, qr := find(card.Parts, BlockLink), find(card.Parts, BlockQR)
			qx, qy, tx, ty := cx+(g.cw-g.q)/2, cy, cx, cy+g.q+g.qrGap
			switch {
			case qr == nil:
				tx, ty = cx, cy+(rh[r]-th[i])/2
			case g.left:
				qx, qy = cx, cy+(rh[r]-g.q)/2
				tx, ty = cx+g.q+g.qrGap, cy+(rh[r]-th[i])/2
			}
			if qr != nil {
				pg.Shapes = append(pg.Shapes, tagShapes(QR(qr.Target, qx, qy, g.q, g.ink, Color{255, 255, 255}), qr.elem)...)
				pg.Links = append(pg.Links, Link{X: cx, Y: cy, W: g.cw, H: rh[r], URL: link.Target, Elem: link.elem})
			}
			st.emit(pg, st.set(textParas(card.Parts), g.textW(i)), tx, ty, g.textW(i))
			cx += g.cw + g.gapX
		}
		cy += rh[r] + st.size
	}
}
