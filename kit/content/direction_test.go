package content

import "testing"

func TestDirection(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"ar", "rtl"}, {"ar-FR", "rtl"}, {"he", "rtl"}, {"fa", "rtl"}, {"ur", "rtl"},
		{"fr", "ltr"}, {"de", "ltr"}, {"uk", "ltr"}, {"lb", "ltr"}, {"it", "ltr"},
		// Kurdish in Latin letters, Azerbaijani in Arabic letters: the script wins.
		{"ku-Latn", "ltr"}, {"az-Arab", "rtl"},
		{"", "ltr"}, {"not a language", "ltr"},
	} {
		if got := Direction(tc.lang); got != tc.want {
			t.Errorf("Direction(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
}
