package layout

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/testkit"
	"io/fs"
)

var update = flag.Bool("update", false, "rewrite the golden snapshots under testdata/")

func fonts(t testing.TB) Fonts {
	f, err := LoadFonts()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFit(t *testing.T) {
	// height grows as the size grows: 10 lines of size*1.2.
	h := func(s float64) float64 { return 10 * s * 1.2 }
	for _, tc := range []struct {
		max, min, avail float64
		want            float64
		ok              bool
	}{
		{20, 10, 240, 20, true},    // the maximum fits
		{20, 10, 150, 12.5, true},  // 12.5*12 = 150
		{20, 10, 149, 12.25, true}, // a quarter point below
		{20, 10, 119, 10, false},   // even the minimum overflows
		{11, 11, 132, 11, true},
	} {
		got, ok, excess := fit(tc.max, tc.min, tc.avail, h)
		if got != tc.want || ok != tc.ok {
			t.Errorf("fit(%v,%v,%v) = %v,%v; want %v,%v", tc.max, tc.min, tc.avail, got, ok, tc.want, tc.ok)
		}
		if !ok && excess <= 0 {
			t.Errorf("an overflow with no excess")
		}
	}
}

func TestWrap(t *testing.T) {
	f := fonts(t)
	st := setter{f, 12}
	words := func(ls []line) []string {
		var out []string
		for _, l := range ls {
			var ws []string
			for _, w := range l.words {
				var b strings.Builder
				for _, fr := range w.frags {
					b.WriteString(fr.text)
				}
				ws = append(ws, b.String())
			}
			out = append(out, strings.Join(ws, " "))
		}
		return out
	}
	para := func(s string) *Para {
		return &Para{Spans: []Span{{Text: s, Role: Regular, Scale: 1}}}
	}
	// Every line fits its width.
	p := para("Si quelqu’un menace de partager des photos ou des vidéos intimes de toi, voici ce que tu peux faire\u00a0:")
	for _, w := range []float64{80, 150, 300} {
		for _, l := range st.wrap(p, w) {
			if l.width > w+1e-6 && len(l.words) > 1 {
				t.Errorf("width %v: a line of %v", w, l.width)
			}
		}
	}
	// A no-break space never breaks: « faire : » stays together.
	for _, l := range words(st.wrap(p, 150)) {
		if strings.HasPrefix(l, ":") {
			t.Errorf("a line starts with a colon: %q", l)
		}
	}
	// No single word alone on the last line when it can be avoided.
	ls := words(st.wrap(para("Tu peux obtenir de l’aide et tu n’as rien à te reprocher."), st.fonts[Regular].Width("Tu peux obtenir de l’aide et tu n’as rien à te", 12)+1))
	if last := ls[len(ls)-1]; !strings.Contains(last, " ") {
		t.Errorf("widow: %q", ls)
	}
	// A URL longer than the line breaks after a slash, never at its hyphen
	// or a dot.
	ls = words(st.wrap(para("https://www.internet-signalement.gouv.fr/PharosS1/"), st.fonts[Regular].Width("https://www.internet-signalement.gouv.fr/", 12)+1))
	if len(ls) != 2 || ls[0] != "https://www.internet-signalement.gouv.fr/" {
		t.Errorf("URL broken as %q", ls)
	}
	if strings.Join(ls, "") != "https://www.internet-signalement.gouv.fr/PharosS1/" {
		t.Errorf("URL pieces lost characters: %q", ls)
	}
	// A word narrower than nothing does not loop forever (gopdf's SplitText does).
	if ls := st.wrap(para("abc"), 0.1); len(ls) == 0 {
		t.Error("no line")
	}
}

func TestEmphasis(t *testing.T) {
	got := Emphasis("aux menaces ; **n’envoie jamais d’argent**. Ça", Regular, Bold, Color{}, 1)
	if len(got) != 3 || got[1].Role != Bold || got[1].Text != "n’envoie jamais d’argent" || got[2].Text != ". Ça" {
		t.Errorf("%+v", got)
	}
}

// loadKit loads the editions of the data folder dir (relative to the
// repository root) with the embedded designs, and returns the embedded
// i18n folder beside them.
func loadKit(t *testing.T, dir ...string) (*content.Set, []*Design, fs.FS) {
	t.Helper()
	set, err := content.Load(os.DirFS(filepath.Join(append([]string{testkit.Root()}, dir...)...)), "data")
	if err != nil {
		t.Fatal(err)
	}
	posters, _ := fs.Sub(awarekit.Defaults, "posters")
	ds, err := LoadDesigns(posters, "posters")
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := fs.Sub(awarekit.Defaults, "i18n")
	return set, ds, tr
}

func loadFixture(t *testing.T) (*content.Edition, []*Design, map[string]string) {
	t.Helper()
	set, ds, tr := loadKit(t, "testdata", "valid")
	m, err := i18n.Load(tr, "i18n", "fr", "fr-FR")
	if err != nil {
		t.Fatal(err)
	}
	return set.Editions[0], ds, m
}

// TestSnapshots compares the page description of each design with a
// golden file: any change in layout shows up as a reviewable diff
// (go test ./kit/layout -update rewrites them).
func TestSnapshots(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, d := range ds {
		for _, size := range d.Sizes {
			pg, err := Layout(fonts(t), Job{Edition: e, Design: d, Size: size, I18n: tr})
			if err != nil {
				t.Fatal(err)
			}
			// Nothing leaves the page.
			for _, tx := range pg.Texts {
				if tx.X < 0 || tx.X+tx.Width > pg.Width+0.5 || tx.Y < 0 || tx.Y > pg.Height {
					t.Errorf("%s/%s: text outside the page: %+v", d.ID, size, tx)
				}
			}
			golden := filepath.Join("testdata", d.ID+"-"+size+".txt")
			got := pg.Snapshot()
			if *update {
				os.MkdirAll("testdata", 0o755)
				os.WriteFile(golden, []byte(got), 0o644)
				continue
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s changed; review with go test -update && git diff\n%s", golden, got)
			}
		}
	}
}

// TestA3IsScaledA4: same layout, sizes × √2.
func TestA3IsScaledA4(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, d := range ds {
		a4, _ := Layout(fonts(t), Job{Edition: e, Design: d, Size: "a4", I18n: tr})
		a3, _ := Layout(fonts(t), Job{Edition: e, Design: d, Size: "a3", I18n: tr})
		if len(a4.Texts) != len(a3.Texts) {
			t.Fatalf("%s: %d runs on A4, %d on A3", d.ID, len(a4.Texts), len(a3.Texts))
		}
		for i := range a4.Fitted {
			r := a3.Fitted[i].Size / a4.Fitted[i].Size
			if r < 1.38 || r > 1.45 {
				t.Errorf("%s/%s: A3/A4 size ratio %.3f", d.ID, a4.Fitted[i].Box, r)
			}
		}
	}
}

func TestMinimumSizes(t *testing.T) {
	e, ds, tr := loadFixture(t)
	for _, d := range ds {
		for _, size := range d.Sizes {
			pg, _ := Layout(fonts(t), Job{Edition: e, Design: d, Size: size, I18n: tr})
			for _, f := range pg.Fitted {
				min := MinBody[size]
				if strings.Contains(f.Box, "footer") {
					min *= 0.6
				}
				if f.Size < min-1e-6 {
					t.Errorf("%s/%s/%s set at %.2f pt, under %.1f", d.ID, size, f.Box, f.Size, min)
				}
			}
		}
	}
}

func TestDesignChecks(t *testing.T) {
	bad := `id: broken
sizes: [a4, b5]
colors: {ink: "#12345"}
boxes:
  - {id: a, show: title, x: 0, y: 0, w: 100, h: 50, size: [40, 30]}
  - {id: b, show: titel, x: 50, y: 20, w: 100, h: 50, size: [12, 8]}
  - {id: c, show: contacts, x: 150, y: 280, w: 100, h: 50, size: [12, 11], color: red}
`
	fsys := fstestMap{"broken.yaml": bad}
	_, err := LoadDesigns(fsys, "posters")
	if err == nil {
		t.Fatal("no error")
	}
	want := `posters/broken.yaml: boxes.b: overlaps box a
posters/broken.yaml: boxes.b.show: "titel" is not one of title, definition, warning, advice, myths, contacts, slogan, question, steps, call_to_action, footer, sheet_title, sheet, contacts_list, label, guide, site, card_contacts
posters/broken.yaml: boxes.b.size: the minimum 8.0 pt on a4 is under the 11.0 pt readable there
posters/broken.yaml: boxes.c: leaves the page (210 × 297 mm): x 150, y 280, w 100, h 50
posters/broken.yaml: boxes.c.color: unknown colour "red" (define it under colors:)
posters/broken.yaml: boxes.c.qr: missing: the side of the QR codes in mm
posters/broken.yaml: colors.ink: "#12345" is not a colour written #rrggbb
posters/broken.yaml: sizes[1]: unknown paper size "b5"`
	if err.Error() != want {
		t.Errorf("got:\n%s\nwant:\n%s", err, want)
	}
}

// TestCutWord: a phone number never splits between digits: when it cannot
// fit the width, the block does not fit at all; a URL may break after "/".
func TestCutWord(t *testing.T) {
	st := setter{fonts(t), 16}
	phone := []Para{{Spans: []Span{{Text: "0805\u00a0805\u00a0817", Role: Black, Scale: 1}}}}
	narrow := st.fonts[Black].Width("0805\u00a0805", 16)
	if b := st.set(phone, narrow); b.cut == "" || !math.IsInf(b.fitHeight(), 1) {
		t.Errorf("the number was split without notice: %+v", b.lines)
	}
	if b := st.set(phone, narrow*2); b.cut != "" {
		t.Errorf("cut although it fits: %q", b.cut)
	}
	url := []Para{{Spans: []Span{{Text: "https://www.internet-signalement.gouv.fr/PharosS1/", Role: Regular, Scale: 1}}}}
	if b := st.set(url, st.fonts[Regular].Width("https://www.internet-signalement.gouv.fr/", 16)+1); b.cut != "" {
		t.Errorf("a URL break after / counted as a cut: %q", b.cut)
	}
	// Anywhere else, a URL does not break: the block does not fit.
	if b := st.set(url, 120); b.cut != "https://www.internet-signalement.gouv.fr/PharosS1/" {
		t.Errorf("a URL broken inside its host: cut %q, lines %+v", b.cut, b.lines)
	}
}

// TestDocumentNames: the PDF's title and subject name the poster in the
// strings' language (design_<id>), not the design file's French name.
func TestDocumentNames(t *testing.T) {
	e, ds, _ := loadFixture(t)
	_, _, sub := loadKit(t, "testdata", "valid")
	de, err := i18n.Load(sub, "i18n", "de", "de-LU")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.ID != "la-sextorsion" {
			continue
		}
		pg, err := Layout(fonts(t), Job{Edition: e, Design: d, Size: "a4", I18n: de})
		if err != nil {
			t.Fatal(err)
		}
		if want := de["design_la-sextorsion"]; pg.Subject != want || !strings.HasPrefix(pg.Title, want+" – ") {
			t.Errorf("title %q, subject %q: want the German name %q", pg.Title, pg.Subject, want)
		}
		return
	}
	t.Fatal("no la-sextorsion design")
}
