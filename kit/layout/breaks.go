package layout

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/awarekit/awarekit/kit/hyphen"
)

// Line breaking. A paragraph is set "total-fit" (after Knuth and Plass,
// for ragged-right text): of all the ways to break it into lines no wider
// than the box, the breaker takes one with the fewest lines (so that the
// fitting finds the largest size: greedy filling gives that count too),
// and among those the one of least cost: the squared unused width of each
// line but the last of a paragraph, plus penalties for a line ending in a
// hyphen, for two such lines in a row, for a hyphen on the line before
// the last, for a last line much shorter than the box and for a last line
// of one word under a longer one. A design may ask for greedy breaks on a
// box (breaks: greedy): each line takes as many words as fit.
//
// Words are hyphenated with the edition language's Liang patterns
// (kit/hyphen) unless they hold a soft hyphen (the data's breaks win), are
// written in capitals, belong to a URL, an e-mail address or a phone
// number, touch a hyphen or a slash, or are part of a name the edition
// lists under no_hyphenation.

// textOpts is how a box's text is set; it travels with the fonts (under a
// role no design uses, as the relaxed mode does) so that every setter of a
// box picks it up.
type textOpts struct {
	hyph   *hyphen.Patterns
	never  []string // names never hyphenated
	hold   []string // names never broken at their spaces either (the edition's no_hyphenation: BEE SECURE)
	greedy bool
	stats  *boxStats // when not nil, the final sets of a box record their quality (quality.go)
	// fallback faces of the edition's language, by role (shape.go), and
	// its direction (bidi.go)
	fallback map[Role][]Role
	rtl      bool
}

const optsRole Role = "\x00opts"

// withOpts returns fonts carrying o.
func withOpts(f Fonts, o textOpts) Fonts {
	r := make(Fonts, len(f)+1)
	for k, v := range f {
		r[k] = v
	}
	r[optsRole] = &Font{opts: &o}
	return r
}

// opts returns how s sets text (the zero value: no hyphenation, total-fit).
func (s setter) opts() textOpts {
	if f := s.fonts[optsRole]; f != nil && f.opts != nil {
		return *f.opts
	}
	return textOpts{}
}

