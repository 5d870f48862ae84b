package l10n

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestNewDropsCardContacts: a contact dropped by a change of region
// (3018, a French short number) leaves the wallet card's list (card:)
// too, so that the new edition is valid: bench/scale.sh scaffolds its
// 100 editions from fr-FR, and all but three failed to load. The source
// is the valid fixture with a card listing 3018 (a kit written out to a
// folder: New writes the new edition beside it).
func TestNewDropsCardContacts(t *testing.T) {
	k := testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR")
	ed := k.Files["data/fr-FR/edition.yaml"]
	ed.Data = append(ed.Data, "card: [num-3018, pharos]\n"...)
	dir := k.Dir(t)
	data := filepath.Join(dir, "data")
	src, err := content.LoadEdition(os.DirFS(filepath.Join(data, "fr-FR")), "data/fr-FR", "fr-FR")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(src.Card, "num-3018") {
		t.Fatalf("fr-FR's card does not list num-3018 (%v): the test checks nothing", src.Card)
	}
	opt := Options{Data: data, Root: dir}
	for _, code := range []string{"fr-BE", "fr-CA", "fr-DE"} {
		res, err := New(opt, code, "fr-FR")
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if !slices.Contains(res.Removed, "num-3018") {
			t.Errorf("%s: 3018 not dropped (%v)", code, res.Removed)
		}
		e, err := content.LoadEdition(os.DirFS(filepath.Join(data, code)), "data/"+code, code)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if slices.Contains(e.Card, "num-3018") {
			t.Errorf("%s: the card still lists num-3018: %v", code, e.Card)
		}
	}
}
