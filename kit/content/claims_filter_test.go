package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/testkit"
)

// claimsByRegexp is ClaimsIn without the needles: the regular
// expressions alone.
func claimsByRegexp(text string) []string {
	var out []string
	for _, cl := range ClaimKinds() {
		if cl.Words.MatchString(text) {
			out = append(out, cl.Key)
		}
	}
	return out
}

func claimKeys(cls []Claim) []string {
	var out []string
	for _, cl := range cls {
		out = append(out, cl.Key)
	}
	return out
}

// TestClaimNeedles: the needles that skip the regular expressions never
// change what ClaimsIn finds, on the texts below (cases, folding, every
// alternative of each expression) and on every line of the bundled data.
func TestClaimNeedles(t *testing.T) {
	texts := []string{
		"Appel GRATUIT et anonyme", "gratuitement", "Kostenlos", "GEBÜHRENFREI", "Free Of Charge",
		"ANONYMAT", "confidentialité", "VERTRAULICH", "24 h/24", "24h sur 24", "24 HEURES / 24", "24/7",
		"Rund um die Uhr", "24 Stunden", "ouvert de 9 h à 18 h", "",
		"\u212aostenlos",    // Kelvin sign: folds into k in a case-insensitive match
		"\u212aonfidentiel", // not a claim either way
		"vertrauliche Beratung", "Free of charge", "freeofcharge",
		"kostenloſ", // long s
		"gebuhrenfrei", "24 / 7", "24/ 24",
		"БЕЗКОШТОВНО", "Безплатна", "анонімно", "Конфіденційна служба", "Щодня, цілодобово", "24 години на добу",
		"خدمة مجانية ودون ذكر الاسم وسرية", "المجاني", "مجانين", "سريعًا", "بسرّية", "على مدار الساعة", "24 ساعة", "مجهول الهوية",
	}
	root := testkit.Root()
	fsys := os.DirFS(filepath.Join(root, "data"))
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".md")) {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
		return nil
	})
	if len(texts) < 1000 {
		t.Fatalf("only %d lines read from data/", len(texts))
	}
	found := 0
	for _, s := range texts {
		got, want := claimKeys(ClaimsIn(s)), claimsByRegexp(s)
		if !slices.Equal(got, want) {
			t.Errorf("ClaimsIn(%q) = %v, the regular expressions find %v", s, got, want)
		}
		found += len(want)
	}
	if found < 20 {
		t.Errorf("only %d claims in the texts: the test checks little", found)
	}
}
