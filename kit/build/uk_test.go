package build_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestUkrainianPosters reads the uk-FR posters back with pdftotext: they
// hold the data's Ukrainian texts (Cyrillic set in Lato, no empty boxes),
// with Ukrainian typography: «» without spaces inside, no space before a
// colon, the apostrophe of a Ukrainian word printed as ʼ (U+02BC), and
// dates as 24.11.2026.
func TestUkrainianPosters(t *testing.T) {
	out := bundled(t)
	set, err := build.Check(filepath.Join(testkit.Root(), "data"), testkit.Today)
	if err != nil {
		t.Fatal(err)
	}
	e := set.Edition("uk-FR")
	if e == nil {
		t.Fatal("no uk-FR edition in data/")
	}
	plain := func(s string) string {
		return normalise(strings.NewReplacer("**", "", "\u02bc", "'").Replace(s))
	}
	raw := func(file string) string {
		return tool(t, "pdftotext", filepath.Join(out, "uk-FR", "posters", file), "-")
	}
	for _, file := range []string{"la-sextorsion-a4.pdf", "la-sextorsion-a3-bleed.pdf"} {
		text := raw(file)
		got := plain(text)
		want := []string{e.Texts.Title, e.Texts.Definition, e.Texts.Warning, e.Texts.AdviceIntro}
		for _, s := range e.Advice {
			want = append(want, s.Keyword+" "+s.Text)
		}
		for _, m := range e.Myths {
			want = append(want, m.Myth, m.Reality)
		}
		for _, w := range want {
			if !strings.Contains(got, plain(w)) {
				t.Errorf("uk-FR/%s lacks %q", file, w)
			}
		}
		for _, bad := range []string{"\u00a0:", "\u202f;", "\u202f!", "\u202f?", " :"} {
			if strings.Contains(text, bad) {
				t.Errorf("uk-FR/%s has a French space before a mark (%q)", file, bad)
			}
		}
		// A draft's footer says, in Ukrainian, that nothing was verified and
		// where the facts come from; it never claims a verification.
		for _, w := range []string{"Не перевірено", "Джерела:"} {
			if !strings.Contains(text, w) {
				t.Errorf("uk-FR/%s: the footer lacks %q:\n%s", file, w, text)
			}
		}
		if strings.Contains(text, "Перевірено ") {
			t.Errorf("uk-FR/%s: a draft says it was verified:\n%s", file, text)
		}
	}
	// The THESEE hours, written п'ятниці in the data, on the contacts
	// poster; the «» of the guide.
	if text := raw("contacts-a4.pdf"); !strings.Contains(text, "п\u02bcятниці") {
		t.Errorf("uk-FR/contacts-a4.pdf: the apostrophe of пʼятниці is not U+02BC:\n%s", text)
	}
	if text := raw("guide-a4.pdf"); !strings.Contains(text, "«-bleed»") || strings.Contains(text, "«\u00a0") || strings.Contains(text, "« ") {
		t.Errorf("uk-FR/guide-a4.pdf: «-bleed» not in Ukrainian quotes:\n%s", text)
	}
}
