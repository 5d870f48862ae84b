package layout

import (
	"math"
	"slices"
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
	// Isolate sets the paragraph in the direction of its first strong
	// character, not the edition's: a name ("119 – Allô enfance en
	// danger", "Arrêtons les violences (PNAV)") reads as it is written in
	// an Arabic poster, as an HTML <bdi> does on the site.
	Isolate bool
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

// frag is a part of a word in one style, one face and one direction,
// shaped on its own.
type frag struct {
	span  *Span
	text  string
	width float64
	role  Role    // the face that sets it: the span's role or a fallback (shape.go)
	level uint8   // bidi level (bidi.go): odd is right to left
	sh    *shaped // its glyphs, in font units
}

// word is an unbreakable unit; space is the width of the space after it
// (0 when the next word is glued to it: the next piece of a word broken at
// a soft hyphen, after a "/" of a long URL, or between characters).
type word struct {
	frags  []frag
	width  float64
	space  float64
	spaceR *Span   // the style of that space
	spaceF Role    // the face of that space
	spaceL uint8   // the bidi level of that space
	brk    bool    // a forced line break follows
	hyph   float64 // the width of the hyphen drawn when a line ends here (a soft hyphen); 0 for no hyphen
	kernN  float64 // the kerning between this piece and the next piece of its word (set on the same line)
	cut    bool    // broken between two characters for want of a better place
	whole  string  // the word this piece was cut from (when cut)
}

// line is a set line.
type line struct {
	words  []word
	hyphen *frag // the hyphen drawn after the last word (a break at a soft hyphen)
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

const softHyphen = '\u00ad'

// words splits a paragraph into words at ordinary spaces (never inside a
// phone number), then each word into pieces at its possible breaks (see
// pieces). Every rune is measured once per size: the work is linear in the
// length of the text, however long a word is.
func (s setter) words(p *Para, maxW float64) []word {
	// The paragraph as one run of runes, each with its span.
	n := 0
	for i := range p.Spans {
		n += len(p.Spans[i].Text)
	}
	rs := make([]rune, 0, n)
	sps := make([]int32, 0, n)
	for i := range p.Spans {
		f := s.fonts[p.Spans[i].Role]
		for _, r := range p.Spans[i].Text {
			if r == '\u202f' && f != nil && !f.hasNarrowSp {
				r = '\u00a0' // the font has no narrow no-break space
			}
			rs = append(rs, r)
			sps = append(sps, int32(i))
		}
	}
	kinds := tokens(rs)
	opts := s.opts()
	var prot, held []bool
	if opts.hyph != nil {
		prot = opts.protected(rs)
	}
	if len(opts.hold) > 0 {
		held = textOpts{never: opts.hold}.protected(rs)
	}
	// Itemise: the face of each rune (nil: the span's role for all) and
	// its bidi level (nil: all left to right).
	var faces []Role
	if opts.fallback != nil {
		faces = make([]Role, len(rs))
		var prev Role
		for i, r := range rs {
			faces[i] = s.faceFor(r, p.Spans[sps[i]].Role, prev, opts.fallback, kinds[i] != notToken)
			prev = faces[i]
		}
	}
	rtl := opts.rtl
	if p.Isolate {
		rtl = firstStrongRTL(rs, rtl)
	}
	lv := levels(rs, kinds, rtl)
	var ws []word
	start := 0
	for j := 0; j <= len(rs); j++ {
		if j < len(rs) {
			if r := rs[j]; r != ' ' && r != '\n' && r != '\t' || kinds[j] == phoneToken {
				continue
			}
			if rs[j] == ' ' && held != nil && held[j] {
				continue // a space inside a service's name (BEE SECURE): held like a no-break space
			}
		}
		var space float64
		var spaceR *Span
		var spaceF Role
		var spaceL uint8
		brk := false
		if j < len(rs) {
			spaceR = &p.Spans[sps[j]]
			spaceF = spaceR.Role
			if faces != nil {
				spaceF = faces[j]
			}
			if lv != nil {
				spaceL = lv[j]
			}
			space = s.fonts[spaceF].Width(" ", s.fontSize(spaceR))
			brk = rs[j] == '\n'
		}
		before := len(ws)
		if j > start {
			var pr []bool
			if prot != nil {
				pr = prot[start:j]
			}
			it := itemised{}
			if faces != nil {
				it.faces = faces[start:j]
			}
			if lv != nil {
				it.levels = lv[start:j]
			}
			ws = s.pieces(ws, p, rs[start:j], sps[start:j], kinds[start:j], pr, it, maxW, opts)
		}
		if len(ws) > before {
			last := &ws[len(ws)-1]
			last.space, last.spaceR, last.brk = space, spaceR, brk
			last.spaceF, last.spaceL = spaceF, spaceL
		} else if brk && len(ws) > 0 {
			ws[len(ws)-1].brk = true
		}
		start = j + 1
	}
	return ws
}

// itemised is the itemisation of a word's runes: the face and the bidi level
// of each (nil: the span's role, level 0).
type itemised struct {
	faces  []Role
	levels []uint8
}

// Break classes between two runes of a word.
const (
	cutBreak   = iota // between two characters: only for want of a better place
	plainBreak        // after / . - in an ordinary word, after / in a URL
	softBreak         // at a soft hyphen: a hyphen is drawn when the line breaks there
)

// pieces measures one word (the runes between two spaces) and appends it
// to ws as glued pieces: one piece per soft hyphen when the word fits the
// width; when it does not, pieces no wider than maxW, broken at the
// furthest soft hyphen, or after / . - in an ordinary word, or after a "/"
// in a URL (never inside an e-mail address or a phone number; in relaxed
// mode also before a dot of a URL or an address, or before its "@"), else
// (last resort, marked cut) between characters. A word without a soft
// hyphen gets its hyphenation points (see hyphenate in breaks.go) as soft
// hyphens; prot marks the runes of names never hyphenated.
func (s setter) pieces(ws []word, p *Para, rs []rune, sps []int32, kinds []tokenKind, prot []bool, it itemised, maxW float64, opts textOpts) []word {
	// Soft hyphens are invisible: drop them, remembering where they were.
	var soft []bool
	for _, r := range rs {
		if r == softHyphen {
			soft = make([]bool, len(rs)+1)
			break
		}
	}
	if soft != nil {
		var nrs []rune
		var nsps []int32
		var nk []tokenKind
		var nit itemised
		for i, r := range rs {
			if r == softHyphen {
				soft[len(nrs)] = true
				continue
			}
			nrs, nsps, nk = append(nrs, r), append(nsps, sps[i]), append(nk, kinds[i])
			if it.faces != nil {
				nit.faces = append(nit.faces, it.faces[i])
			}
			if it.levels != nil {
				nit.levels = append(nit.levels, it.levels[i])
			}
		}
		rs, sps, kinds, it = nrs, nsps, nk, nit
	} else if opts.hyph != nil && len(rs) >= opts.hyph.Left+opts.hyph.Right {
		soft = make([]bool, len(rs)+1)
		if !opts.hyphenate(rs, kinds, prot, soft) {
			soft = nil
		}
	}
	n := len(rs)
	if n == 0 {
		return ws
	}
	// A segment is a run of runes of one span, one face and one level:
	// each is shaped whole once (memoised per face), which gives the
	// advance of each rune (a cluster's on its first rune) to choose
	// breaks with: prefix[i] is the width of rs[:i]. The pieces finally
	// made are shaped on their own (build).
	face := func(i int) Role {
		if it.faces != nil {
			return it.faces[i]
		}
		return p.Spans[sps[i]].Role
	}
	level := func(i int) uint8 {
		if it.levels != nil {
			return it.levels[i]
		}
		return 0
	}
	same := func(i, j int) bool {
		return sps[i] == sps[j] && face(i) == face(j) && level(i) == level(j)
	}
	type segment struct {
		a, b int
		text string
		sh   *shaped
	}
	shapeOf := func(a, b int, text string) *shaped {
		return s.fonts[face(a)].shapeText(text, rs[a:b], level(a)%2 == 1)
	}
	scaleOf := func(i int) float64 {
		return s.fontSize(&p.Spans[sps[i]]) / s.fonts[face(i)].UnitsPerEm
	}
	// Shaping puts the kerning in the advances: the pieces of a word
	// have no kerning between them.
	var segs []segment
	prefix := make([]float64, n+1)
	for a := 0; a < n; {
		b := a + 1
		for b < n && same(a, b) {
			b++
		}
		text := string(rs[a:b])
		sh, sc := shapeOf(a, b, text), scaleOf(a)
		segs = append(segs, segment{a, b, text, sh})
		for i := a; i < b; i++ {
			prefix[i+1] = prefix[i] + sh.runeAdv[i-a]*sc
		}
		a = b
	}
	width := func(a, b int) float64 { return prefix[b] - prefix[a] }
	hyphen := func(k int) float64 {
		sp := &p.Spans[sps[k-1]]
		return s.fonts[sp.Role].Width("-", s.fontSize(sp))
	}
	relax := s.relaxed()
	class := func(k int) int {
		a, b := kinds[k-1], kinds[k]
		switch {
		case a == urlToken && b == urlToken:
			if rs[k-1] == '/' && rs[k] != '/' || relax && rs[k] == '.' && rs[k-1] != '/' {
				return plainBreak
			}
			return cutBreak
		case a == emailToken && b == emailToken && relax && (rs[k] == '.' || rs[k] == '@'):
			return plainBreak
		case a != notToken || b != notToken:
			return cutBreak
		case soft != nil && soft[k]:
			return softBreak
		case strings.ContainsRune("/.-", rs[k-1]) && unicode.IsLetter(rs[k]) || rs[k-1] == '/':
			return plainBreak
		case rs[k-1] == ' ': // a name held together (words) that is wider than the line
			return plainBreak
		}
		return cutBreak
	}
	var whole string
	build := func(a, b int) word {
		var nw word
		for i := a; i < b; {
			j := i + 1
			for j < b && same(i, j) {
				j++
			}
			var text string
			var sh *shaped
			for _, sg := range segs {
				if sg.a == i && sg.b == j {
					text, sh = sg.text, sg.sh // the whole segment: shaped already
					break
				}
			}
			if sh == nil {
				text = string(rs[i:j])
				sh = shapeOf(i, j, text)
			}
			wd := sh.width * scaleOf(i)
			if nw.frags == nil {
				nw.frags = make([]frag, 0, 1)
			}
			nw.frags = append(nw.frags, frag{span: &p.Spans[sps[i]], text: text, width: wd, role: face(i), level: level(i), sh: sh})
			nw.width += wd
			i = j
		}
		return nw
	}
	if width(0, n) <= maxW || maxW <= 0 {
		// The word fits: it may still break at its soft hyphens.
		start := 0
		for k := 1; k < n && soft != nil; k++ {
			if class(k) == softBreak {
				nw := build(start, k)
				nw.hyph = hyphen(k)
				ws = append(ws, nw)
				start = k
			}
		}
		return append(ws, build(start, n))
	}
	// Too wide: greedy pieces, each scan starting where the last piece
	// ended (each rune is looked at a bounded number of times).
	for start := 0; start < n; {
		end, brk := n, plainBreak
		if width(start, n) > maxW {
			best, bestClass, fit := -1, cutBreak, start+1
			for k := start + 1; k < n; k++ {
				wk := width(start, k)
				if wk > maxW {
					break
				}
				fit = k
				switch c := class(k); {
				case c == plainBreak, c == softBreak && wk+hyphen(k) <= maxW:
					best, bestClass = k, c
				}
			}
			end, brk = fit, cutBreak
			if best > start {
				end, brk = best, bestClass
			}
		}
		nw := build(start, end)
		switch {
		case end == n:
		case brk == softBreak:
			nw.hyph = hyphen(end)
		case brk == cutBreak:
			if whole == "" {
				whole = string(rs)
			}
			nw.cut, nw.whole = true, whole
		}
		ws = append(ws, nw)
		start = end
	}
	return ws
}

// wrap sets words into lines no wider than maxW: total-fit, or greedily
// when the box asks (see breaks.go).
func (s setter) wrap(p *Para, maxW float64) []line { return s.wrapRec(p, maxW, nil) }

// wrapRec wraps and, when rec is not nil, adds the quality of the
// paragraph's breaks to it (see quality.go).
func (s setter) wrapRec(p *Para, maxW float64, rec *boxStats) []line {
	ws := s.words(p, maxW)
	var ls []line
	if !s.opts().greedy {
		ls = s.wrapTotalFit(ws, p, maxW)
	} else {
		ls = s.wrapGreedy(ws, p, maxW)
	}
	if rec != nil {
		// The engine as it was: greedy, no hyphenation, same size and
		// width, and the same faces and direction (the language's
		// fallbacks and bidi are facts of the text, not choices of the
		// breaker: without them an Arabic paragraph would be measured in
		// Lato's .notdef boxes, left to right, and the comparison would
		// be between different widths).
		o := s.opts()
		// The names held together too: the words must be the same.
		old := setter{withOpts(s.fonts, textOpts{greedy: true, fallback: o.fallback, rtl: o.rtl, hold: o.hold}), s.size}
		rec.add(ls, old.wrapGreedy(old.words(p, maxW), p, maxW), maxW)
	}
	return ls
}

// wrapGreedy sets words into lines no wider than maxW, greedily, then
// avoids a lone word on the last line when the line before can give one.
func (s setter) wrapGreedy(ws []word, p *Para, maxW float64) []line {
	var lines []line
	var cur []word
	curW := 0.0
	for _, w := range ws {
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			if curW+prev.space+prev.kernN+w.width+w.hyph > maxW+1e-6 {
				lines = append(lines, s.line(cur, p))
				cur, curW = nil, 0
			} else {
				curW += prev.space + prev.kernN
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
			l.width += w.space + w.kernN
		}
		for _, f := range w.frags {
			maxSize = math.Max(maxSize, s.fontSize(f.span))
		}
	}
	if len(ws) == 0 {
		// nothing to set
	} else if last := ws[len(ws)-1]; last.hyph > 0 && len(last.frags) > 0 {
		f := last.frags[len(last.frags)-1]
		l.hyphen = &frag{span: f.span, text: "-", width: last.hyph, role: f.span.Role, level: f.level}
		l.width += last.hyph
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
	return s.setRec(paras, maxW, s.opts().stats)
}

// setRec sets paragraphs, adding the quality of their breaks to rec when
// it is not nil. The fitting's trial sets (measure) record nothing.
func (s setter) setRec(paras []Para, maxW float64, rec *boxStats) block {
	b := block{paras: paras}
	for i := range paras {
		p := &paras[i]
		ls := s.wrapRec(p, maxW, rec)
		if i > 0 || len(b.lines) > 0 {
			b.height += p.SpaceBefore * s.size
		}
		for _, l := range ls {
			b.height += l.height
			for _, w := range l.words {
				if w.cut && b.cut == "" {
					b.cut = w.whole
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

// emitLine merges neighbouring fragments of one face, style and
// direction into single runs, in visual order (see bidi.go), each with
// its shaped glyphs.
func emitLine(pg *Page, l line, x, base float64, s setter) {
	// The line's pieces in logical order: fragments, the spaces between
	// words, the hyphen of a broken word.
	type piece struct {
		f      *frag
		space  *word // the space after this word
		hyphen bool
		level  uint8
	}
	np := 1
	for wi := range l.words {
		np += len(l.words[wi].frags) + 1
	}
	ps := make([]piece, 0, np)
	mixed := false
	for wi := range l.words {
		w := &l.words[wi]
		for fi := range w.frags {
			f := &w.frags[fi]
			ps = append(ps, piece{f: f, level: f.level})
			mixed = mixed || f.level != 0
		}
		if wi < len(l.words)-1 && (w.space > 0 || w.kernN != 0) {
			ps = append(ps, piece{space: w, level: w.spaceL})
			mixed = mixed || w.spaceL != 0
		}
	}
	if h := l.hyphen; h != nil {
		lvl := uint8(0)
		if len(ps) > 0 {
			lvl = ps[len(ps)-1].level
		}
		ps = append(ps, piece{hyphen: true, level: lvl})
	}
	order := make([]int, len(ps))
	if mixed {
		lv := make([]uint8, len(ps))
		for i := range ps {
			lv[i] = ps[i].level
		}
		order = reorder(lv)
	} else {
		for i := range order {
			order[i] = i
		}
	}
	// One buffer holds the line's glyphs; each run takes its part.
	ng := 0
	for _, pc := range ps {
		switch {
		case pc.f != nil:
			ng += len(pc.f.sh.glyphs)
		case pc.space != nil:
			ng++
		}
	}
	buf := make([]Glyph, 0, ng)
	var cur *Text
	parts := make([]string, 0, 2*len(l.words)) // the current run's texts, in visual order
	start := 0                                 // where the current run's glyphs start in buf
	first := len(pg.Texts)
	// The runs are placed in visual order but kept in reading (logical)
	// order: a reader of the content (MuPDF, pdf.js, the structure's text
	// a screen reader gets) takes a line's runs in the order they are
	// written, so a mixed line ("3018 : لحذف …") written left to right
	// would read its runs backwards. keys[i] is the logical index of the
	// first piece of the line's i-th run.
	keys := make([]int, 0, 4)
	cmin := -1 // the logical index of the current run's first piece
	defer func() {
		if mixed {
			idx := make([]int, len(keys))
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(a, b int) int { return keys[a] - keys[b] })
			runs := slices.Clone(pg.Texts[first:])
			for i, k := range idx {
				pg.Texts[first+i] = runs[k]
			}
		}
		// The runs of one line move together when a page is mirrored.
		for i := first; i < len(pg.Texts); i++ {
			pg.Texts[i].line = int32(first + 1)
		}
	}()
	add := func(text string, width float64) {
		parts = append(parts, text)
		cur.Width += width
	}
	flush := func() {
		if cur != nil {
			cur.Glyphs = buf[start:len(buf):len(buf)]
			switch {
			case len(parts) == 1:
				cur.Text = parts[0]
			case cur.RTL:
				slices.Reverse(parts) // the run's text in logical order
				cur.Text = strings.Join(parts, "")
			default:
				cur.Text = strings.Join(parts, "")
			}
			if cur.Text != "" {
				pg.Texts = append(pg.Texts, *cur)
				keys = append(keys, cmin)
			}
		}
		cur, parts, start, cmin = nil, parts[:0], len(buf), -1
	}
	for _, pi := range order {
		pc := ps[pi]
		note := func() {
			if cmin < 0 || pi < cmin {
				cmin = pi
			}
		}
		rtl := pc.level%2 == 1
		switch {
		case pc.f != nil:
			f := pc.f
			size := s.fontSize(f.span)
			if cur == nil || cur.Role != f.role || cur.Size != size || cur.Color != f.span.Color || cur.Elem != f.span.Elem || cur.RTL != rtl {
				flush()
				cur = &Text{X: x, Y: base, Role: f.role, Size: size, Color: f.span.Color, Elem: f.span.Elem, RTL: rtl}
			}
			buf = f.sh.appendScaled(buf, size/s.fonts[f.role].UnitsPerEm)
			add(f.text, f.width)
			note()
			x += f.width
		case pc.space != nil:
			w := pc.space
			x += w.kernN
			if cur != nil {
				cur.Width += w.kernN
			}
			if w.space <= 0 {
				continue
			}
			if cur != nil && w.spaceR != nil && cur.Role == w.spaceF && cur.Elem == w.spaceR.Elem && cur.RTL == rtl && cur.Size == s.fontSize(w.spaceR) {
				f := s.fonts[w.spaceF]
				buf = f.shapeString(" ").appendScaled(buf, cur.Size/f.UnitsPerEm)
				add(" ", w.space)
				note()
			} else {
				flush()
			}
			x += w.space
		case pc.hyphen:
			// The hyphen of a word broken at the line end is a run of its
			// own outside the structure (an artifact, Elem 0): a screen
			// reader and the structure's text get the word whole
			// ("signalement"); pdftotext joins "signa-" and "lement" itself.
			h := l.hyphen
			flush()
			size := s.fontSize(h.span)
			f := s.fonts[h.span.Role]
			t := Text{X: x, Y: base, Role: h.span.Role, Size: size, Color: h.span.Color, Text: h.text, Width: h.width}
			t.Glyphs = f.shapeString(h.text).scaled(size / f.UnitsPerEm)
			pg.Texts = append(pg.Texts, t)
			keys = append(keys, pi)
			x += h.width
			start = len(buf)
		}
	}
	flush()
}
