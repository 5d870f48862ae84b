package content_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestMixedScriptWarning: a host that mixes scripts is accepted with a
// warning (Stale and Warnings list it); one script, or ASCII, is silent.
func TestMixedScriptWarning(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"https://www.internet-signalement.gouv.fr/", ""},
		{"https://bücher.example/", ""},
		{"https://пример.рф/", ""},
		// A Cyrillic "а" (U+0430) in a Latin name.
		{"https://p\u0430ypal.example/", `data/fr-FR/contacts.yaml:5:10: contacts[0].url: the host "pаypal.example" mixes scripts (Cyrillic, Latin): make sure it is the service's real address, not a look-alike`},
		// A whole Cyrillic label under a Latin top-level domain.
		{"https://\u0430\u0440\u0440\u04cf\u0435.fr/", `data/fr-FR/contacts.yaml:5:10: contacts[0].url: the host "арр` + "\u04cf" + `е.fr" mixes scripts (Cyrillic, Latin): make sure it is the service's real address, not a look-alike`},
	} {
		t.Run(tc.url, func(t *testing.T) {
			dir := t.TempDir()
			c := testkit.Case{Files: map[string][]byte{"fr-FR/contacts.yaml": []byte(`contacts:
  - id: pharos
    name: PHAROS
    purpose: Pour demander le retrait d'un contenu
    url: "` + tc.url + `"
    audiences: [everyone]
    source: seed-002
    unverified: test
`)}}
			if err := c.Materialise(dir); err != nil {
				t.Fatal(err)
			}
			set, err := content.Load(os.DirFS(filepath.Join(dir, "data")), "data")
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if w := set.Warnings(); len(w) > 0 {
				got = w.Err().Error()
			}
			if got != tc.want {
				t.Errorf("warnings:\n%s\nwant:\n%s", got, tc.want)
			}
			if len(set.Stale(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))) != len(set.Warnings()) {
				t.Errorf("Stale does not include the warnings")
			}
		})
	}
}

func TestLinkURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://bücher.example/a":   "https://xn--bcher-kva.example/a",
		"https://www.e-enfance.org/": "https://www.e-enfance.org/",
	} {
		if got := content.LinkURL(in); got != want {
			t.Errorf("LinkURL(%q) = %q, want %q", in, got, want)
		}
	}
}
