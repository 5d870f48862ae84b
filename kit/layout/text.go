package layout

import (
	"math"
	"strings"
	"unicode"
)

// Span is a piece of text in one style. Scale multiplies the base size of
// the box (1 for body text, 1.2 for a heading…).
type Span struct {
	Text  string
	Role  Role
	Color Color
	Scale float64
	Elem  int // the structure element its text belongs to (Page.Elems), set by the layout before emitting
}

// Align is the horizontal alignment of a paragraph.
type Align string

const (
	Left   Align = "left"
	Center Align = "center"
)

// Para is a paragraph: spans wrapped together.
type Para struct {
	Spans       []Span
	Align       Align
	SpaceBefore float64 // in units of the base size
	Leading     float64 // line height as a multiple of the largest size on the line; 0 means 1.2
	Tag         ParaTag // its place in the page's structure (structure.go)
}

// Emphasis splits s at **markers** into spans: regular text in role base,
// emphasised text in role strong.
func Emphasis(s string, base, strong Role, c Color, scale float64) []Span {
	var spans []Span
	bold := false
	for {
		i := strings.Index(s, "**")
		part := s
		if i >= 0 {
			part = s[:i]
		}
		if part != "" {
			r := base
			if bold {
				r = strong
			}
			spans = append(spans, Span{Text: part, Role: r, Color: c, Scale: scale})
		}
		if i < 0 {
			return spans
		}
		s = s[i+2:]
		bold = !bold
	}
}

// frag is a part of a word in one style.
type frag struct {
	span  *Span
	text  string
	width float64
}

// word is an unbreakable unit; space is the width of the space after it
// (0 when the next word is glued to it, as inside a long URL).
type word struct {
	frags  []frag
	width  float64
	space  float64
	spaceR *Span // the style of that space
	brk    bool  // a forced line break follows
	cut    bool  // broken between two characters for want of a better place
}

// line is a set line.
type line struct {
	words  []word
	width  float64
	height float64 // line height (leading included)
	ascent float64 // max font size on the line, for the baseline
}

// setter measures and wraps text at a given base size.
type setter struct {
	fonts Fonts
	size  float64
}

func (s setter) fontSize(sp *Span) float64 {
	sc := sp.Scale
	if sc == 0 {
		sc = 1
	}
	return s.size * sc
}

// words splits a paragraph into words at ordinary spaces, measuring each.
func (s setter) words(p *Para, maxW float64) []word {
	var ws []word
	cur := word{}
	flush := func(space float64, sp *Span, brk bool) {
		if len(cur.frags) > 0 {
			cur.space, cur.spaceR, cur.brk = space, sp, brk
			ws = append(ws, s.splitLong(cur, maxW)...)
		} else if brk && len(ws) > 0 {
			ws[len(ws)-1].brk = true
		}
		cur = word{}
	}
	for i := range p.Spans {
		sp := &p.Spans[i]
		f := s.fonts[sp.Role]
		size := s.fontSize(sp)
		text := f.Sanitize(sp.Text)
		start := 0
		for j, r := range text {
			if r != ' ' && r != '\n' && r != '\t' {
				continue
			}
			if j > start {
				t := text[start:j]
				w := f.Width(t, size)
				cur.frags = append(cur.frags, frag{sp, t, w})
				cur.width += w
			}
			flush(f.Width(" ", size), sp, r == '\n')
			start = j + 1
		}
		if start < len(text) {
			t := text[start:]
			w := f.Width(t, size)
			cur.frags = append(cur.frags, frag{sp, t, w})
			cur.width += w
		}
	}
	flush(0, nil, false)
	return ws
}

// splitLong breaks a word wider than maxW into glued pieces: after / . - in
// URLs and hyphenated words, else (last resort) between characters.
func (s setter) splitLong(w word, maxW float64) []word {
	if w.width <= maxW || maxW <= 0 {
		return []word{w}
	}
	// Flatten to runes with their styles.
	type rr struct {
		r  rune
		sp *Span
	}
	var rs []rr
	for _, f := range w.frags {
		for _, r := range f.text {
			rs = append(rs, rr{r, f.span})
		}
	}
	build := func(a, b int) word {
		var nw word
		for i := a; i < b; {
			j := i
			for j < b && rs[j].sp == rs[i].sp {
				j++
			}
			var sb strings.Builder
			for k := i; k < j; k++ {
				sb.WriteRune(rs[k].r)
			}
			t := sb.String()
			wd := s.fonts[rs[i].sp.Role].Width(t, s.fontSize(rs[i].sp))
			nw.frags = append(nw.frags, frag{rs[i].sp, t, wd})
			nw.width += wd
			i = j
		}
		return nw
	}
	measure := func(a, b int) float64 { return build(a, b).width }
	var out []word
	start := 0
	for start < len(rs) {
		end := len(rs)
		if measure(start, end) > maxW {
			// The furthest break after / . - that fits, else the most characters that fit.
			best, fit := -1, start+1
			for k := start + 1; k < len(rs); k++ {
				if measure(start, k) > maxW {
					break
				}
				fit = k
				if strings.ContainsRune("/.-", rs[k-1].r) && unicode.IsLetter(rs[k].r) || rs[k-1].r == '/' {
					best = k
				}
			}
			end = fit
			if best > start {
				end = best
			}
		}
		nw := build(start, end)
		nw.cut = end < len(rs) && end == start+1 || end < len(rs) && !strings.ContainsRune("/.-", rs[end-1].r)
		out = append(out, nw)
		start = end
	}
	last := &out[len(out)-1]
	last.space, last.spaceR, last.brk = w.space, w.spaceR, w.brk
	return out
}

