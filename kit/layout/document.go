package layout

import (
	"fmt"
	"math"
)

// A4 portrait, in points.
const (
	a4W = 595.28
	a4H = 841.89
)

// Document flows paragraphs over as many A4 pages as they need, at one
// base size, with the same text engine as the posters (fonts, wrapping,
// emphasis, unbreakable tokens). It is for documents of plain text, such
// as the verification checklist (kit/verify). Pages are chained through
// Back, as kit/pdf draws them; each carries its number at the bottom.
func Document(fonts Fonts, title, author string, paras []Para, size float64) *Page {
	const margin = 56.0 // about 20 mm
	s := setter{fonts, size}
	w := a4W - 2*margin
	bottom := a4H - margin
	newPage := func() *Page {
		return &Page{Design: "document", Size: "a4", Width: a4W, Height: a4H, Title: title, Author: author, Subject: title}
	}
	first := newPage()
	pages := []*Page{first}
	pg, y := first, margin
	for i := range paras {
		p := &paras[i]
		ls := s.wrap(p, w)
		if y > margin {
			y += p.SpaceBefore * size
		}
		for _, l := range ls {
			if y+l.height > bottom && y > margin {
				pg = newPage()
				pages = append(pages, pg)
				y = margin
			}
			base := y + (l.height-l.ascent)/2 + l.ascent*0.8
			x := margin
			if p.Align == Center {
				x += (w - l.width) / 2
			}
			emitLine(pg, l, x, base, s)
			y += l.height
		}
	}
	gray := Color{90, 90, 90}
	for i, p := range pages {
		n := fmt.Sprintf("%d / %d", i+1, len(pages))
		st := setter{fonts, math.Max(size*0.8, 6)}
		b := st.set([]Para{{Spans: []Span{{Text: n, Role: Regular, Color: gray, Scale: 1}}, Align: Center, Leading: 1.2}}, w)
		st.emit(p, b, margin, a4H-margin*0.7, w)
		if i > 0 {
			pages[i-1].Back = p
		}
	}
	return first
}
