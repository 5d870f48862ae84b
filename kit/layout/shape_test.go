package layout

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// shapingCases are words whose glyphs HarfBuzz's own hb-shape recorded in
// testdata/shaping.txt: Arabic joining forms (initial, medial, final),
// the lam-alef ligature, and Latin kerning pairs (AV, Te, Wo…).
var shapingCases = []struct {
	role Role
	text string
	rtl  bool
}{
	{"arabic", "السلام عليكم", true},         // lam-alef in سلام, joining forms
	{"arabic", "لا", true},                   // lam-alef alone: one glyph
	{"arabic", "مساعدة", true},               // help
	{"arabic-bold", "الابتزاز الجنسي", true}, // sextortion
	{"arabic", "١١٩", false},                 // Arabic-Indic digits (left to right)
	{Regular, "AVATAR", false},
	{Regular, "Tu es Wolf", false},
	{Bold, "Yves, VA", false},
	{Black, "LA SEXTORSION", false},
}

// hbString writes a shaped run as hb-shape does without glyph names:
// [gid=cluster@dx,dy+advance|…], font units.
func hbString(r *shaped) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, g := range r.glyphs {
		if i > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(&b, "%d=%d", g.id, g.cluster)
		if g.dx != 0 || g.dy != 0 {
			fmt.Fprintf(&b, "@%.0f,%.0f", g.dx, g.dy)
		}
		fmt.Fprintf(&b, "+%.0f", g.adv)
	}
	b.WriteByte(']')
	return b.String()
}

