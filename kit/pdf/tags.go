package pdf

import (
	"github.com/signintech/gopdf"

	"github.com/awarekit/awarekit/kit/layout"
)

// marker wraps what a page draws in marked content: each run of items of
// one structure element in one sequence tagged with it, everything that
// belongs to no element in an artifact.
type marker struct {
	gp    *gopdf.GoPdf
	elems []*gopdf.StructElement // the page's elements (layout.Page.Elems)
	cur   int                    // the open sequence's element; 0: an artifact; -1: none
}

// newMarker adds the page's elements to the structure tree under doc, in
// the page's reading order.
func newMarker(gp *gopdf.GoPdf, p *layout.Page, doc *gopdf.StructElement) *marker {
	m := &marker{gp: gp, elems: make([]*gopdf.StructElement, len(p.Elems)), cur: -1}
	for i, e := range p.Elems {
		parent := doc
		if e.Parent > 0 {
			parent = m.elems[e.Parent-1]
		}
		se := gp.AddStructElement(parent, e.Kind)
		if e.Kind == layout.ElemFigure {
			se.Alt = e.Alt
		}
		m.elems[i] = se
	}
	return m
}

// mark makes what is drawn next belong to element e (0: decoration).
func (m *marker) mark(e int) {
	if e == m.cur {
		return
	}
	m.end()
	if e == 0 {
		m.gp.BeginArtifact()
	} else {
		m.gp.BeginMarkedContent(m.elems[e-1])
	}
	m.cur = e
}

// end closes the open sequence.
func (m *marker) end() {
	if m.cur >= 0 {
		m.gp.EndMarkedContent()
	}
	m.cur = -1
}
