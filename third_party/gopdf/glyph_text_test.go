package gopdf

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// arabicFontPath is Noto Sans Arabic (a TrueType font with glyf outlines,
// composite glyphs and marks): the copy awarekit embeds
// (kit/layout/fonts, OFL), so that the tests need no system font.
const arabicFontPath = "../../kit/layout/fonts/NotoSansArabic-Regular.ttf"

// arabicFamily is the Arabic font's family in the tests, with a subset tag
// (PDF 32000-1 §9.6.4) so that pdffonts reports the subset.
const arabicFamily = "QWERTY+NotoSansArabic-Regular"

// family returns a case's font's family.
func (c *shapedCase) family() string {
	if c.font == "arabic" {
		return arabicFamily
	}
	return c.font
}

// shapedCase is a run shaped by hb-shape (testdata/shaped.txt).
type shapedCase struct {
	name, font, text string
	rtl              bool
	hb               []struct {
		G      uint16 `json:"g"`
		Cl     int    `json:"cl"`
		DX, DY float64
		AX     float64 `json:"ax"`
	}
}

var (
	shapedOnce  sync.Once
	shapedCases map[string]*shapedCase
	shapedErr   error
	glyphFonts  *FontContainer
)

// shaped returns the case of testdata/shaped.txt named name.
func shaped(t testing.TB, name string) *shapedCase {
	t.Helper()
	shapedOnce.Do(func() {
		f, err := os.Open("testdata/shaped.txt")
		if err != nil {
			shapedErr = err
			return
		}
		defer f.Close()
		shapedCases = map[string]*shapedCase{}
		var c *shapedCase
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ": ")
			if !ok || strings.HasPrefix(k, "#") {
				continue
			}
			switch k {
			case "name":
				c = &shapedCase{name: v}
				shapedCases[v] = c
			case "font":
				c.font = v
			case "dir":
				c.rtl = v == "rtl"
			case "text":
				c.text = v
			case "glyphs":
				if err := json.Unmarshal([]byte(v), &c.hb); err != nil {
					shapedErr = err
					return
				}
			}
		}
		glyphFonts = &FontContainer{}
		if err := glyphFonts.AddTTFFont("lato", testFontPath); err != nil {
			shapedErr = err
			return
		}
		shapedErr = glyphFonts.AddTTFFont(arabicFamily, arabicFontPath)
	})
	if shapedErr != nil {
		t.Fatal(shapedErr)
	}
	c := shapedCases[name]
	if c == nil {
		t.Fatalf("no case %s in testdata/shaped.txt", name)
	}
	return c
}

// glyphs converts the case to glyphs at size points, for a font of upem
// units per em: each cluster's text (from its character index, as
// hb-shape gives clusters, to the next cluster's) on its first glyph in
// visual order, as a shaper's client gives it.
func (c *shapedCase) glyphs(size float64, upem uint) []Glyph {
	text := []rune(c.text)
	starts := map[int]bool{}
	for _, g := range c.hb {
		starts[g.Cl] = true
	}
	var cl []int
	for s := range starts {
		cl = append(cl, s)
	}
	sort.Ints(cl)
	end := func(s int) int {
		i := sort.SearchInts(cl, s)
		if i+1 < len(cl) {
			return cl[i+1]
		}
		return len(text)
	}
	scale := size / float64(upem)
	done := map[int]bool{}
	out := make([]Glyph, len(c.hb))
	for i, g := range c.hb {
		out[i] = Glyph{ID: g.G, Advance: g.AX * scale, DX: g.DX * scale, DY: g.DY * scale}
		if !done[g.Cl] {
			done[g.Cl] = true
			out[i].Text = string(text[g.Cl:end(g.Cl)])
		}
	}
	return out
}

