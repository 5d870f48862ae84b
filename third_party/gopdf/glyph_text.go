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
	// BDC … EMC, which poppler and screen readers take instead of the
	// glyphs' /ToUnicode text (MuPDF 1.21 does not). The glyphs' own
	// texts read right without it.
	ActualText string
	// RTL marks a right-to-left run: its glyphs are in visual order, the
	// reverse of the reading order; they are written in reading order.
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
// cmap reaches them, with their widths. Each glyph is written with a
// character code (CID) whose /ToUnicode entry is its text: the glyph id
// itself for the first text a glyph is drawn with, another code mapped to
// the same glyph (CIDToGIDMap) for each other text, so a glyph drawn with
// two texts (a mark in two clusters, a letter first in one cluster and not
// in another) reads right in both. A cluster's characters are spread over
// its glyphs in reading order (a base letter and its mark each get their
// own), the last glyph taking the rest (a ligature gets all of its
// characters). In a right-to-left run the characters of a ligature but
// the last are carried by invisible, zero-width blank glyphs placed across
// the ligature from the right, so that readers that sort characters by
// position (poppler) and those that follow the content stream (MuPDF)
// both read them in logical order. Texts that differ only by which space
// character they are (U+0020, U+00A0, U+202F…) count as one.
func (gp *GoPdf) GlyphText(glyphs []Glyph, opt GlyphTextOption) error {
	sub := gp.curr.FontISubset
	if sub == nil {
		return errors.New("GlyphText: no font set")
	}
	n := sub.ttfp.NumGlyphs()
	adv := 0.0
	for _, g := range glyphs {
		if uint(g.ID) >= n {
			return fmt.Errorf("GlyphText: glyph %d of %s: %w", g.ID, sub.Family, ErrGlyphID)
		}
		adv += g.Advance
	}
	k := gp.UnitsToPoints(1) // the unit conversion is a factor
	c := &cacheContentGlyphs{
		fontSubset:     sub,
		fontCountIndex: gp.curr.FontFontCount + 1,
		fontSize:       gp.curr.FontSize,
		textColor:      gp.curr.textColor(),
		txtColorMode:   gp.curr.txtColorMode,
		x:              gp.curr.X,
		y:              gp.curr.Y,
		pageheight:     gp.curr.pageSize.H,
		codes:          sub.glyphUse().encode(sub, glyphs, k, gp.curr.FontSize, opt.RTL),
		actualText:     opt.ActualText,
	}
	gp.getContent().listCache.append(c)
	gp.curr.X += adv * k
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

// glyphUse is what glyph runs (GlyphText) used of a font: the glyphs, and
// the character codes they are written with.
type glyphUse struct {
	order []uint        // glyph ids in the order of first use
	seen  map[uint]bool // the glyph ids of order
	// primary is the text of the code that is the glyph id itself: the
	// lowest character the cmap gives the glyph (Text) if it had one when
	// a run first used the glyph, else the run's text.
	primary map[uint]string
	// extra are the other codes, from base (the font's number of glyphs)
	// on, in the order of first use; codes finds them.
	base  uint
	extra []extraCode
	codes map[extraCode]uint16
	blank int // the blank glyph carrying characters (the space); -1: none; -2: not looked up
	// version counts changes, so that the merged map (toUnicode) is made
	// again only when something changed.
	version int
}

// extraCode is a code that is not its glyph id: a glyph with another
// text, or a blank glyph (zero width) carrying a ligature's character.
type extraCode struct {
	gid   uint16
	text  string
	blank bool
}

// blankInset is how far inside a ligature's right edge, in ems, each
// blank glyph carrying one of its characters is placed.
const blankInset = 0.02

// maxCode is the last character code of Identity-H.
const maxCode = 0xFFFF

func (s *SubsetFontObj) glyphUse() *glyphUse {
	if s.glyphs == nil {
		s.glyphs = &glyphUse{
			seen:    map[uint]bool{},
			primary: map[uint]string{},
			codes:   map[extraCode]uint16{},
			base:    s.ttfp.NumGlyphs(),
			blank:   -2,
		}
	}
	return s.glyphs
}

// use records glyph id as used.
func (u *glyphUse) use(id uint) {
	if !u.seen[id] {
		u.seen[id] = true
		u.order = append(u.order, id)
		u.version++
	}
}

// code returns the code that draws glyph id and reads as text.
func (u *glyphUse) code(s *SubsetFontObj, id uint16, text string, blank bool) uint16 {
	u.use(uint(id))
	if !blank && text != "" {
		p, ok := u.primary[uint(id)]
		if !ok {
			p, ok = s.lowestChar(uint(id))
			if !ok {
				p = text
			}
			u.primary[uint(id)] = p
			u.version++
		}
		if readsAs(p, text) {
			return id
		}
	}
	k := extraCode{id, text, blank}
	if c, ok := u.codes[k]; ok {
		return c
	}
	if u.base+uint(len(u.extra)) > maxCode {
		return id // no code left: reads as the glyph's first text
	}
	c := uint16(u.base + uint(len(u.extra)))
	u.extra = append(u.extra, k)
	u.codes[k] = c
	u.version++
	return c
}

// lowestChar returns the lowest character the cmap path (AddChars) mapped
// to glyph id.
func (s *SubsetFontObj) lowestChar(id uint) (string, bool) {
	var low rune = -1
	cm := s.CharacterToGlyphIndex
	for i, v := range cm.Vals {
		if v == id && (low < 0 || cm.Keys[i] < low) {
			low = cm.Keys[i]
		}
	}
	if low < 0 {
		return "", false
	}
	return string(low), true
}

// blankGlyph returns the font's blank glyph that carries a ligature's
// characters, or -1: a glyph without outline, preferably of zero advance
// (a zero-width space or joiner), else the space's; its /W width is its
// own (PDF/UA asks widths consistent with the font program).
func (u *glyphUse) blankGlyph(s *SubsetFontObj) int {
	if u.blank != -2 {
		return u.blank
	}
	u.blank = -1
	empty := func(g uint) bool {
		loca := s.ttfp.LocaTable
		return g != 0 && int(g)+1 < len(loca) && loca[g+1] == loca[g]
	}
	for _, r := range []rune{'\u200b', '\u2060', '\u200d', '\u200c', '\ufeff', ' '} {
		g, err := s.CharCodeToGlyphIndex(r)
		if err != nil || !empty(g) {
			continue
		}
		if s.GlyphIndexToPdfWidth(g) == 0 {
			u.blank = int(g)
			return u.blank
		}
		if r == ' ' {
			u.blank = int(g)
		}
	}
	return u.blank
}

// glyphCode is one code of a run as the content stream writes it.
type glyphCode struct {
	code  uint16
	x, y  float64 // where its origin is, points from the run's start, y up
	width float64 // its /W width, thousandths of the font size
}

// encode turns a run (k points per document unit, set at size points)
// into the codes the
// content stream writes, in reading order, each at its place.
func (u *glyphUse) encode(s *SubsetFontObj, run []Glyph, k, size float64, rtl bool) []glyphCode {
	pens := make([]float64, len(run)+1) // points
	for i, g := range run {
		pens[i+1] = pens[i] + g.Advance*k
	}
	out := make([]glyphCode, 0, len(run)+2)
	add := func(i int, text string) {
		g := run[i]
		c := u.code(s, g.ID, text, false)
		out = append(out, glyphCode{code: c, x: pens[i] + g.DX*k, y: g.DY * k, width: float64(s.GlyphIndexToPdfWidth(uint(g.ID)))})
	}
	// A cluster: a glyph with text and the glyphs without text that
	// follow it (visual order), visited in reading order.
	cluster := func(from, to int) {
		m := to - from
		text := run[from].Text
		if m == 1 && (!rtl || utf8.RuneCountInString(text) <= 1) {
			add(from, text) // one glyph: its characters, a ligature's all of them
			return
		}
		runes := []rune(text)
		if rtl {
			if extra := len(runes) - m; extra > 0 {
				if b := u.blankGlyph(s); b >= 0 {
					// The characters but the last m on blank glyphs,
					// across the cluster from its right end.
					left, w := pens[from], pens[to]-pens[from]
					em := min(size, w/float64(extra+1)/blankInset)
					for j := 0; j < extra; j++ {
						// (Just inside the ligature's right edge: poppler
						// reads a blank further in as a word of its own,
						// or puts a space before it, and one on the edge
						// out of order.)
						c := u.code(s, uint16(b), string(runes[j]), true)
						out = append(out, glyphCode{code: c, x: left + w - float64(j+1)*blankInset*em, width: float64(s.GlyphIndexToPdfWidth(uint(b)))})
					}
					runes = runes[extra:]
				}
			}
		}
		for j := 0; j < m; j++ {
			i := from + j // the cluster's glyphs in reading order
			if rtl {
				i = to - 1 - j
			}
			var t string
			switch {
			case j == m-1 && j < len(runes):
				t = string(runes[j:])
			case j < len(runes):
				t = string(runes[j])
			}
			add(i, t)
		}
	}
	if rtl {
		for to := len(run); to > 0; {
			from := to - 1
			for from > 0 && run[from].Text == "" {
				from--
			}
			cluster(from, to)
			to = from
		}
	} else {
		for from := 0; from < len(run); {
			to := from + 1
			for to < len(run) && run[to].Text == "" {
				to++
			}
			cluster(from, to)
			from = to
		}
	}
	return out
}

// toUnicode returns the text each code maps to in the /ToUnicode CMap of
// a font that glyph runs used. Codes with no text are not in it.
func (s *SubsetFontObj) toUnicode() map[uint]string {
	u := s.glyphs
	key := [2]int{len(s.CharacterToGlyphIndex.Keys), u.version}
	if s.unicodeMemo != nil && s.unicodeMemoKey == key {
		return s.unicodeMemo
	}
	m := map[uint]string{}
	cm := s.CharacterToGlyphIndex
	for i, r := range cm.Keys {
		id := cm.Vals[i]
		if t, ok := m[id]; !ok || string(r) < t {
			m[id] = string(r)
		}
	}
	for id, t := range u.primary {
		m[id] = t
	}
	for i, e := range u.extra {
		if e.text != "" {
			m[u.base+uint(i)] = e.text
		}
	}
	s.unicodeMemo, s.unicodeMemoKey = m, key
	return m
}

// readsAs tells whether a code mapped to mapped reads right where its run
// says want.
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
	codes          []glyphCode
	actualText     string
}

