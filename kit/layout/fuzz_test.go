package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/awarekit/awarekit/kit/hyphen"
)

// FuzzWrap: any text at any width wraps without panicking or looping, and
// no character is lost (spaces aside).
func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"Si quelqu’un menace de partager des photos\u00a0:",
		"https://www.internet-signalement.gouv.fr/PharosS1/",
		"**gras** et pas **gras",
		"a\nb\n\nc",
		"un signale\u00adment, appelle le 0805 805 817 ou écris à a-b@c-d.fr",
		"va sur internet-signalement.gouv.fr/PharosS1/ ",
		"\u00ad\u00ad x\u00ad \u00ady",
		"",
	} {
		f.Add(s, 120.0, 11.0)
	}
	fonts, err := LoadFonts()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, width, size float64) {
		if !utf8.ValidString(s) || len(s) > 2000 || !(width > 0.01 && width < 5000) || !(size >= 1 && size <= 200) {
			return // outside what a layout is ever asked: nothing to check
		}
		st := setter{fonts, size}
		if len(s)%2 == 1 {
			st.fonts = relaxed(fonts) // the last-resort breaks of URLs
		}
		switch len(s) % 3 {
		case 1: // hyphenated, total-fit
			st.fonts = withOpts(st.fonts, textOpts{hyph: hyphen.For("fr"), never: []string{"Pharos"}})
		case 2: // hyphenated, greedy
			st.fonts = withOpts(st.fonts, textOpts{hyph: hyphen.For("de"), greedy: true})
		}
		p := &Para{Spans: Emphasis(s, Regular, Bold, Color{}, 1)}
		lines := st.wrap(p, width)
		var got strings.Builder
		for _, l := range lines {
			for _, w := range l.words {
				for _, fr := range w.frags {
					got.WriteString(fr.text)
				}
			}
		}
		// Spaces inside a phone number stay in its word.
		want := strings.NewReplacer("\n", "", "\t", "", "**", "", "\u00ad", "").Replace(s)
		if g := strings.ReplaceAll(got.String(), " ", ""); g != strings.ReplaceAll(strings.ReplaceAll(want, "\u202f", "\u00a0"), " ", "") && g != strings.ReplaceAll(want, " ", "") {
			t.Fatalf("characters lost: %q → %q", want, got.String())
		}
		for _, l := range lines {
			if l.width > width+1e-6 && len(l.words) > 1 {
				t.Fatalf("a line of %v in %v: %+v", l.width, width, l)
			}
			if l.hyphen != nil && (len(l.words) == 0 || l.words[len(l.words)-1].hyph == 0) {
				t.Fatalf("a hyphen where no soft hyphen breaks: %+v", l)
			}
		}
	})
}
