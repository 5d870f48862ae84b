package layout

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/i18n"
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
	return setter{withOpts(fonts(t), textOpts{fallback: Fallbacks("ar"), rtl: i18n.DefaultLocale("ar").RightToLeft()}), size}
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
	// Set from the left of the box; a page of a right-to-left edition is
	// mirrored afterwards, the line moving whole (mirror.go).
	if last.X < 9.99 || last.X > 10.01 {
		t.Errorf("the line starts at %.2f, want 10", last.X)
	}
	// The runs come in reading order (what MuPDF, pdf.js and the
	// structure's text take, in the order they are written), placed in
	// visual order: joined with the spaces SpaceAfter puts between them,
	// they give the sentence back.
	if got := runsText(pg.Texts); got != text {
		t.Errorf("the runs read %q, want %q", got, text)
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

// runsText joins runs as the structure's text does (StructText).
func runsText(ts []Text) string {
	var b strings.Builder
	for i, tx := range ts {
		b.WriteString(tx.Text)
		if i+1 < len(ts) && SpaceAfter(tx, ts[i+1]) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestMixedLineReadingOrder: the lines of the ar-FR parents' sheet that
// mix Arabic with a bold number, a Latin name or French words in
// parentheses read back in logical order from their runs, as they are
// written, with their spaces and punctuation where the text has them.
func TestMixedLineReadingOrder(t *testing.T) {
	s := arabicSetter(t, 12)
	for _, c := range []struct{ bold, rest string }{
		{"3018", ": لحذف محتوى والحصول على نصيحة (كل أيام الأسبوع من 9:00 إلى 23:00، مجاني، دون ذكر الاسم)."},
		{"PHAROS", ": للإبلاغ عن محتوى غير قانوني على الإنترنت."},
		{"", "مركز الشرطة (commissariat de police) أو فرقة الدرك (brigade de gendarmerie): لتقديم شكوى."},
	} {
		var spans []Span
		if c.bold != "" {
			spans = append(spans, Span{Text: c.bold, Role: Bold, Scale: 1, Elem: 1})
		}
		spans = append(spans, Span{Text: c.rest, Role: Regular, Scale: 1, Elem: 1})
		p := []Para{{Spans: spans, Align: Left}}
		b := s.set(p, 2000)
		var pg Page
		s.emit(&pg, b, 10, 0, 2000)
		if want := c.bold + c.rest; runsText(pg.Texts) != want {
			var runs []string
			for _, tx := range pg.Texts {
				runs = append(runs, fmt.Sprintf("%q@%.0f", tx.Text, tx.X))
			}
			t.Errorf("runs %s read %q, want %q", runs, runsText(pg.Texts), want)
		}
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

// TestMirror: mirroring a page moves a line of text whole (its runs keep
// their visual order), moves an icon or a QR code whole without flipping
// it, and flips decoration, link areas and images.
func TestMirror(t *testing.T) {
	pg := &Page{Width: 100, Height: 100,
		Texts: []Text{
			{X: 10, Width: 20, Text: "a", line: 1},
			{X: 30, Width: 10, Text: "b", line: 1},
			{X: 50, Width: 5, Text: "c", line: 3},
		},
		Shapes: []Shape{
			Rect(0, 0, 30, 10, Color{}),
			{Elem: 4, Contours: [][]Point{{{10, 50}, {20, 50}, {20, 60}}, {{12, 70}, {14, 70}, {14, 72}}}},
			{Elem: 4, Contours: [][]Point{{{30, 50}, {31, 50}, {31, 51}}}},
		},
		Links:  []Link{{X: 10, W: 30}},
		Images: []Image{{X: 0, W: 20}},
	}
	mirror(pg)
	if a, b, c := pg.Texts[0].X, pg.Texts[1].X, pg.Texts[2].X; a != 60 || b != 80 || c != 45 {
		t.Errorf("texts at %v %v %v, want 60 80 45 (the line moved whole)", a, b, c)
	}
	if got := pg.Shapes[0].Contours[0]; got[0].X != 100 || got[1].X != 70 {
		t.Errorf("band %v, want flipped to 70..100", got)
	}
	// The element's shapes span 10..31: moved by 59 to 69..90, not flipped.
	if got := pg.Shapes[1].Contours[0]; got[0].X != 69 || got[1].X != 79 {
		t.Errorf("icon %v, want moved to 69, 79", got)
	}
	if got := pg.Shapes[2].Contours[0][0].X; got != 89 {
		t.Errorf("icon's second shape at %v, want 89", got)
	}
	if pg.Links[0].X != 60 || pg.Images[0].X != 80 {
		t.Errorf("link at %v, image at %v, want 60, 80", pg.Links[0].X, pg.Images[0].X)
	}
}

// TestMirroredDesign: an Arabic edition of la-sextorsion is the French
// layout mirrored: the advice column is on the right, its heading ending
// where the French one starts (mirrored), the myths on the left, the step
// arrows point left; the title stays centred.
func TestMirroredDesign(t *testing.T) {
	e, ds, tr := loadFixture(t)
	var d *Design
	for _, x := range ds {
		if x.ID == "la-sextorsion" {
			d = x
		}
	}
	fr, err := Layout(fonts(t), Job{Edition: e, Design: d, Size: "a4", I18n: tr})
	if err != nil {
		t.Fatal(err)
	}
	ed := *e
	ed.Language = "ar"
	ar, err := Layout(fonts(t), Job{Edition: &ed, Design: d, Size: "a4", I18n: tr})
	if err != nil {
		t.Fatal(err)
	}
	find := func(pg *Page, text string) Text {
		for _, tx := range pg.Texts {
			if strings.TrimSpace(tx.Text) == text {
				return tx
			}
		}
		t.Fatalf("no run %q in %s", text, pg.Snapshot())
		return Text{}
	}
	w := fr.MediaWidth()
	for _, h := range []string{"LES CONSEILS AVISÉS", "MYTHES ET RÉALITÉS"} {
		f, a := find(fr, h), find(ar, h)
		if right := a.X + a.Width; math.Abs(right-(w-f.X)) > 0.01 {
			t.Errorf("%s: ends at %.2f in Arabic, want %.2f (mirror of %.2f)", h, right, w-f.X, f.X)
		}
	}
	if a := find(ar, "LES CONSEILS AVISÉS"); a.X < w/2 {
		t.Errorf("advice heading at %.2f: not on the right", a.X)
	}
	if a := find(ar, "MYTHES ET RÉALITÉS"); a.X > w/2 {
		t.Errorf("myths heading at %.2f: not on the left", a.X)
	}
	if f, a := find(fr, "LA SEXTORSION"), find(ar, "LA SEXTORSION"); math.Abs(f.X-a.X) > 0.01 {
		t.Errorf("title at %.2f, French %.2f: want it centred in both", a.X, f.X)
	}
	if !strings.Contains(ar.PlainText(), "←") || strings.Contains(ar.PlainText(), "→") {
		t.Errorf("Arabic steps' arrows: %s", ar.PlainText())
	}
}

// TestDesignFonts: a design names the roles regular, bold and black; a
// fallback face (arabic) is the layout's choice, never a design's.
func TestDesignFonts(t *testing.T) {
	d := `id: f
sizes: [a4]
boxes:
  - {id: a, show: title, x: 0, y: 0, w: 100, h: 50, size: [40, 30], font: black}
  - {id: e, show: warning, x: 0, y: 120, w: 100, h: 50, size: [40, 30], font: arabic}
`
	_, err := LoadDesigns(fstestMap{"f.yaml": d}, "posters")
	if err == nil || err.Error() != `posters/f.yaml: boxes.e.font: "arabic" is not one of regular, bold, black` {
		t.Errorf("got %v", err)
	}
	for _, r := range []Role{"arabic", "arabic-bold"} {
		if !slices.Contains(Roles, r) {
			t.Errorf("Roles %v lacks the fallback face %s (backends register Roles)", Roles, r)
		}
	}
}

// TestFaceConfig: fonts/fonts.yaml names a face for each design role, and
// every fallback names a face it lists.
func TestFaceConfig(t *testing.T) {
	base := "faces:\n  - {role: regular, file: a.ttf}\n  - {role: bold, file: b.ttf}\n  - {role: black, file: c.ttf}\n"
	for _, c := range []struct{ yaml, err string }{
		{base, ""},
		{base + "fallback:\n  ar:\n    regular: [arabic]\n", `fallback.ar.regular: no face has role "arabic"`},
		{"faces:\n  - {role: regular, file: a.ttf}\n", `faces: no face for role "bold"`},
		{base + "  - {role: bold, file: d.ttf}\n", `faces: role "bold" listed twice`},
	} {
		_, err := parseFaceConfig([]byte(c.yaml))
		if got := fmt.Sprint(err); c.err == "" && err != nil || c.err != "" && got != c.err {
			t.Errorf("%q: got %v, want %q", c.yaml, err, c.err)
		}
	}
	if Fallbacks("ar")[Bold][0] != "arabic-bold" || Fallbacks("fr") != nil {
		t.Error("the kit's fonts.yaml: ar has Noto Sans Arabic fallbacks, fr none")
	}
}