func (c *cacheContentGlyphs) write(w io.Writer, protection *PDFProtection) error {
	actual := c.actualText
	b := make([]byte, 0, 96+12*len(c.codes)+4*len(actual))
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

	// Positions in thousandths of the font size (TJ's unit), from the
	// run's start: at is where the text position is after the codes
	// written so far.
	toText := 1000 / c.fontSize
	var at, rise float64
	open := false
	for _, g := range c.codes {
		dy := round2(g.y)
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
		move := round2(g.x*toText - at)
		if move != 0 {
			b = strconv.AppendFloat(b, -move, 'f', -1, 64)
		}
		b = append(b, '<')
		b = appendHex4(b, uint(g.code))
		b = append(b, '>')
		at += move + g.width
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

// glyphIDs returns the glyphs the subset needs besides those of the
// cmap characters: the glyph runs' glyphs in order of first use.
func (s *SubsetFontObj) glyphIDs() []uint {
	if s.glyphs == nil {
		return nil
	}
	return s.glyphs.order
}

// extraCodes returns the codes glyph runs use that are not glyph ids, from
// s.glyphs.base on.
func (s *SubsetFontObj) extraCodes() []extraCode {
	if s.glyphs == nil {
		return nil
	}
	return s.glyphs.extra
}

// cidToGIDMapObj is the CIDToGIDMap stream of a font whose glyph runs use
// codes that are not glyph ids: the glyph of each code, two bytes big
// endian, the codes below base their own glyph ids.
type cidToGIDMapObj struct {
	sub     *SubsetFontObj
	getRoot func() *GoPdf
}

func (o cidToGIDMapObj) init(func() *GoPdf) {}

func (o cidToGIDMapObj) getType() string { return "CIDToGIDMap" }

func (o cidToGIDMapObj) write(w io.Writer, objID int) error {
	u := o.sub.glyphs
	data := make([]byte, 0, 2*(int(u.base)+len(u.extra)))
	for c := uint(0); c < u.base; c++ {
		data = append(data, byte(c>>8), byte(c))
	}
	for _, e := range u.extra {
		data = append(data, byte(e.gid>>8), byte(e.gid))
	}
	gp := o.getRoot()
	filter := ""
	if level := gp.compressLevel; level != 0 {
		z, err := deflate(data, level)
		if err != nil {
			return err
		}
		data, filter = z, "/Filter /FlateDecode\n"
	}
	if p := gp.protection(); p != nil {
		enc, err := rc4Cip(p.objectkey(objID), data)
		if err != nil {
			return err
		}
		data = enc
	}
	fmt.Fprintf(w, "<<\n/Length %d\n%s>>\nstream\n", len(data), filter)
	w.Write(data)
	_, err := io.WriteString(w, "\nendstream\n")
	return err
}

// prepareCIDToGIDMaps adds the CIDToGIDMap stream of each font whose
// glyph runs use codes that are not glyph ids (once), after every other
// object; other fonts keep the Identity default.
func (gp *GoPdf) prepareCIDToGIDMaps() {
	for _, o := range gp.pdfObjs {
		ci, ok := o.(*CIDFontObj)
		if !ok || ci.indexObjCIDToGIDMap > 0 || len(ci.PtrToSubsetFontObj.extraCodes()) == 0 {
			continue
		}
		ci.indexObjCIDToGIDMap = gp.addObj(cidToGIDMapObj{sub: ci.PtrToSubsetFontObj, getRoot: func() *GoPdf { return gp }})
	}
}
