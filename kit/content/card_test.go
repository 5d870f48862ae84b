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