// TestShapingGolden: our shaping gives HarfBuzz's glyph ids, clusters,
// offsets and advances, as recorded from hb-shape (Debian's
// libharfbuzz-bin) in testdata/shaping.txt; hb-shape is run again and must
// agree with the record (go test -update rewrites it from hb-shape).
func TestShapingGolden(t *testing.T) {
	fs := fonts(t)
	hb, err := exec.LookPath("hb-shape")
	if err != nil {
		t.Fatal("hb-shape (libharfbuzz-bin) is needed: ", err)
	}
	var rec strings.Builder
	for _, c := range shapingCases {
		out, err := exec.Command(hb, "--no-glyph-names", "--direction="+map[bool]string{true: "rtl", false: "ltr"}[c.rtl], "fonts/"+strings.TrimPrefix(roleFiles[c.role], "fonts/"), c.text).Output()
		if err != nil {
			t.Fatalf("hb-shape %s %q: %v", c.role, c.text, err)
		}
		fmt.Fprintf(&rec, "%s\t%s\t%s\n", c.role, c.text, strings.TrimSpace(string(out)))
	}
	const golden = "testdata/shaping.txt"
	if *update {
		if err := os.WriteFile(golden, []byte(rec.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != rec.String() {
		t.Errorf("hb-shape no longer gives %s:\n%s", golden, rec.String())
	}
	lines := strings.Split(strings.TrimSpace(string(want)), "\n")
	if len(lines) != len(shapingCases) {
		t.Fatalf("%s has %d lines for %d cases", golden, len(lines), len(shapingCases))
	}
	for i, c := range shapingCases {
		hbOut := strings.Split(lines[i], "\t")[2]
		got := hbString(fs[c.role].shapeRunes([]rune(c.text), c.rtl))
		if got != hbOut {
			t.Errorf("%s %q:\n got %s\nwant %s (hb-shape)", c.role, c.text, got, hbOut)
		}
	}
	// The lam-alef ligature: two letters, one glyph.
	if n := len(fs["arabic"].shapeRunes([]rune("لا"), true).glyphs); n != 1 {
		t.Errorf("lam-alef gives %d glyphs, want 1", n)
	}
}

// arabicSetter sets text as an Arabic edition does.
func arabicSetter(t *testing.T, size float64) setter {
	return setter{withOpts(fonts(t), textOpts{fallback: Fallbacks("ar"), rtl: RightToLeft("ar")}), size}
}

// TestArabicLine: an Arabic sentence holding a phone number and a URL is
// set right to left in Noto Sans Arabic, the number and the URL in Lato,
// left to right and whole, each where the bidi algorithm puts it; the
// line ends at the right edge of the box; every run's glyphs add up to
// its width.
func TestArabicLine(t *testing.T) {
	s := arabicSetter(t, 12)
	text := "اتصل بالرقم 3018 أو زر www.e-enfance.org الآن"
	p := []Para{{Spans: []Span{{Text: text, Role: Regular, Scale: 1}}, Align: Left}}
	b := s.set(p, 500)
	if len(b.lines[0]) != 1 {
		t.Fatalf("%d lines, want 1", len(b.lines[0]))
	}
	var pg Page
	s.emit(&pg, b, 10, 0, 500)
	byText := map[string]Text{}
	var texts []string
	for _, tx := range pg.Texts {
		byText[strings.TrimSpace(tx.Text)] = tx
		texts = append(texts, tx.Text)
		sum := 0.0
		for _, g := range tx.Glyphs {
			sum += g.Advance
		}
		if d := sum - tx.Width; d > 0.01 || d < -0.01 {
			t.Errorf("%q: glyphs advance %.2f, width %.2f", tx.Text, sum, tx.Width)
		}
		if len(tx.Glyphs) == 0 {
			t.Errorf("%q has no glyphs", tx.Text)
		}
	}
	phone, ok1 := byText["3018"]
	url, ok2 := byText["www.e-enfance.org"]
	first, ok3 := byText["اتصل بالرقم"]
	last, ok4 := byText["الآن"]
	if !ok1 || !ok2 || !ok3 || !ok4 {
		t.Fatalf("runs %q: want the number, the URL, and the Arabic words around them as runs of their own", texts)
	}
	if phone.RTL || url.RTL || !first.RTL || !last.RTL {
		t.Errorf("directions: number %v, URL %v, first words %v, last word %v", phone.RTL, url.RTL, first.RTL, last.RTL)
	}
	if phone.Role != Regular || url.Role != Regular || first.Role != "arabic" || last.Role != "arabic" {
		t.Errorf("faces: number %s, URL %s, Arabic %s, %s", phone.Role, url.Role, first.Role, last.Role)
	}
	// Right to left: the first words at the right, then the number, the
	// URL, and the last word at the left.
	if !(first.X > phone.X && phone.X > url.X && url.X > last.X) {
		t.Errorf("visual order wrong: first %.1f, number %.1f, URL %.1f, last %.1f", first.X, phone.X, url.X, last.X)
	}
	if right := first.X + first.Width; right < 509.99 || right > 510.01 {
		t.Errorf("the line ends at %.2f, want the right edge 510", right)
	}
	// Each run's characters in logical order; glyphs carry them back.
	var back strings.Builder
	for _, g := range first.Glyphs {
		back.WriteString(g.Text)
	}
	if rev := reverseClusters(first.Glyphs); rev != first.Text {
		t.Errorf("glyph texts %q read right to left give %q, want %q", back.String(), rev, first.Text)
	}
}

// reverseClusters joins the cluster texts of right-to-left glyphs in
// logical order.
func reverseClusters(gs []Glyph) string {
	var parts []string
	for _, g := range gs {
		if g.Text != "" {
			parts = append(parts, g.Text)
		}
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

// TestLatinGlyphs: a French line's glyphs are Lato's, kerned by GPOS: "AV"
// is narrower than A and V apart.
func TestLatinGlyphs(t *testing.T) {
	fs := fonts(t)
	f := fs[Regular]
	if av, a, v := f.Width("AV", 100), f.Width("A", 100), f.Width("V", 100); av >= a+v-1 {
		t.Errorf("AV %.2f, A+V %.2f: no kerning", av, a+v)
	}
	s := setter{fs, 12}
	b := s.set([]Para{{Spans: []Span{{Text: "AVANT tout", Role: Regular, Scale: 1}}}}, 300)
	var pg Page
	s.emit(&pg, b, 0, 0, 300)
	if len(pg.Texts) != 1 || pg.Texts[0].RTL || len(pg.Texts[0].Glyphs) != len("AVANT tout") {
		t.Fatalf("runs %+v", pg.Texts)
	}
}

// TestFallbackPerLanguage: an Arabic character in a French text has no
// face (French has no fallback), in an Arabic text it takes Noto Sans
// Arabic; Latin digits in Arabic text stay in Lato.
func TestFallbackPerLanguage(t *testing.T) {
	fr := setter{fonts(t), 12}
	ar := arabicSetter(t, 12)
	if got := fr.faceFor('س', Regular, "", fr.opts().fallback, false); got != Regular {
		t.Errorf("French: %s", got)
	}
	if got := ar.faceFor('س', Bold, "", ar.opts().fallback, false); got != "arabic-bold" {
		t.Errorf("Arabic bold: %s", got)
	}
	if got := ar.faceFor('7', Regular, "arabic", ar.opts().fallback, false); got != Regular {
		t.Errorf("a digit after Arabic: %s", got)
	}
	if got := ar.faceFor('،', Regular, "arabic", ar.opts().fallback, false); got != "arabic" {
		t.Errorf("the Arabic comma: %s", got)
	}
}
