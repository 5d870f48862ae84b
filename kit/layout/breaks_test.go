package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/hyphen"
)

// breakCases are paragraphs of the bundled texts set at given widths (in
// points, Lato Regular 11 pt): their lines are golden files under
// testdata/breaks/ (go test -update rewrites them; review the diff).
var breakCases = []struct {
	name, lang string
	width      float64
	text       string
}{
	{"fr-definition-150", "fr", 150, "La sextorsion est une forme de chantage : une personne menace de diffuser des photos ou des vidéos intimes de toi si tu ne lui envoies pas d’autres images ou de l’argent."},
	{"fr-pharos-140", "fr", 140, "Signale les contenus illicites sur la plateforme PHAROS : internet-signalement.gouv.fr, ou appelle le 3018, gratuit et anonyme."},
	{"fr-reality-100", "fr", 100, "Tu n’as rien à te reprocher. C’est la personne qui te fait du chantage qui commet une infraction."},
	{"de-definition-150", "de", 150, "Sextortion ist eine Form der Erpressung: Jemand droht, intime Fotos oder Videos von dir zu verbreiten, wenn du nicht weitere Bilder oder Geld schickst."},
	{"de-terms-110", "de", 110, "Melde Verstöße gegen die Nutzungsbedingungen direkt bei der Plattform und wende dich an die BEE SECURE Helpline."},
	{"de-narrow-70", "de", 70, "Kinderschutzorganisationen und Beratungsstellen helfen vertraulich."},
}

func setCase(t *testing.T, lang, text string, width float64, greedy bool) []string {
	t.Helper()
	f := withOpts(fonts(t), textOpts{hyph: hyphen.For(lang), never: []string{"BEE SECURE Helpline", "PHAROS"}, hold: []string{"BEE SECURE Helpline"}, greedy: greedy})
	st := setter{f, 11}
	var out []string
	for _, l := range st.wrap(&Para{Spans: []Span{{Text: text, Role: Regular, Scale: 1}}}, width) {
		var b strings.Builder
		for i, w := range l.words {
			for _, fr := range w.frags {
				b.WriteString(fr.text)
			}
			if i < len(l.words)-1 && w.space > 0 {
				b.WriteByte(' ')
			}
		}
		if l.hyphen != nil {
			b.WriteString("-")
		}
		if l.width > width+1e-6 {
			t.Errorf("%q: line %q is %.2f pt wide in %.2f", text, b.String(), l.width, width)
		}
		out = append(out, b.String())
	}
	return out
}

func TestGoldenBreaks(t *testing.T) {
	for _, c := range breakCases {
		got := fmt.Sprintf("# %s, %.0f pt, Lato Regular 11 pt, total-fit\n%s\n# greedy\n%s\n", c.lang, c.width,
			strings.Join(setCase(t, c.lang, c.text, c.width, false), "\n"),
			strings.Join(setCase(t, c.lang, c.text, c.width, true), "\n"))
		golden := filepath.Join("testdata", "breaks", c.name+".txt")
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s changed:\n%s", golden, got)
		}
	}
}

// TestNeverHyphenated: no hyphen is drawn inside a URL, an e-mail
// address, a phone number, a word in capitals or a listed name, however
// narrow the box; ordinary words of the same text are hyphenated; an
// edition language without patterns hyphenates nothing; a word with a
// soft hyphen breaks only there.
func TestNeverHyphenated(t *testing.T) {
	text := "signalement internet-signalement.gouv.fr contact@e-enfance.org 0805 805 817 SIGNALEMENT Pharos Nutzungsbedingungen"
	for _, width := range []float64{30, 40, 60, 80} {
		lines := setCase(t, "fr", text, width, false)
		joined := strings.Join(lines, "\n")
		for _, bad := range []string{"inter-\n", "signa-\nlement.gouv", "con-\ntact", "enfan-\nce", "SI-\n", "SIGNA-\n", "Pha-\nros"} {
			if strings.Contains(joined, bad) {
				t.Errorf("width %.0f: hyphen inside a protected word: %q", width, lines)
			}
		}
	}
	if lines := setCase(t, "fr", "signalement", 40, false); len(lines) < 2 || !strings.HasSuffix(lines[0], "-") {
		t.Errorf("\"signalement\" at 40 pt: %q", lines)
	}
	p := withOpts(fonts(t), textOpts{hyph: hyphen.For("ar")})
	st := setter{p, 11}
	for _, l := range st.wrap(&Para{Spans: []Span{{Text: "signalement accompagnement", Role: Regular, Scale: 1}}}, 40) {
		if l.hyphen != nil {
			t.Errorf("a language without patterns hyphenated")
		}
	}
	lines := setCase(t, "fr", "un signale\u00adment", 60, false)
	if strings.Join(lines, "|") != "un signale-|ment" {
		t.Errorf("the data's soft hyphen: %q", lines)
	}
}

// TestTotalFitLinear: the breaker looks back over one line at most: on a
// paragraph of 50 000 short words its work grows linearly.
func TestTotalFitLinear(t *testing.T) {
	items := make([]brkItem, 50000)
	for i := range items {
		items[i] = brkItem{width: 10, space: 3}
	}
	ends := totalFit(items, 100)
	if len(ends) != 7143 { // 7 items a line
		t.Errorf("%d lines, want 7143", len(ends))
	}
	// A box wider than the whole paragraph: one line, bounded look-back.
	if ends := totalFit(items[:2000], 1e9); len(ends) != 4 {
		t.Errorf("a paragraph of 2000 items on %d lines (look-back %d)", len(ends), maxWordsPerLine)
	}
}

