package layout

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrap: any text at any width wraps without panicking or looping, and
// no character is lost (spaces aside).
func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"Si quelqu’un menace de partager des photos\u00a0:",
		"https://www.internet-signalement.gouv.fr/PharosS1/",
		"**gras** et pas **gras",
		"a\nb\n\nc",
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
			t.Skip()
		}
		st := setter{fonts, size}
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
		want := strings.NewReplacer(" ", "", "\n", "", "\t", "", "**", "").Replace(s)
		// Sanitize may replace glyphs the font lacks by "?": compare lengths.
		if utf8.RuneCountInString(got.String()) != utf8.RuneCountInString(want) {
			t.Fatalf("characters lost: %q → %q", want, got.String())
		}
	})
}
