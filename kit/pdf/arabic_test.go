package pdf

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/testkit"
)

// arabicDesign is a test design: an Arabic title over a left-aligned
// (start-aligned: right-aligned in Arabic) definition.
const arabicDesign = `id: arabic-test
name: Arabic test
sizes: [a4]
colors:
  paper: "#ffffff"
  ink: "#1a1a2e"
background: paper
boxes:
  - id: title
    show: title
    x: 12
    y: 10
    w: 186
    h: 30
    font: black
    size: [40, 20]
    color: ink
    align: center
  - id: definition
    show: definition
    x: 20
    y: 50
    w: 120
    h: 60
    font: regular
    size: [16, 11]
    color: ink
`

// TestArabicEndToEnd: an Arabic edition's text, laid out (shaped, bidi,
// mirrored) and written by glyph id, comes back from pdftotext in logical
// order, the number and the URL inside it whole; pdffonts shows Noto Sans
// Arabic embedded as a subset beside Lato; qpdf, Ghostscript and MuPDF
// open the file; the page rendered by pdftoppm has the definition's ink
// against the right edge of its box (the box mirrored: 70..190 mm).
func TestArabicEndToEnd(t *testing.T) {
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "data")
	if err != nil {
		t.Fatal(err)
	}
	e := *set.Editions[0]
	e.Language = "ar"
	title := "الابتزاز الجنسي"
	def := "اتصل بالرقم 3018 أو زر www.e-enfance.org للحصول على المساعدة، فلست وحدك."
	e.Texts.Title, e.Texts.Definition = title, def
	ds, err := layout.LoadDesigns(fstest.MapFS{"arabic-test.yaml": {Data: []byte(arabicDesign)}}, "posters")
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := fs.Sub(awarekit.Defaults, "i18n")
	strs, err := i18n.Load(tr, "i18n", "fr", "fr-FR")
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := layout.LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	pg, err := layout.Layout(fonts, layout.Job{Edition: &e, Design: ds[0], Size: "a4", I18n: strs})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, pg, fonts, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if d := os.Getenv("AWAREKIT_KEEP"); d != "" {
		dir = d
	}
	file := filepath.Join(dir, "ar.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Normalised for spacing: poppler marks its bidi runs (U+202A, U+202B,
	// U+202C) and places the spaces at a change of direction its own way.
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r >= 0x202a && r <= 0x202e {
				return -1
			}
			return r
		}, s)
	}
	got := norm(testkit.Tool(t, "pdftotext", file, "-"))
	for _, want := range []string{title, def} {
		if !strings.Contains(got, norm(want)) {
			t.Errorf("pdftotext gives\n%q\nwant it to hold, in logical order,\n%q", got, norm(want))
		}
	}
	fontsOut := testkit.Tool(t, "pdffonts", file)
	for _, f := range []string{"NotoSansArabic-Regular", "NotoSansArabic-Bold", "Lato-Regular"} {
		ok := false
		for _, l := range strings.Split(fontsOut, "\n") {
			fs := strings.Fields(l)
			if len(fs) > 5 && strings.HasSuffix(fs[0], "+"+f) && fs[len(fs)-5] == "yes" && fs[len(fs)-4] == "yes" {
				ok = true
			}
		}
		if !ok {
			t.Errorf("pdffonts: no embedded subset of %s:\n%s", f, fontsOut)
		}
	}
	testkit.Tool(t, "qpdf", "--check", file)
	testkit.Tool(t, "gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", file)
	testkit.Tool(t, "mutool", "draw", "-o", filepath.Join(dir, "m.png"), file)
	// Ink of the definition box's rows: its right edge at the mirrored
	// box's right edge (190 mm), its left well inside.
	testkit.Tool(t, "pdftoppm", "-r", "72", "-png", "-singlefile", file, filepath.Join(dir, "p"))
	img := readPNG(t, filepath.Join(dir, "p.png"))
	mmPx := 72 / 25.4
	x0, x1 := img.Bounds().Max.X, 0
	for y := int(50 * mmPx); y < int(110*mmPx); y++ {
		for x := 0; x < img.Bounds().Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				x0, x1 = min(x0, x), max(x1, x)
			}
		}
	}
	if right := float64(x1) / mmPx; right < 186 || right > 190.5 {
		t.Errorf("definition ink ends at %.1f mm, want at the right edge of its mirrored box (190 mm)", right)
	}
	if left := float64(x0) / mmPx; left < 69 {
		t.Errorf("definition ink starts at %.1f mm: left of its mirrored box (70 mm)", left)
	}
}

func readPNG(t *testing.T, file string) image.Image {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
