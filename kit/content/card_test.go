package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestCard checks edition.yaml's card: list (the contacts on the back of
// the wallet card): its order is kept, and unknown, repeated or too many
// ids are reported at their line.
func TestCard(t *testing.T) {
	for _, tc := range []struct {
		name, card string
		want       []string // contact ids on the card
		err        string
	}{
		{"none: the posters' contacts", "", []string{"pharos"}, ""},
		{"in the given order", "card: [num-3018, pharos]\n", []string{"num-3018", "pharos"}, ""},
		{"unknown id", "card: [num-3018, num-3019]\n", nil, `data/fr-FR/edition.yaml:22:18: card[1]: "num-3019" is not the id of a contact in contacts.yaml`},
		{"twice", "card: [pharos, pharos]\n", nil, `card[1]: "pharos" is listed twice`},
		{"too many", "card: [pharos, num-3018, pharos, num-3018]\n", nil, "card: 4 contacts: the back of the card holds at most 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "valid"), dir); err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(dir, "fr-FR", "edition.yaml")
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, append(b, tc.card...), 0o644); err != nil {
				t.Fatal(err)
			}
			set, err := content.Load(os.DirFS(dir), "data")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range set.Edition("fr-FR").CardContacts() {
				got = append(got, c.ID)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("card = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSourceLang: a source's lang: is an ISO 639-1 code.
func TestSourceLang(t *testing.T) {
	for _, tc := range []struct{ lang, err string }{
		{"fr", ""},
		{"French", `sources[0].lang: "French" is not a language code such as fr (ISO 639-1)`},
	} {
		dir := t.TempDir()
		if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "valid"), dir); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, "fr-FR", "edition.yaml")
		b, _ := os.ReadFile(f)
		b = []byte(strings.Replace(string(b), "    seed: 002_48fcdbe930d9825c.txt\n", "    seed: 002_48fcdbe930d9825c.txt\n    lang: "+tc.lang+"\n", 1))
		os.WriteFile(f, b, 0o644)
		set, err := content.Load(os.DirFS(dir), "data")
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.lang, err)
		case tc.err == "" && set.Edition("fr-FR").Sources[0].Lang != tc.lang:
			t.Errorf("%s: lang not read", tc.lang)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want %q", tc.lang, err, tc.err)
		}
	}
}

// TestPlaceholders: a draft may say "[à adapter : …]" where no source gives
// the local equivalent; a published edition may not, in a page or a field.
func TestPlaceholders(t *testing.T) {
	for _, tc := range []struct {
		status string
		want   []string
	}{
		{"draft", nil},
		{"published", []string{
			`data/fr-FR/advice.yaml:`, `steps[0].text: "[à adapter"…]: a placeholder of a draft left in a published edition`,
			`data/fr-FR/pages/what-to-do.md: "[à adapter"…]: a placeholder`,
		}},
	} {
		dir := t.TempDir()
		if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "valid"), dir); err != nil {
			t.Fatal(err)
		}
		edit := func(name, old, new string) {
			f := filepath.Join(dir, "fr-FR", name)
			b, _ := os.ReadFile(f)
			if !strings.Contains(string(b), old) {
				t.Fatalf("%s has no %q", name, old)
			}
			os.WriteFile(f, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
		}
		edit("edition.yaml", "status: published", "status: "+tc.status)
		edit("advice.yaml", "    text: ", "    text: \"[à adapter : la police du pays]\" # ")
		p := filepath.Join(dir, "fr-FR", "pages", "what-to-do.md")
		b, _ := os.ReadFile(p)
		os.WriteFile(p, append(b, "\n[À adapter : un lieu d'écoute pour les jeunes]\n"...), 0o644)
		_, err := content.Load(os.DirFS(dir), "data")
		if len(tc.want) == 0 {
			if err != nil {
				t.Errorf("%s: %v", tc.status, err)
			}
			continue
		}
		for _, w := range tc.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %v, want %q", tc.status, err, w)
			}
		}
	}
}