// TestTotalFitBeatsGreedy: a case where greedy leaves a ragged edge and
// total-fit evens it out with the same number of lines.
func TestTotalFitBeatsGreedy(t *testing.T) {
	// "aaa bb cc dddd" in a width of 7 characters (space 1).
	items := []brkItem{{width: 3, space: 1}, {width: 2, space: 1}, {width: 2, space: 1}, {width: 4}}
	g, tf := greedyBreaks(items, 7), totalFit(items, 7)
	rg, _ := raggedness(items, g, 7)
	rt, _ := raggedness(items, tf, 7)
	if len(g) != len(tf) || rt > rg {
		t.Errorf("greedy %v (%.0f), total-fit %v (%.0f)", g, rg, tf, rt)
	}
	// A hyphen is taken only when it pays.
	items = []brkItem{{width: 3, space: 1}, {width: 3, hyph: 1, glued: true}, {width: 3}}
	if got := totalFit(items, 100); len(got) != 1 {
		t.Errorf("a line that fits was broken: %v", got)
	}
}

// TestBreaksKey: a box's breaks: is optimal or greedy; anything else is
// an error of the design.
func TestBreaksKey(t *testing.T) {
	d := `id: b
sizes: [a4]
boxes:
  - {id: a, show: title, x: 0, y: 0, w: 100, h: 50, size: [40, 30], breaks: greedy}
  - {id: c, show: slogan, x: 0, y: 60, w: 100, h: 50, size: [40, 30], breaks: optimal}
  - {id: e, show: warning, x: 0, y: 120, w: 100, h: 50, size: [40, 30], breaks: fancy}
`
	_, err := LoadDesigns(fstestMap{"b.yaml": d}, "posters")
	if err == nil || err.Error() != `posters/b.yaml: boxes.e.breaks: "fancy" is not one of optimal, greedy` {
		t.Errorf("got %v", err)
	}
}

// TestFinalHyphen: the line before a paragraph's last ends in a hyphen
// only when that saves much more than a plain break (in a two-line
// contact purpose, "passen-de Hilfe" became "passende Hilfe" whole on the
// second line), while a hyphen further up stays when it pays.
func TestFinalHyphen(t *testing.T) {
	// "aaaaaa bbb-ccc" in a width of 11: "aaaaaa bbb-" fills the first
	// line (unused 0) but cuts the word before the last line; "aaaaaa"
	// leaves 5 unused (25), less than the hyphen's penalties (0.0625 W² +
	// 0.25 W² = 37.8), though more than the plain hyphen's alone (7.6).
	items := []brkItem{{width: 6, space: 1}, {width: 3, hyph: 1, glued: true}, {width: 3}}
	if got := totalFitPlain(items, 11); len(got) != 2 || got[0] != 0 {
		t.Errorf("breaks %v: want the line break before the word, not in it", got)
	}
	// A wider gap (unused 16 of 20: 256) pays for the cut.
	items = []brkItem{{width: 4, space: 1}, {width: 14, hyph: 1, glued: true}, {width: 2}}
	if got := totalFitPlain(items, 20); len(got) != 2 || got[0] != 1 {
		t.Errorf("breaks %v: want the hyphen", got)
	}
	// Two contacts' purposes (de-LU, fr-FR), at widths where they were cut.
	for _, c := range []struct {
		lang, text string
		width      float64
	}{
		{"de", "Um darüber zu reden und passende Hilfe zu finden", 165},
		{"fr", "Pour un enfant en danger, 24 h/24", 120},
	} {
		if lines := setCase(t, c.lang, c.text, c.width, false); strings.Contains(strings.Join(lines, "|"), "-|") {
			t.Errorf("a two-line purpose cut before its last line: %q", lines)
		}
	}
}

// TestHeldNames: a name the edition lists under no_hyphenation (hold) is
// one word, its spaces held like no-break spaces, so that no line ends
// inside it; a name only never hyphenated (a contact's name) still breaks
// at its spaces; a held name wider than the line breaks at a space, not
// between letters.
func TestHeldNames(t *testing.T) {
	words := func(o textOpts, text string, width float64) []string {
		st := setter{withOpts(fonts(t), o), 11}
		var out []string
		for _, w := range st.words(&Para{Spans: []Span{{Text: text, Role: Regular, Scale: 1}}}, width) {
			var s string
			for _, f := range w.frags {
				s += f.text
			}
			out = append(out, s)
		}
		return out
	}
	// Without patterns, so that words are not cut at hyphenation points.
	text := "wende dich an die BEE SECURE Helpline."
	if got := strings.Join(words(textOpts{never: []string{"BEE SECURE"}, hold: []string{"BEE SECURE"}}, text, 200), "|"); got != "wende|dich|an|die|BEE SECURE|Helpline." {
		t.Errorf("held: %s", got)
	}
	if got := strings.Join(words(textOpts{never: []string{"BEE SECURE"}}, text, 200), "|"); got != "wende|dich|an|die|BEE|SECURE|Helpline." {
		t.Errorf("only never hyphenated: %s", got)
	}
	if got := strings.Join(words(textOpts{hold: []string{"BEE SECURE"}}, "BEE SECURE", 50), "|"); got != "BEE |SECURE" {
		t.Errorf("held, wider than the line: %s", got)
	}
}