// glyphDoc writes one page with the runs, one a line, at 24 pt, each in
// a marked-content sequence of a P element.
func glyphDoc(t testing.TB, cache *FontSubsetCache, runs ...*shapedCase) []byte {
	t.Helper()
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetCompressLevel(0)
	gp.SetFontSubsetCache(cache)
	doc := gp.AddStructElement(nil, "Document")
	added := map[string]bool{}
	for _, c := range runs {
		if !added[c.font] {
			added[c.font] = true
			if err := gp.AddTTFFontFromFontContainer(c.family(), glyphFonts); err != nil {
				t.Fatal(err)
			}
		}
	}
	gp.AddPage()
	for i, c := range runs {
		if err := gp.SetFont(c.family(), "", 24); err != nil {
			t.Fatal(err)
		}
		gp.SetTextColor(20, 40, 60)
		x := 40.0
		if c.rtl {
			x = 300
		}
		gp.SetXY(x, 80+float64(i)*40)
		p := gp.AddStructElement(doc, "P")
		gp.BeginMarkedContent(p)
		upem := gp.curr.FontISubset.ttfp.UnitsPerEm()
		if err := gp.GlyphText(c.glyphs(24, upem), GlyphTextOption{RTL: c.rtl}); err != nil {
			t.Fatal(err)
		}
		gp.EndMarkedContent()
	}
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readers returns what pdftotext and mutool read from the PDF, each line
// trimmed.
func readers(t *testing.T, pdf []byte) (poppler, mupdf string) {
	t.Helper()
	dir := t.TempDir()
	f := filepath.Join(dir, "g.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	clean := func(s string) string {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(strings.Trim(l, "\f")); l != "" && !strings.HasPrefix(l, "warning: ") {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n")
	}
	poppler = clean(tool(t, "pdftotext", "-enc", "UTF-8", f, "-"))
	mupdf = clean(tool(t, "mutool", "draw", "-q", "-F", "txt", "-o", "-", f))
	return poppler, mupdf
}

// TestGlyphTextLatin: a run with a ligature (Lato's ffi, a glyph no
// character reaches through the cmap) and one with kerning read back as
// their texts in pdftotext and MuPDF, and the ligature's glyph maps to its
// three characters.
func TestGlyphTextLatin(t *testing.T) {
	office, kern := shaped(t, "lat-office"), shaped(t, "lat-kern")
	pdf := glyphDoc(t, nil, office, kern)
	want := "office\nAVA Tour"
	p, m := readers(t, pdf)
	if p != want || m != want {
		t.Errorf("pdftotext %q, mutool %q, want %q", p, m, want)
	}
	if !bytes.Contains(pdf, []byte("<0103><006600660069>")) {
		t.Error("ToUnicode has no ffi entry for glyph 259")
	}
}

var stextChar = regexp.MustCompile(`<char quad="[^"]*" x="([0-9.]+)" y="([0-9.]+)"[^>]* c="([^"]*)"/>`)

