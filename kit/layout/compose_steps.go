package layout

import (
	"math"

	"github.com/awarekit/awarekit/kit/content"
)

// The illustrated steps (the "threat" advice steps): a list whose items
// hold an icon (a figure) left of the step's text, the rows spread over
// the box when there is room.

func init() { compose(composeSteps, "steps") }

func composeSteps(l *layouter, b *Box, r rect) *composition {
	d, e, st := l.job.Design, l.job.Edition, l.style(b)
	var steps []content.Step
	for _, s := range e.Advice {
		if s.Situation == content.SituationThreat {
			steps = append(steps, s)
		}
	}
	if len(steps) == 0 {
		l.errorf(b, "no advice step with situation: threat to show")
		return nil
	}
	accent := d.color(b.Accent) // the icons' colour: the design's accent, even unset
	items := make([]Block, len(steps))
	for i, s := range steps {
		spans := []Span{{Text: l.t(s.Keyword), Role: Black, Color: accent, Scale: 1.15}}
		spans = append(spans, st.body(" "+l.t(s.Text))...)
		items[i] = Block{Kind: BlockItem, Paras: []Para{{Spans: spans, Align: Left, Leading: b.Leading}},
			Parts: []Block{{Kind: BlockIcon, Icon: s.Icon, Alt: l.alt(b, "icon_"+s.Icon)}}}
	}
	bs := []Block{list(items...)}
	icon := b.Icon * l.k
	rows := &figureRows{items: bs[0].Parts, r: r, side: icon, gapX: icon * 0.3,
		draw: func(k *Block, x, y, side float64) []Shape {
			return Icon(k.Icon, x, y, side, accent, d.color("paper"), st.ink)
		}}
	return one(bs, rows)
}

// figureRows is the arrangement of items each holding a figure: one row
// per item, the figure (side points square) at the start, the item's text
// beside it, both centred on the row; rows a line apart (0.8 of the size),
// spread over the area when there is room.
type figureRows struct {
	items      []Block
	r          rect
	side, gapX float64
	draw       func(figure *Block, x, y, side float64) []Shape
}

func (f *figureRows) textW() float64 { return f.r.w - f.side - f.gapX }

// rows returns the rows' total height at st's size and each text's height,
// and the word cut if any.
func (f *figureRows) rows(st setter) (float64, []float64, string) {
	cut := ""
	total := 0.0
	hs := make([]float64, len(f.items))
	for i := range f.items {
		var c string
		hs[i], c = st.measure(f.items[i].Paras, f.textW())
		if c != "" {
			cut = c
		}
		total += math.Max(f.side, hs[i])
	}
	return total + float64(len(f.items)-1)*st.size*0.8, hs, cut
}

func (f *figureRows) height(st setter) (float64, string) {
	t, _, cut := f.rows(st)
	return t, cut
}

func (f *figureRows) place(pg *Page, st setter) {
	total, hs, _ := f.rows(st)
	gap := st.size * 0.8
	if n := len(f.items); n > 1 && total < f.r.h {
		gap += (f.r.h - total) / float64(n-1)
	}
	tw := f.textW()
	cy := f.r.y
	for i := range f.items {
		it := &f.items[i]
		rowH := math.Max(f.side, hs[i])
		if fig := find(it.Parts, BlockIcon); fig != nil {
			pg.Shapes = append(pg.Shapes, tagShapes(f.draw(fig, f.r.x, cy+(rowH-f.side)/2, f.side), fig.elem)...)
		}
		st.emit(pg, st.set(it.Paras, tw), f.r.x+f.side+f.gapX, cy+(rowH-hs[i])/2, tw)
		cy += rowH + gap
	}
}
