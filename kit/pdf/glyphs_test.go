package pdf

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/testkit"
)

var fixtureDate = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// fixturePages lays out each A4 poster of the test fixture
// (testdata/valid, fr-FR), shaped by the layout.
func fixturePages(t testing.TB) map[string]*layout.Page {
	t.Helper()
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "data")
	if err != nil {
		t.Fatal(err)
	}
	posters, _ := fs.Sub(awarekit.Defaults, "posters")
	ds, err := layout.LoadDesigns(posters, "posters")
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := fs.Sub(awarekit.Defaults, "i18n")
	strs, err := i18n.Load(tr, "i18n", "fr", "fr-FR")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]*layout.Page{}
	for _, d := range ds {
		pg, err := layout.Layout(fonts, layout.Job{Edition: set.Editions[0], Design: d, Size: "a4", I18n: strs, Designs: ds})
		if err != nil {
			t.Fatal(err)
		}
		pages[d.ID] = pg
	}
	return pages
}

// withoutGlyphs returns a copy of the page (and its back) whose texts
// carry no glyphs: drawn from their characters, as before shaping.
func withoutGlyphs(pg *layout.Page) *layout.Page {
	if pg == nil {
		return nil
	}
	c := *pg
	c.Texts = make([]layout.Text, len(pg.Texts))
	for i, t := range pg.Texts {
		t.Glyphs, t.RTL = nil, false
		c.Texts[i] = t
	}
	c.Back = withoutGlyphs(pg.Back)
	return &c
}

func writeFile(t *testing.T, pg *layout.Page, name string) string {
	t.Helper()
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, pg, fonts, fixtureDate); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestShapedPosters: every poster of the fixture, its texts drawn by glyph
// id, reads in pdftotext, MuPDF and the structure tree (pdfinfo
// -struct-text) exactly as the same page drawn from its characters; its
// fonts are embedded subsets; qpdf finds no fault.
func TestShapedPosters(t *testing.T) {
	pages := fixturePages(t)
	for id, pg := range pages {
		shaped := 0
		for p := pg; p != nil; p = p.Back {
			for _, tx := range p.Texts {
				if len(tx.Glyphs) > 0 {
					shaped++
				}
			}
		}
		if shaped == 0 {
			t.Fatalf("%s: no shaped text: the test checks nothing", id)
		}
		glyphs := writeFile(t, pg, id+".pdf")
		chars := writeFile(t, withoutGlyphs(pg), id+"-chars.pdf")
		for _, tool := range [][]string{
			{"pdftotext", "-enc", "UTF-8", "%s", "-"},
			{"mutool", "draw", "-q", "-F", "txt", "-o", "-", "%s"},
			{"pdfinfo", "-struct-text", "%s"},
		} {
			read := func(f string) string {
				args := make([]string, len(tool)-1)
				for i, a := range tool[1:] {
					args[i] = strings.ReplaceAll(a, "%s", f)
				}
				out := testkit.Tool(t, tool[0], args...)
				return regexp.MustCompile(`Object \d+`).ReplaceAllString(out, "Object")
			}
			if g, c := read(glyphs), read(chars); g != c {
				t.Errorf("%s: %s reads the shaped PDF otherwise:\n%s\nfrom characters:\n%s", id, tool[0], g, c)
			}
		}
		fonts := testkit.Tool(t, "pdffonts", glyphs)
		if n := strings.Count(fonts, "CID TrueType      Identity-H       yes yes yes"); n == 0 || n != strings.Count(fonts, "\n")-2 {
			t.Errorf("%s: fonts not all embedded subsets:\n%s", id, fonts)
		}
		testkit.Tool(t, "qpdf", "--check", glyphs)
	}
}