// TestGlyphTextPositions: MuPDF finds each glyph of a kerned run where
// the shaper put it (pen plus offset), on the baseline.
func TestGlyphTextPositions(t *testing.T) {
	c := shaped(t, "lat-kern")
	pdf := glyphDoc(t, nil, c)
	f := filepath.Join(t.TempDir(), "k.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	chars := stextChar.FindAllStringSubmatch(tool(t, "mutool", "draw", "-q", "-F", "stext", "-o", "-", f), -1)
	glyphs := c.glyphs(24, 2000) // Lato: 2000 units per em
	if len(chars) != len(glyphs) {
		t.Fatalf("%d characters, want %d", len(chars), len(glyphs))
	}
	pen := 40.0
	for i, g := range glyphs {
		x, _ := strconv.ParseFloat(chars[i][1], 64)
		y, _ := strconv.ParseFloat(chars[i][2], 64)
		if want := pen + g.DX; math.Abs(x-want) > 0.02 || y != 80 {
			t.Errorf("glyph %d (%s) at %g,%g, want %.3f,80", i, chars[i][3], x, y, want)
		}
		pen += g.Advance
	}
}

// TestGlyphTextOffsets: marks offset by the shaper (x and y) are drawn
// with a text rise, reset after the run; a run's start is where SetXY put
// it and the current x moves to its end.
func TestGlyphTextOffsets(t *testing.T) {
	c := shaped(t, "ar-bismillah")
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetCompressLevel(0)
	shaped(t, "ar-bismillah")
	if err := gp.AddTTFFontFromFontContainer(arabicFamily, glyphFonts); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.SetFont(arabicFamily, "", 10); err != nil {
		t.Fatal(err)
	}
	gp.SetXY(100, 100)
	glyphs := c.glyphs(10, 1000)
	if err := gp.GlyphText(glyphs, GlyphTextOption{RTL: true}); err != nil {
		t.Fatal(err)
	}
	var adv float64
	for _, g := range glyphs {
		adv += g.Advance
	}
	if x := gp.GetX(); math.Abs(x-(100+adv)) > 1e-9 {
		t.Errorf("x after the run %g, want %g", x, 100+adv)
	}
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	// hb-shape, in thousandths of an em, in visual order: kasra 608
	// (width 0) at dx 139, beh 770 (width 562, its advance), sukun 1217
	// at dx 301 dy -126 after beh, seen 1079 (width 850), kasra at dx -35
	// dy -191, meem 102 (width 269); at 10 pt a thousandth is 0.01 pt.
	// Written from the right (reading order): meem at 562+850, its kasra
	// 35 before it, seen at 562, its sukun at 562+301, beh at 0, its
	// kasra at 139.
	want := "BT\n100.00 742.00 Td\n/F1 10 Tf 0 Tc\n" +
		"[-1412<0066>] TJ\n" +
		"-1.91 Ts\n[304<0260>] TJ\n" +
		"0.00 Ts\n[815<0437>] TJ\n" +
		"-1.26 Ts\n[549<04C1>] TJ\n" +
		"0.00 Ts\n[863<0302>423<0260>] TJ\nET\n"
	if content := buf.String(); !strings.Contains(content, want) {
		i := strings.Index(content, "BT\n")
		t.Errorf("content stream\n%s\nwant\n%s", content[i:i+len(want)+40], want)
	}
}

// sfntGlyphs returns the length of each glyph's outline in a TrueType
// program (its loca table).
func sfntGlyphs(t *testing.T, font []byte) []int {
	t.Helper()
	be := func(b []byte) int {
		n := 0
		for _, c := range b {
			n = n<<8 | int(c)
		}
		return n
	}
	tables := map[string][]byte{}
	for i, n := 0, be(font[4:6]); i < n; i++ {
		e := font[12+16*i:]
		off, l := be(e[8:12]), be(e[12:16])
		tables[string(e[:4])] = font[off : off+l]
	}
	long := be(tables["head"][50:52]) == 1
	n := be(tables["maxp"][4:6])
	loca := tables["loca"]
	at := func(i int) int {
		if long {
			return be(loca[4*i : 4*i+4])
		}
		return 2 * be(loca[2*i:2*i+2])
	}
	lengths := make([]int, n)
	for i := range lengths {
		lengths[i] = at(i+1) - at(i)
	}
	return lengths
}

// TestGlyphTextSubset: the subset keeps every glyph of the runs by id
// (the lam-alef ligature, contextual forms no cmap entry reaches) and the
// components of composite glyphs, with their widths in /W; pdffonts sees
// an embedded subset; qpdf, Ghostscript and MuPDF open the file.
func TestGlyphTextSubset(t *testing.T) {
	runs := []*shapedCase{shaped(t, "ar-dont-pay"), shaped(t, "ar-bismillah"), shaped(t, "ar-call")}
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetCompressLevel(0)
	if err := gp.AddTTFFontFromFontContainer(arabicFamily, glyphFonts); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.SetFont(arabicFamily, "", 24); err != nil {
		t.Fatal(err)
	}
	used := map[int]bool{}
	for i, c := range runs {
		gp.SetXY(300, 80+40*float64(i))
		if err := gp.GlyphText(c.glyphs(24, 1000), GlyphTextOption{RTL: true}); err != nil {
			t.Fatal(err)
		}
		for _, g := range c.hb {
			used[int(g.G)] = true
		}
	}
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()

	orig, err := os.ReadFile(arabicFontPath)
	if err != nil {
		t.Fatal(err)
	}
	full := sfntGlyphs(t, orig)
	prog, _ := fontProgram(t, pdf)
	sub := sfntGlyphs(t, prog)
	// The components of the used composite glyphs, by gopdf's own reading
	// of the original font.
	d := &PdfDictionaryObj{PtrToSubsetFontObj: gp.curr.FontISubset}
	var want []int
	for g := range used {
		want = append(want, g)
	}
	composites := 0
	for _, g := range want {
		before := len(want)
		d.AddCompositeGlyphs(&want, g)
		if len(want) > before {
			composites++
		}
	}
	if composites == 0 {
		t.Fatal("no composite glyph in the runs: the test checks nothing")
	}
	kept := map[int]bool{}
	for _, g := range want {
		kept[g] = true
		if sub[g] != full[g] {
			t.Errorf("glyph %d: %d bytes in the subset, %d in the font", g, sub[g], full[g])
		}
	}
	for g, n := range sub {
		if n > 0 && !kept[g] && g != 0 {
			t.Errorf("glyph %d kept in the subset, not used", g)
		}
	}
	// /W: each used glyph with the font's width (the shaper's advance may
	// differ: the content stream moves the pen by it).
	for g := range used {
		w := fmt.Sprintf(`/W \[([^\n]*\])?%d\[%d\]`, g, gp.curr.FontISubset.GlyphIndexToPdfWidth(uint(g)))
		if !regexp.MustCompile(w).Match(pdf) {
			t.Errorf("/W has no %d with its width", g)
		}
	}

	f := filepath.Join(t.TempDir(), "ar.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	fonts := tool(t, "pdffonts", f)
	if !regexp.MustCompile(`QWERTY\+NotoSansArabic-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes`).MatchString(fonts) {
		t.Errorf("pdffonts:\n%s", fonts)
	}
	tool(t, "qpdf", "--check", f)
	if out := tool(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", f); out != "" {
		t.Errorf("gs: %s", out)
	}
	tool(t, "mutool", "draw", "-q", "-o", filepath.Join(t.TempDir(), "ar.png"), f)
}

// TestGlyphTextBadID: a glyph id the font does not have is an error,
// nothing is drawn.
func TestGlyphTextBadID(t *testing.T) {
	shaped(t, "lat-office")
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	if err := gp.AddTTFFontFromFontContainer("lato", glyphFonts); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.SetFont("lato", "", 12); err != nil {
		t.Fatal(err)
	}
	err := gp.GlyphText([]Glyph{{ID: 51, Text: "o"}, {ID: 60000, Text: "x"}}, GlyphTextOption{})
	if !errors.Is(err, ErrGlyphID) {
		t.Fatalf("error %v, want ErrGlyphID", err)
	}
	if gp.curr.FontISubset.glyphs != nil || len(gp.getContent().listCache.caches) != 0 {
		t.Error("a failed run left glyphs or content")
	}
}

// TestGlyphTextCache: documents with glyph runs written with a subset
// cache have the bytes they have without one; a document whose runs add
// a glyph (the ffi ligature) to the same characters gets its own subset.
func TestGlyphTextCache(t *testing.T) {
	office := shaped(t, "lat-office")
	doc := func(cache *FontSubsetCache, glyphs bool) []byte {
		gp := &GoPdf{}
		gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
		gp.SetCompressLevel(1)
		gp.SetFontSubsetCache(cache)
		if err := gp.AddTTFFontFromFontContainer("lato", glyphFonts); err != nil {
			t.Fatal(err)
		}
		gp.AddPage()
		if err := gp.SetFont("lato", "", 12); err != nil {
			t.Fatal(err)
		}
		gp.SetXY(40, 40)
		if err := gp.Text("office"); err != nil {
			t.Fatal(err)
		}
		if glyphs {
			gp.SetXY(40, 80)
			if err := gp.GlyphText(office.glyphs(12, 2000), GlyphTextOption{}); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := gp.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	cache := NewFontSubsetCache(8 << 20)
	for i, glyphs := range []bool{false, true, false, true} {
		if got, want := doc(cache, glyphs), doc(nil, glyphs); !bytes.Equal(got, want) {
			t.Errorf("document %d (glyph run %v): other bytes with the cache", i, glyphs)
		}
	}
	if st := cache.Stats(); st.Hits == 0 {
		t.Errorf("cache never hit: %+v", st)
	}
}

// bidiMarks are the embedding marks pdftotext puts around a line of a
// direction other than the page's (U+202A LEFT-TO-RIGHT EMBEDDING, U+202B
// RIGHT-TO-LEFT EMBEDDING … U+202C POP DIRECTIONAL FORMATTING).
var bidiMarks = strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "")

// TestGlyphTextRTLRead: right-to-left runs, drawn from their glyphs in
// visual order, read in logical order in pdftotext and MuPDF, the
// lam-alef ligature (one glyph, two characters: lam then alef) too, and
// the lam-alef maksura one ending a word (على); with
// its marks placed by the shaper, a vowelled word reads whole in MuPDF
// (poppler moves marks drawn below the baseline to a line of their own).
func TestGlyphTextRTLRead(t *testing.T) {
	for _, name := range []string{"ar-dont-pay", "ar-call", "ar-help", "ar-bismillah"} {
		c := shaped(t, name)
		p, m := readers(t, glyphDoc(t, nil, c))
		if p = bidiMarks.Replace(p); (p != c.text && name != "ar-bismillah") || m != c.text {
			t.Errorf("%s: pdftotext %q, mutool %q, want %q", name, p, m, c.text)
		}
	}
	// Several runs of both directions on one page (poppler reads the
	// left-hand Latin column after the right-hand Arabic one: compare the
	// lines as sets).
	pdf := glyphDoc(t, nil, shaped(t, "ar-dont-pay"), shaped(t, "lat-office"), shaped(t, "ar-call"))
	want := "لا تدفع\noffice\nاتصل بالرقم"
	lines := func(s string) string {
		l := strings.Split(bidiMarks.Replace(s), "\n")
		sort.Strings(l)
		return strings.Join(l, "\n")
	}
	if p, m := readers(t, pdf); lines(p) != lines(want) || m != want {
		t.Errorf("pdftotext %q, mutool %q, want %q", p, m, want)
	}
}

// TestGlyphTextCodes: a glyph drawn with two texts reads as each (a code
// of its own, mapped to the glyph by a CIDToGIDMap stream, with the
// glyph's width); the lam-alef's first character rides on a blank glyph of
// width 0; a document whose runs need no other code keeps the Identity
// default.
func TestGlyphTextCodes(t *testing.T) {
	shaped(t, "lat-office")
	doc := func(level int, family string, runs ...[]Glyph) []byte {
		gp := &GoPdf{}
		gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
		gp.SetCompressLevel(level)
		if err := gp.AddTTFFontFromFontContainer(family, glyphFonts); err != nil {
			t.Fatal(err)
		}
		gp.AddPage()
		if err := gp.SetFont(family, "", 20); err != nil {
			t.Fatal(err)
		}
		for i, r := range runs {
			gp.SetXY(300, 50+30*float64(i))
			if err := gp.GlyphText(r, GlyphTextOption{RTL: family == arabicFamily}); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := gp.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	// Lato has 2000 units per em and 3000 glyphs or so: the first extra
	// code is its number of glyphs.
	o := []Glyph{{ID: 51, Advance: 11, Text: "o"}, {ID: 51, Advance: 11, Text: "ö"}, {ID: 51, Advance: 11, Text: "o"}}
	pdf := doc(0, "lato", o)
	p, m := readers(t, pdf)
	if p != "oöo" || m != "oöo" {
		t.Errorf("pdftotext %q, mutool %q, want oöo", p, m)
	}
	base := glyphFonts.get("lato").ttfp.NumGlyphs()
	for _, s := range []string{
		"<0033><006F>\n",
		fmt.Sprintf("<%04X><00F6>\n", base),
		fmt.Sprintf("%d[%d]", base, glyphFonts.get("lato").GlyphIndexToPdfWidth(51)),
		"/CIDToGIDMap ",
	} {
		if !bytes.Contains(pdf, []byte(s)) {
			t.Errorf("no %q in the PDF", s)
		}
	}
	m1 := regexp.MustCompile(`(?s)/Length (\d+)\n>>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1)
	var cidMap []byte
	for _, x := range m1 {
		if n, _ := strconv.Atoi(string(x[1])); n == 2*int(base)+2 {
			cidMap = x[2]
		}
	}
	if len(cidMap) != 2*int(base)+2 || cidMap[2*base] != 0 || cidMap[2*base+1] != 51 || cidMap[2*100+1] != 100 {
		t.Errorf("CIDToGIDMap of %d bytes, want %d: identity, then glyph 51", len(cidMap), 2*base+2)
	}
	// Compressed, encrypted: readers still agree.
	f := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(f, doc(1, "lato", o), 0o644); err != nil {
		t.Fatal(err)
	}
	tool(t, "qpdf", "--check", f)
	if out := tool(t, "pdftotext", f, "-"); strings.TrimSpace(out) != "oöo" {
		t.Errorf("compressed: pdftotext %q", out)
	}

	// Lam-alef: a code for a blank glyph of zero advance (no outline)
	// carrying lam, its width 0 as in the font, and the ligature's own
	// glyph (704) reading as alef.
	lamAlef := doc(0, arabicFamily, shaped(t, "ar-dont-pay").glyphs(20, 1000))
	abase := glyphFonts.get(arabicFamily).ttfp.NumGlyphs()
	for _, s := range []string{
		fmt.Sprintf("<%04X><0644>\n", abase), // lam on the blank glyph
		"<02C0><0627>\n",                     // 704: alef
		fmt.Sprintf("%d[0]", abase),
	} {
		if !bytes.Contains(lamAlef, []byte(s)) {
			t.Errorf("lam-alef: no %q in the PDF", s)
		}
	}
	if off := doc(0, "lato", shaped(t, "lat-office").glyphs(20, 2000)); bytes.Contains(off, []byte("/CIDToGIDMap")) {
		t.Error("a run needing no other code got a CIDToGIDMap")
	}
}

// get returns a copy of the container's font.
func (fc *FontContainer) get(family string) *SubsetFontObj {
	v, _ := fc.fonts.Load(family)
	s := v.(SubsetFontObj)
	return &s
}

// TestGlyphTextActualText: a run given an ActualText is wrapped in a Span
// that carries it, inside the open marked content, and poppler reads it
// instead of the glyphs.
func TestGlyphTextActualText(t *testing.T) {
	c := shaped(t, "lat-office")
	gp := &GoPdf{}
	gp.Start(Config{Unit: UnitPT, PageSize: *PageSizeA4})
	gp.SetCompressLevel(0)
	if err := gp.AddTTFFontFromFontContainer("lato", glyphFonts); err != nil {
		t.Fatal(err)
	}
	gp.AddPage()
	if err := gp.SetFont("lato", "", 20); err != nil {
		t.Fatal(err)
	}
	p := gp.AddStructElement(gp.AddStructElement(nil, "Document"), "P")
	gp.BeginMarkedContent(p)
	gp.SetXY(40, 60)
	if err := gp.GlyphText(c.glyphs(20, 2000), GlyphTextOption{ActualText: "bureau"}); err != nil {
		t.Fatal(err)
	}
	gp.EndMarkedContent()
	var buf bytes.Buffer
	if err := gp.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/P <</MCID 0>> BDC\n/Span <</ActualText <FEFF006200750072006500610075>>> BDC\nBT\n")) {
		t.Error("no ActualText span inside the P's marked content")
	}
	if p, _ := readers(t, buf.Bytes()); p != "bureau" {
		t.Errorf("pdftotext %q, want bureau", p)
	}
}
