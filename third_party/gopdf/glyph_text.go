package gopdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Glyph is one glyph of a shaped run (the output of a shaper such as
// HarfBuzz or go-text/typesetting), in visual order: left to right as it
// is drawn, also for a right-to-left run.
type Glyph struct {
	// ID is the glyph's index in the font (its glyph id), not a character.
	ID uint16
	// Advance moves the pen after the glyph, in the document's unit at the
	// run's font size.
	Advance float64
	// DX, DY offset the glyph from the pen position, in the document's
	// unit; DY goes up (as a shaper gives it), unlike gopdf's y.
	DX, DY float64
	// Text is the characters of the glyph's cluster, in logical order, on
	// the cluster's first glyph; "" on its other glyphs. A ligature's glyph
	// has several characters ("ffi"); the glyphs of a base letter and its
	// marks share one cluster.
	Text string
}

// GlyphTextOption tells GlyphText how readers get the run's text back.
type GlyphTextOption struct {
	// ActualText, when set, is the run's text as it is read: the run is
	// written inside a marked-content sequence /Span <</ActualText …>>
	// BDC … EMC, which text extraction (pdftotext, MuPDF, screen readers)
	// takes instead of the glyphs' /ToUnicode text.
	ActualText string
	// RTL marks a right-to-left run: its glyphs are in visual order, the
	// reverse of the reading order, so it always gets an /ActualText: the
	// given one, or the glyphs' texts taken from right to left.
	RTL bool
}

// ErrGlyphID is returned by GlyphText for a glyph id the font does not have.
var ErrGlyphID = errors.New("glyph id not in font")

// GlyphText draws a shaped run at the current position (SetXY: x is where
// the run's pen starts, y its baseline, as for Text) with the current
// font, size and text colour, inside whatever marked content is open
// (BeginMarkedContent). The pen moves by each glyph's Advance, each glyph
// is drawn at the pen plus its DX, DY: the run's own positions, so the
// font's kerning and the character spacing (SetCharSpacing) are not
// applied. The current x moves to the end of the run.
//
// The glyphs are kept in the font subset by id, whether or not the font's
// cmap reaches them, with their widths. The font's /ToUnicode maps each
// glyph to its Text (several characters for a ligature); a glyph drawn
// with two different texts (a mark first in one cluster and not in
// another) maps to the lowest, and each run in which a glyph would read
// wrong gets an /ActualText with its glyphs' texts, as RTL runs do (see
// GlyphTextOption). Texts that differ only by which space character they
// are (U+0020, U+00A0, U+202F…) read as the mapped one.
func (gp *GoPdf) GlyphText(glyphs []Glyph, opt GlyphTextOption) error {
	sub := gp.curr.FontISubset
	if sub == nil {
		return errors.New("GlyphText: no font set")
	}
	n := sub.ttfp.NumGlyphs()
	run := make([]Glyph, len(glyphs))
	adv := 0.0
	for i, g := range glyphs {
		if uint(g.ID) >= n {
			return fmt.Errorf("GlyphText: glyph %d of %s: %w", g.ID, sub.Family, ErrGlyphID)
		}
		gp.UnitsToPointsVar(&g.Advance, &g.DX, &g.DY)
		run[i] = g
		adv += g.Advance
	}
	sub.addGlyphs(run)
	c := &cacheContentGlyphs{
		fontSubset:     sub,
		fontCountIndex: gp.curr.FontFontCount + 1,
		fontSize:       gp.curr.FontSize,
		textColor:      gp.curr.textColor(),
		txtColorMode:   gp.curr.txtColorMode,
		x:              gp.curr.X,
		y:              gp.curr.Y,
		pageheight:     gp.curr.pageSize.H,
		glyphs:         run,
		actualText:     opt.ActualText,
		rtl:            opt.RTL,
	}
	gp.getContent().listCache.append(c)
	gp.curr.X += adv
	return nil
}

// GlyphIndex returns the glyph the current font's cmap gives r (e.g. the
// space a caller adds at the end of a run so that copied text has it).
func (gp *GoPdf) GlyphIndex(r rune) (uint16, error) {
	sub := gp.curr.FontISubset
	if sub == nil {
		return 0, errors.New("GlyphIndex: no font set")
	}
	g, err := sub.CharCodeToGlyphIndex(r)
	if err != nil {
		return 0, fmt.Errorf("%q in %s: %w", r, sub.Family, err)
	}
	return uint16(g), nil
}

// glyphUse is what glyph runs (GlyphText) used of a font.
type glyphUse struct {
	order []uint          // glyph ids in the order of first use
	seen  map[uint]bool   // the glyph ids of order
	text  map[uint]string // each glyph's lowest non-empty text
	// version counts changes of text, so that the merged map (toUnicode)
	// is made again only when something changed.
	version int
}

// addGlyphs records the glyphs and texts of a run.
func (s *SubsetFontObj) addGlyphs(run []Glyph) {
	u := s.glyphs
	if u == nil {
		u = &glyphUse{seen: map[uint]bool{}, text: map[uint]string{}}
		s.glyphs = u
	}
	for _, g := range run {
		id := uint(g.ID)
		if !u.seen[id] {
			u.seen[id] = true
			u.order = append(u.order, id)
			u.version++
		}
		if g.Text == "" {
			continue
		}
		if t, ok := u.text[id]; !ok || g.Text < t {
			u.text[id] = g.Text
			u.version++
		}
	}
}

// glyphIDs returns the glyphs the subset needs besides those of the
// cmap characters: the glyph runs' glyphs in order of first use.
func (s *SubsetFontObj) glyphIDs() []uint {
	if s.glyphs == nil {
		return nil
	}
	return s.glyphs.order
}

// toUnicode returns the text each glyph maps to in the /ToUnicode CMap of
// a font that glyph runs used: the lowest of the characters (AddChars)
// and run texts that use it. Glyphs with no text are not in it.
func (s *SubsetFontObj) toUnicode() map[uint]string {
	key := [2]int{len(s.CharacterToGlyphIndex.Keys), 0}
	if s.glyphs != nil {
		key[1] = s.glyphs.version
	}
	if s.unicodeMemo != nil && s.unicodeMemoKey == key {
		return s.unicodeMemo
	}
	m := map[uint]string{}
	if s.glyphs != nil {
		for id, t := range s.glyphs.text {
			m[id] = t
		}
	}
	cm := s.CharacterToGlyphIndex
	for i, r := range cm.Keys {
		id := cm.Vals[i]
		t := string(r)
		if old, ok := m[id]; !ok || t < old {
			m[id] = t
		}
	}
	s.unicodeMemo, s.unicodeMemoKey = m, key
	return m
}

// readsAs tells whether a glyph mapped to mapped reads right where its
// run says want.
func readsAs(mapped, want string) bool {
	if mapped == want {
		return true
	}
	return isOneSpace(mapped) && isOneSpace(want)
}

func isOneSpace(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n > 0 && n == len(s) && unicode.Is(unicode.Zs, r)
}

// cacheContentGlyphs is a glyph run in a page's content stream.
type cacheContentGlyphs struct {
	fontSubset     *SubsetFontObj
	fontCountIndex int
	fontSize       float64
	textColor      ICacheColorText
	txtColorMode   string
	x, y           float64 // points; y from the top of the page
	pageheight     float64
	glyphs         []Glyph // in points
	actualText     string
	rtl            bool
}

// runText returns the text the run reads as: its glyphs' texts in reading
// order.
func (c *cacheContentGlyphs) runText() string {
	var b []byte
	if c.rtl {
		for i := len(c.glyphs) - 1; i >= 0; i-- {
			b = append(b, c.glyphs[i].Text...)
		}
	} else {
		for _, g := range c.glyphs {
			b = append(b, g.Text...)
		}
	}
	return string(b)
}

// readText returns the /ActualText the run needs, or "".
func (c *cacheContentGlyphs) readText() string {
	if c.actualText != "" {
		return c.actualText
	}
	m := c.fontSubset.toUnicode()
	for _, g := range c.glyphs {
		if !readsAs(m[uint(g.ID)], g.Text) {
			return c.runText()
		}
	}
	return ""
}

func (c *cacheContentGlyphs) write(w io.Writer, protection *PDFProtection) error {
	actual := c.readText()
	b := make([]byte, 0, 96+12*len(c.glyphs)+4*len(actual))
	if actual != "" {
		b = append(b, "/Span <</ActualText <FEFF"...)
		b = appendUTF16Hex(b, actual)
		b = append(b, ">>> BDC\n"...)
	}
	b = append(b, "BT\n"...)
	b = appendFixed2(b, c.x)
	b = append(b, ' ')
	b = appendFixed2(b, c.pageheight-c.y)
	b = append(b, " Td\n/F"...)
	b = strconv.AppendInt(b, int64(c.fontCountIndex), 10)
	b = append(b, ' ')
	b = append(b, FormatFloatTrim(c.fontSize)...)
	b = append(b, " Tf 0 Tc\n"...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	b = b[:0]
	if c.txtColorMode == "color" {
		if err := c.textColor.write(w, protection); err != nil {
			return err
		}
	}

	// Positions in thousandths of the font size (TJ's unit), relative to
	// the run's start: pen is where the shaper's pen is, at where the
	// text position is after the glyphs written so far.
	toText := 1000 / c.fontSize
	var pen, at, rise float64
	open := false
	pens := make([]float64, len(c.glyphs))
	for i, g := range c.glyphs {
		pens[i] = pen
		pen += g.Advance
	}
	for k := range c.glyphs {
		i := k
		if c.rtl {
			// Right to left: written in reading order, from the right, so
			// that readers that follow the content stream (MuPDF) read
			// the characters in logical order; those that sort by
			// position (poppler) find them where they are drawn.
			i = len(c.glyphs) - 1 - k
		}
		g := c.glyphs[i]
		pen = pens[i]
		dy := round2(g.DY)
		if dy != rise {
			if open {
				b = append(b, "] TJ\n"...)
				open = false
			}
			b = appendFixed2(b, dy)
			b = append(b, " Ts\n"...)
			rise = dy
		}
		if !open {
			b = append(b, '[')
			open = true
		}
		move := round2((pen+g.DX)*toText - at)
		if move != 0 {
			b = strconv.AppendFloat(b, -move, 'f', -1, 64)
		}
		b = append(b, '<')
		b = appendHex4(b, uint(g.ID))
		b = append(b, '>')
		at += move + float64(c.fontSubset.GlyphIndexToPdfWidth(uint(g.ID)))
	}
	if open {
		b = append(b, "] TJ\n"...)
	}
	if rise != 0 {
		b = append(b, "0 Ts\n"...)
	}
	b = append(b, "ET\n"...)
	if actual != "" {
		b = append(b, "EMC\n"...)
	}
	_, err := w.Write(b)
	return err
}

// round2 rounds v to two decimals, as the content stream writes it.
func round2(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0 // no "-0"
	}
	return r
}

// appendUTF16Hex appends s as UTF-16BE in hex digits.
func appendUTF16Hex(b []byte, s string) []byte {
	for _, u := range utf16.Encode([]rune(s)) {
		b = appendHex4(b, uint(u))
	}
	return b
}

// makeGlyphCMap writes the ToUnicode CMap of a font that glyph runs used:
// each mapped glyph, in glyph order, to its text in UTF-16BE (bfchar
// entries, at most 100 per block as the CMap format asks).
func (u *UnicodeMap) makeGlyphCMap() []byte {
	m := u.PtrToSubsetFontObj.toUnicode()
	ids := make([]int, 0, len(m))
	for id := range m {
		ids = append(ids, int(id))
	}
	sort.Ints(ids)
	b := []byte("/CIDInit /ProcSet findresource begin\n" +
		"12 dict begin\n" +
		"begincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n" +
		"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n")
	for len(ids) > 0 {
		n := min(len(ids), 100)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for _, id := range ids[:n] {
			b = append(b, '<')
			b = appendHex4(b, uint(id))
			b = append(b, "><"...)
			b = appendUTF16Hex(b, m[uint(id)])
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
		ids = ids[n:]
	}
	b = append(b, "endcmap CMapName currentdict /CMap defineresource pop end end\n"...)
	return b
}