// protected marks the runes of rs that belong to a name never hyphenated
// (matched whole, ignoring case); nil when none does.
func (o textOpts) protected(rs []rune) []bool {
	if len(o.never) == 0 || len(rs) == 0 {
		return nil
	}
	var lower []rune
	var mask []bool
	for k, name := range o.never {
		if k > 0 && name == o.never[k-1] {
			continue // a name as printed and as written, when they are the same (layout.go)
		}
		nr := []rune(name)
		if len(nr) == 0 || len(nr) > len(rs) {
			continue
		}
		if lower == nil {
			lower = make([]rune, len(rs))
			for i, r := range rs {
				lower[i] = unicode.ToLower(r)
			}
		}
		first := unicode.ToLower(nr[0])
		for i := 0; i+len(nr) <= len(lower); i++ {
			if lower[i] != first {
				continue
			}
			k := 1
			for k < len(nr) && lower[i+k] == unicode.ToLower(nr[k]) {
				k++
			}
			if k < len(nr) {
				continue
			}
			if i > 0 && isLetterOrDigit(lower[i-1]) || i+len(nr) < len(lower) && isLetterOrDigit(lower[i+len(nr)]) {
				continue
			}
			if mask == nil {
				mask = make([]bool, len(rs))
			}
			for k := i; k < i+len(nr); k++ {
				mask[k] = true
			}
		}
	}
	return mask
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isWordLetter(r rune) bool { return unicode.IsLetter(r) || r == '\'' || r == '’' }

// hyphenate marks in soft (len(rs)+1) the points where the patterns allow
// a hyphen in the word rs; it reports whether it marked any.
func (o textOpts) hyphenate(rs []rune, kinds []tokenKind, prot []bool, soft []bool) bool {
	any := false
	for a := 0; a < len(rs); {
		if !unicode.IsLetter(rs[a]) {
			a++
			continue
		}
		b := a
		for b < len(rs) && isWordLetter(rs[b]) {
			b++
		}
		run := rs[a:b]
		ok := len(run) >= o.hyph.Left+o.hyph.Right && !hyphen.Capitals(run) &&
			(a == 0 || !strings.ContainsRune("-/‐–@_.", rs[a-1]) && !unicode.IsDigit(rs[a-1])) &&
			(b == len(rs) || !strings.ContainsRune("-/‐–@_", rs[b]) && !unicode.IsDigit(rs[b]))
		for k := a; ok && k < b; k++ {
			if kinds[k] != notToken || prot != nil && prot[k] {
				ok = false
			}
		}
		if ok {
			for _, p := range o.hyph.Points(run) {
				soft[a+p] = true
				any = true
			}
		}
		a = b
	}
	return any
}

// brkItem is what the breaker knows of a word: its width, the width of
// the space after it, the width of the hyphen drawn when a line ends
// after it (0: no hyphen), and whether a line must end after it.
type brkItem struct {
	width, space, hyph float64
	forced             bool
	glued              bool // no space after it: the next item is the rest of its word
}

// Penalties, as squares of a share of the line width (the unit of the
// cost of a line: its squared unused width).
const (
	hyphenCost      = 0.25 // a line ending in a hyphen: as if a quarter of it were empty
	twoHyphensCost  = 0.35 // and the line before ended in one too
	finalHyphenCost = 0.5  // the line before a paragraph's last ends in a hyphen (TeX's \finalhyphendemerits): the word is cut where it is read last, and in a two-line text (a contact's purpose) the cut is what the eye sees
	shortLastShare  = 0.2  // a last line shorter than this share of the width…
	shortLastCost   = 0.3  // …costs this
	loneLastCost    = 0.45 // a last line of one word under a line of several
	maxWordsPerLine = 512  // the breaker's look-back: no line holds more items
)

// totalFit breaks items into lines no wider than maxW and returns the
// index of the last item of each line. A line ends after an item that
// forces it and after the last item; a single item wider than maxW gets
// a line of its own. The work is O(n·k): each break looks back only over
// the items that fit on one line (at most maxWordsPerLine).
func totalFit(items []brkItem, maxW float64) []int { return totalFitWith(items, maxW, true) }

// totalFitPlain is totalFit without the penalties for the last line.
func totalFitPlain(items []brkItem, maxW float64) []int { return totalFitWith(items, maxW, false) }

func totalFitWith(items []brkItem, maxW float64, lastRules bool) []int {
	var ends []int
	for a := 0; a < len(items); {
		b := a
		for b < len(items)-1 && !items[b].forced {
			b++
		}
		ends = append(ends, totalFitSegment(items, a, b, maxW, lastRules)...)
		a = b + 1
	}
	return ends
}

// totalFitSegment breaks items[a..b] (no forced break inside), b the last.
func totalFitSegment(items []brkItem, a, b int, maxW float64, lastRules bool) []int {
	n := b - a + 1
	// pos[k] is the width of items a..a+k-1 with their spaces.
	pos := make([]float64, n+1)
	for k := 0; k < n; k++ {
		it := items[a+k]
		pos[k+1] = pos[k] + it.width + it.space
	}
	width := func(i, j int) float64 { // items a+i..a+j on one line
		return pos[j+1] - pos[i] - items[a+j].space + items[a+j].hyph
	}
	type state struct {
		lines int
		cost  float64
		from  int // the first item of the line ending here
	}
	W2 := maxW * maxW
	// best[j+1]: the best way to set items 0..j with a line ending after j.
	best := make([]state, n+1)
	// word[k]: the first item of the word that item k is part of.
	word := make([]int, n)
	for k := range n {
		word[k] = k
		if k > 0 && items[a+k-1].glued {
			word[k] = word[k-1]
		}
	}
	for j := range n {
		best[j+1] = state{lines: math.MaxInt}
		last := j == n-1
		for i := j; i >= 0 && j-i < maxWordsPerLine; i-- {
			w := width(i, j)
			if w > maxW+1e-6 && i < j {
				break
			}
			prev := best[i]
			if prev.lines == math.MaxInt {
				continue
			}
			var c float64
			if !last {
				u := math.Max(maxW-w, 0)
				c = u * u
				if items[a+j].hyph > 0 {
					c += hyphenCost * hyphenCost * W2
					if i > 0 && items[a+i-1].hyph > 0 {
						c += twoHyphensCost * twoHyphensCost * W2
					}
				}
			} else if i > 0 && items[a+i-1].hyph > 0 {
				c += finalHyphenCost * finalHyphenCost * W2
			}
			if last && i > 0 && lastRules {
				if w < shortLastShare*maxW {
					c += shortLastCost * shortLastCost * W2
				}
				// One word alone under a line of several words.
				if word[j] <= i && word[i-1] > best[i].from {
					c += loneLastCost * loneLastCost * W2
				}
			}
			st := state{prev.lines + 1, prev.cost + c, i}
			if st.lines < best[j+1].lines || st.lines == best[j+1].lines && st.cost < best[j+1].cost-1e-9 {
				best[j+1] = st
			}
		}
	}
	var ends []int
	for j := n; j > 0; j = best[j].from {
		ends = append(ends, a+j-1)
	}
	slices.Reverse(ends)
	return ends
}

// oldBreaks are the breaks of the engine before total-fit on the same
// items: no hyphenation (pieces joined at a hyphen point are one word),
// greedy filling, then a lone last word takes a companion from the line
// above when that line keeps at least two words.
func oldBreaks(items []brkItem, maxW float64) []int {
	// Merge the pieces of a word joined at a hyphenation point.
	var merged []brkItem
	var last []int // the original index of each merged item's last piece
	for k := 0; k < len(items); k++ {
		it := items[k]
		for it.hyph > 0 && it.glued && k+1 < len(items) {
			k++
			nx := items[k]
			it = brkItem{width: it.width + it.space + nx.width, space: nx.space, hyph: nx.hyph, forced: nx.forced, glued: nx.glued}
		}
		merged = append(merged, it)
		last = append(last, k)
	}
	ends := greedyBreaks(merged, maxW)
	if n := len(ends); n >= 2 {
		a := 0
		if n >= 3 {
			a = ends[n-3] + 1
		}
		b := ends[n-2] // the line before the last: merged items a..b
		if ends[n-1] == b+1 && b-a+1 >= 3 && !merged[b].forced && !merged[b-1].glued {
			w := merged[b].width + merged[b].space + merged[b+1].width
			if w <= maxW+1e-6 {
				ends[n-2] = b - 1
			}
		}
	}
	for i, e := range ends {
		ends[i] = last[e]
	}
	return ends
}

// greedyBreaks fills each line with as many items as fit (the breaks of
// wrapGreedy before its widow rule), for comparison.
func greedyBreaks(items []brkItem, maxW float64) []int {
	var ends []int
	curW, start := 0.0, 0
	for k, it := range items {
		if k > start {
			prev := items[k-1]
			if curW+prev.space+it.width+it.hyph > maxW+1e-6 {
				ends = append(ends, k-1)
				start, curW = k, 0
			} else {
				curW += prev.space
			}
		}
		curW += it.width
		if it.forced || k == len(items)-1 {
			ends = append(ends, k)
			start, curW = k+1, 0
		}
	}
	return ends
}

// fitsWidth reports whether every line of several items is no wider than
// maxW.
func fitsWidth(items []brkItem, ends []int, maxW float64) bool {
	start := 0
	for _, e := range ends {
		w := items[e].hyph
		for k := start; k <= e; k++ {
			w += items[k].width
			if k < e {
				w += items[k].space
			}
		}
		if e > start && w > maxW+1e-6 {
			return false
		}
		start = e + 1
	}
	return true
}

// raggedness is the sum of the squared unused widths of the lines that
// end a paragraph or a forced line (the last lines excluded), and the
// number of lines ending in a hyphen.
func raggedness(items []brkItem, ends []int, maxW float64) (r float64, hyphens int) {
	start := 0
	for _, e := range ends {
		w := 0.0
		for k := start; k <= e; k++ {
			w += items[k].width
			if k < e {
				w += items[k].space
			}
		}
		w += items[e].hyph
		if items[e].hyph > 0 {
			hyphens++
		}
		if e < len(items)-1 && !items[e].forced {
			u := math.Max(maxW-w, 0)
			r += u * u
		}
		start = e + 1
	}
	return r, hyphens
}

func brkItems(ws []word) []brkItem {
	items := make([]brkItem, len(ws))
	for i, w := range ws {
		items[i] = brkItem{width: w.width, space: w.space + w.kernN, hyph: w.hyph, forced: w.brk, glued: w.space == 0}
	}
	return items
}

// wrapTotalFit sets words into lines with totalFit. The penalties for the
// last line trade raggedness for a better last line; they are kept only
// when the paragraph is no more ragged than the engine before total-fit
// gave (oldBreaks); else the breaks with hyphen penalties only, if they
// are no more ragged, else the old breaks.
func (s setter) wrapTotalFit(ws []word, p *Para, maxW float64) []line {
	items := brkItems(ws)
	ends := totalFit(items, maxW)
	if old := oldBreaks(items, maxW); len(ends) > 1 && fitsWidth(items, old, maxW) {
		rOld, _ := raggedness(items, old, maxW)
		if r, _ := raggedness(items, ends, maxW); r > rOld+1e-6 {
			ends = totalFitPlain(items, maxW)
			if r, _ := raggedness(items, ends, maxW); r > rOld+1e-6 || len(ends) > len(old) {
				ends = old
			}
		}
	}
	lines := make([]line, 0, len(ends))
	start := 0
	for _, e := range ends {
		lines = append(lines, s.line(ws[start:e+1], p))
		start = e + 1
	}
	return lines
}