// hbShape shapes s with HarfBuzz (hb-shape) in the kit's font of role,
// at size points, as the layout's glyphs: visual order, each cluster's
// characters on its first glyph.
func hbShape(t *testing.T, fonts layout.Fonts, role layout.Role, s string, size float64) []layout.Glyph {
	t.Helper()
	file := map[layout.Role]string{layout.Regular: "Lato-Regular.ttf", "arabic": "NotoSansArabic-Regular.ttf"}[role]
	out := testkit.Tool(t, "hb-shape", "--no-glyph-names", "--output-format=json", filepath.Join(testkit.Root(), "kit", "layout", "fonts", file), s)
	var hb []struct {
		G      uint16 `json:"g"`
		Cl     int    `json:"cl"`
		DX, DY float64
		AX     float64 `json:"ax"`
	}
	if err := json.Unmarshal([]byte(out), &hb); err != nil {
		t.Fatalf("hb-shape: %v\n%s", err, out)
	}
	rs := []rune(s)
	end := func(cl int) int { // the next cluster's start
		e := len(rs)
		for _, g := range hb {
			if g.Cl > cl && g.Cl < e {
				e = g.Cl
			}
		}
		return e
	}
	sc := size / fonts[role].UnitsPerEm
	done := map[int]bool{}
	gs := make([]layout.Glyph, len(hb))
	for i, g := range hb {
		gs[i] = layout.Glyph{ID: g.G, Advance: g.AX * sc, DX: g.DX * sc, DY: g.DY * sc}
		if !done[g.Cl] {
			done[g.Cl] = true
			gs[i].Text = string(rs[g.Cl:end(g.Cl)])
		}
	}
	return gs
}

// TestShapedArabic: a right-to-left paragraph of two lines (HarfBuzz's
// glyphs: joining forms, the lam-alef ligature) and a Latin line with the
// ffi ligature read in logical order in pdftotext, MuPDF and the
// structure tree, with the space the layout does not draw between the
// lines.
func TestShapedArabic(t *testing.T) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	line := func(role layout.Role, s string, rtl bool, y float64, elem int) layout.Text {
		gs := hbShape(t, fonts, role, s, 20)
		w := 0.0
		for _, g := range gs {
			w += g.Advance
		}
		x := 50.0
		if rtl {
			x = 545 - w // right-aligned
		}
		return layout.Text{X: x, Y: y, Role: role, Size: 20, Text: s, Width: w, Elem: elem, Glyphs: gs, RTL: rtl}
	}
	pg := &layout.Page{
		Width: 595.28, Height: 841.89, Title: "T", Author: "A", Lang: "ar",
		Elems: []layout.Elem{{Kind: layout.ElemP}, {Kind: layout.ElemP}},
		Texts: []layout.Text{
			line("arabic", "لا تدفع", true, 100, 1),
			line("arabic", "اتصل بالرقم", true, 130, 1),
			line(layout.Regular, "office", false, 200, 2),
		},
	}
	f := writeFile(t, pg, "ar.pdf")
	marks := strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "")
	norm := func(s string) string {
		s = regexp.MustCompile(`(?m)^warning: .*$`).ReplaceAllString(s, "") // MuPDF's
		return strings.Join(strings.Fields(marks.Replace(s)), " ")
	}
	want := "لا تدفع اتصل بالرقم office"
	if got := norm(testkit.Tool(t, "pdftotext", "-enc", "UTF-8", f, "-")); got != want {
		t.Errorf("pdftotext %q, want %q", got, want)
	}
	if got := norm(testkit.Tool(t, "mutool", "draw", "-q", "-F", "txt", "-o", "-", f)); got != want {
		t.Errorf("mutool %q, want %q", got, want)
	}
	st := testkit.Tool(t, "pdfinfo", "-struct-text", f)
	if !strings.Contains(marks.Replace(st), "\"لا تدفع اتصل بالرقم\"") || !strings.Contains(st, "\"office\"") {
		t.Errorf("pdfinfo -struct-text:\n%s", st)
	}
	testkit.Tool(t, "qpdf", "--check", f)
}

// benchPage is the fixture's la-sextorsion A4 poster.
func benchPage(b *testing.B) *layout.Page {
	pg := fixturePages(b)["la-sextorsion"]
	if pg == nil {
		b.Fatal("no la-sextorsion poster")
	}
	return pg
}

func benchWrite(b *testing.B, pg *layout.Page) {
	fonts, err := layout.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, pg, fonts, fixtureDate); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteShaped is the PDF of an A4 poster drawn by glyph id.
func BenchmarkWriteShaped(b *testing.B) { benchWrite(b, benchPage(b)) }

// BenchmarkWriteChars is the same poster drawn from its characters (the
// path of texts without glyphs).
func BenchmarkWriteChars(b *testing.B) { benchWrite(b, withoutGlyphs(benchPage(b))) }