// wrap sets words into lines no wider than maxW, greedily, then avoids a
// lone word on the last line when the line before can give one.
func (s setter) wrap(p *Para, maxW float64) []line {
	ws := s.words(p, maxW)
	var lines []line
	var cur []word
	curW := 0.0
	for _, w := range ws {
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			if curW+prev.space+w.width > maxW+1e-6 {
				lines = append(lines, s.line(cur, p))
				cur, curW = nil, 0
			} else {
				curW += prev.space
			}
		}
		cur = append(cur, w)
		curW += w.width
		if w.brk {
			lines = append(lines, s.line(cur, p))
			cur, curW = nil, 0
		}
	}
	if len(cur) > 0 {
		lines = append(lines, s.line(cur, p))
	}
	// No widow: a single word alone on the last line takes a companion
	// from the line above when that line keeps at least two words.
	if n := len(lines); n >= 2 {
		last, prev := lines[n-1], lines[n-2]
		if len(last.words) == 1 && len(prev.words) >= 3 && !prev.words[len(prev.words)-1].brk && prev.words[len(prev.words)-2].space > 0 {
			moved := prev.words[len(prev.words)-1]
			nl := s.line(append([]word{moved}, last.words...), p)
			if nl.width <= maxW {
				lines[n-2] = s.line(prev.words[:len(prev.words)-1], p)
				lines[n-1] = nl
			}
		}
	}
	return lines
}

func (s setter) line(ws []word, p *Para) line {
	l := line{words: append([]word(nil), ws...)}
	maxSize := 0.0
	for i, w := range ws {
		l.width += w.width
		if i < len(ws)-1 {
			l.width += w.space
		}
		for _, f := range w.frags {
			maxSize = math.Max(maxSize, s.fontSize(f.span))
		}
	}
	if maxSize == 0 {
		maxSize = s.size
	}
	lead := p.Leading
	if lead == 0 {
		lead = 1.2
	}
	l.height = maxSize * lead
	l.ascent = maxSize
	return l
}

// block is paragraphs set at one size.
type block struct {
	paras  []Para
	lines  [][]line
	height float64
	cut    string // a word that had to be cut between characters
}

// fitHeight is the height to compare with a box: infinite when a word had
// to be cut (a phone number or a name must never be split).
func (b block) fitHeight() float64 {
	if b.cut != "" {
		return math.Inf(1)
	}
	return b.height
}

// set wraps every paragraph at base size into width maxW.
func (s setter) set(paras []Para, maxW float64) block {
	b := block{paras: paras}
	for i := range paras {
		p := &paras[i]
		ls := s.wrap(p, maxW)
		if i > 0 || len(b.lines) > 0 {
			b.height += p.SpaceBefore * s.size
		}
		for _, l := range ls {
			b.height += l.height
			for _, w := range l.words {
				if w.cut && b.cut == "" {
					for _, f := range w.frags {
						b.cut += f.text
					}
				}
			}
		}
		b.lines = append(b.lines, ls)
	}
	return b
}

// emit positions the lines of a block in a box whose top-left is (x, y) and
// width w, appending text runs to the page. It returns the y below the
// block.
func (s setter) emit(pg *Page, b block, x, y, w float64) float64 {
	for i, ls := range b.lines {
		p := &b.paras[i]
		if i > 0 {
			y += p.SpaceBefore * s.size
		}
		for _, l := range ls {
			// Baseline: the line's own height is split so that the cap
			// height sits in the upper part, as in print.
			base := y + (l.height-l.ascent)/2 + l.ascent*0.8
			lx := x
			if p.Align == Center {
				lx = x + (w-l.width)/2
			}
			emitLine(pg, l, lx, base, s)
			y += l.height
		}
	}
	return y
}

// emitLine merges neighbouring fragments of one style into single runs.
func emitLine(pg *Page, l line, x, base float64, s setter) {
	var cur *Text
	flush := func() {
		if cur != nil && cur.Text != "" {
			pg.Texts = append(pg.Texts, *cur)
		}
		cur = nil
	}
	for wi, w := range l.words {
		for _, f := range w.frags {
			size := s.fontSize(f.span)
			if cur == nil || cur.Role != f.span.Role || cur.Size != size || cur.Color != f.span.Color || cur.Elem != f.span.Elem {
				flush()
				cur = &Text{X: x, Y: base, Role: f.span.Role, Size: size, Color: f.span.Color, Elem: f.span.Elem}
			}
			cur.Text += f.text
			cur.Width += f.width
			x += f.width
		}
		if wi < len(l.words)-1 && w.space > 0 {
			if cur != nil && w.spaceR != nil && cur.Role == w.spaceR.Role && cur.Elem == w.spaceR.Elem {
				cur.Text += " "
				cur.Width += w.space
			} else {
				flush()
			}
			x += w.space
		}
	}
	flush()
}
