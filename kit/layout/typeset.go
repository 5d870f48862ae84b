package layout

// The generic typesetter: every box goes through it. The box's composer
// (composers, one file per kind) turns content into blocks and offers the
// arrangements (forms) they can take in the box; the typesetter tags the
// blocks into the page's structure, finds the largest size in the box's
// range at which a form fits (trying the forms in order, tier by tier),
// reports the overflow of the design's own form when none fits, records
// the size and places the blocks.

// rect is a box's inner area (padding taken off), in points.
type rect struct{ x, y, w, h float64 }

// A form is one arrangement of a box's blocks: how high it stands at a
// base size (and the word it had to cut, if any), and its placing on the
// page at the size chosen.
type form interface {
	height(st setter) (float64, string)
	place(pg *Page, st setter)
}

// A composition is what a composer makes of a box: its blocks, and the
// forms they can take.
type composition struct {
	blocks []Block
	// tiers are the forms to try: in each tier the one fitting at the
	// largest size wins (the first on a tie); a later tier is tried only
	// when no form of the earlier ones fits.
	tiers [][]form
	// own is the design's own form (its index over every tier, in
	// order): the one placed, and whose overflow is reported, when none
	// fits.
	own int
	// overflow reports a box that does not fit even at its smallest size
	// (nil: "overflows by N lines (X mm)", see layouter.overflow).
	overflow func(size, excess float64, cut string)
}

// composer makes the composition of a box of its kind in r, or nil when
// the box shows nothing (reporting why, when that is a problem).
type composer func(l *layouter, b *Box, r rect) *composition

// composers are the box kinds' composers (vocab.Kinds), each registered by
// its own file.
var composers = map[string]composer{}

func compose(c composer, kinds ...string) {
	for _, k := range kinds {
		composers[k] = c
	}
}

// one is a composition with one form.
func one(blocks []Block, f form) *composition {
	return &composition{blocks: blocks, tiers: [][]form{{f}}}
}

// largest returns the form of c that fits height h at the largest size
// of box b's range, trying the tiers in order (the first form on a tie),
// and that size; nil when no form fits.
func (l *layouter) largest(b *Box, c *composition, h float64) (form, float64) {
	maxS, minS := l.sizes(b)
	var best form
	size := 0.0
	for _, tier := range c.tiers {
		for _, f := range tier {
			if s, ok, _ := fit(maxS, minS, h, func(s float64) float64 { h, _ := f.height(setter{l.fonts, s}); return h }); ok && s > size {
				best, size = f, s
			}
		}
		if best != nil {
			break
		}
	}
	return best, size
}

// typeset tags a composition's blocks, fits it into box b (inner area r)
// and places it.
func (l *layouter) typeset(b *Box, r rect, c *composition) {
	l.tag(b, c.blocks, 0)
	best, size := l.largest(b, c, r.h)
	if best == nil {
		// None fits: the design's own form, at its smallest size, and its
		// overflow reported.
		var own form
		n := 0
		for _, tier := range c.tiers {
			for _, f := range tier {
				if n == c.own {
					own = f
				}
				n++
			}
		}
		maxS, minS := l.sizes(b)
		ownSize, _, ownExcess := fit(maxS, minS, r.h, func(s float64) float64 { h, _ := own.height(setter{l.fonts, s}); return h })
		best, size = own, ownSize
		_, cut := best.height(setter{l.fonts, size})
		if c.overflow != nil {
			c.overflow(size, ownExcess, cut)
		} else {
			l.overflow(b, ownExcess, size*lead(b), cut)
		}
	}
	l.pg.Fitted = append(l.pg.Fitted, Fit{b.ID, size})
	best.place(l.pg, setter{l.fonts, size})
}

// stack is the plain arrangement: paragraphs one under the other, at the
// top of the area or centred in its height; then what after places with
// them (a footer's logo, a local block's links).
type stack struct {
	paras  []Para
	r      rect
	centre bool
	after  func(pg *Page, st setter, blk block, top float64)
}

func (s *stack) height(st setter) (float64, string) { return st.measure(s.paras, s.r.w) }

func (s *stack) place(pg *Page, st setter) {
	blk := st.set(s.paras, s.r.w)
	top := s.r.y
	if s.centre && blk.height < s.r.h {
		top = s.r.y + (s.r.h-blk.height)/2
	}
	st.emit(pg, blk, s.r.x, top, s.r.w)
	if s.after != nil {
		s.after(pg, st, blk, top)
	}
}

// stacked is a composition of blocks set as a stack in r.
func stacked(blocks []Block, r rect, centre bool) *composition {
	return one(blocks, &stack{paras: textParas(blocks), r: r, centre: centre})
}
