package layout

import (
	gobidi "github.com/go-text/typesetting/bidi"
	"golang.org/x/text/unicode/bidi"
)

// Bidirectional text. A paragraph's direction comes from the edition's
// language (i18n/locale/<lang>.yaml: direction), not from its first strong
// character: an Arabic paragraph that opens with a French name still reads
// right to left. The Unicode Bidirectional Algorithm gives each character
// a level (even: left to right; odd: right to left): go-text/typesetting's
// bidi, which passes Unicode's conformance tests (x/text's resolved no
// bracket pair: "Arrêtons les violences (PNAV)" in an Arabic paragraph
// printed "((PNAV"). URLs, e-mail addresses and phone numbers are forced left to
// right, whole, whatever surrounds them. Lines are broken in logical
// order; each line is then reordered for display (rule L2: reverse every
// maximal sequence at or above each odd level, from the highest down).

// levels returns the bidi embedding level of each rune of rs, or nil when
// every rune is at level 0 (a left-to-right paragraph with no
// right-to-left character: the usual case, computed for nothing).
func levels(rs []rune, kinds []tokenKind, rtl bool) []uint8 {
	if !rtl {
		any := false
		for _, r := range rs {
			if r >= 0x0590 && isRTLRune(r) {
				any = true
				break
			}
		}
		if !any {
			return nil
		}
	}
	// The bidi package stops at a paragraph separator: a forced line
	// break is a separator of lines, not of paragraphs, for the levels.
	buf := make([]rune, len(rs))
	for i, r := range rs {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		buf[i] = r
	}
	base := uint8(0)
	dir := gobidi.LeftToRight
	if rtl {
		base, dir = 1, gobidi.RightToLeft
	}
	lv := make([]uint8, len(rs))
	var p gobidi.Paragraph
	runs := p.Segment(buf, dir)
	if runs.NumRuns() == 0 {
		for i := range lv {
			lv[i] = base
		}
	}
	for i := 0; i < runs.NumRuns(); i++ {
		run := runs.Run(i)
		for k := run.Start; k < run.End && k < len(lv); k++ {
			lv[k] = uint8(run.Level)
		}
	}
	// Tokens read left to right, whole.
	for i, k := range kinds {
		if k != notToken && lv[i]%2 == 1 {
			lv[i]++
		}
	}
	return lv
}

// firstStrongRTL reports whether the first strong character of rs (a
// letter of a script with a direction) is right to left; def when rs has
// none (digits and punctuation only).
func firstStrongRTL(rs []rune, def bool) bool {
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return def
}

// isRTLRune reports a character of a right-to-left script (Hebrew,
// Arabic, Syriac, Thaana, N'Ko… and their presentation forms).
func isRTLRune(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// reorder returns the visual order of items whose levels are lv (rule L2
// of the bidi algorithm).
func reorder(lv []uint8) []int {
	idx := make([]int, len(lv))
	hi, lo := uint8(0), uint8(255)
	for i, l := range lv {
		idx[i] = i
		hi, lo = max(hi, l), min(lo, l)
	}
	if lo%2 == 0 {
		lo++
	}
	cur := append([]uint8(nil), lv...)
	for l := hi; l >= lo && l > 0; l-- {
		for i := 0; i < len(cur); {
			if cur[i] < l {
				i++
				continue
			}
			j := i
			for j < len(cur) && cur[j] >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				idx[a], idx[b] = idx[b], idx[a]
				cur[a], cur[b] = cur[b], cur[a]
			}
			i = j
		}
	}
	return idx
}
