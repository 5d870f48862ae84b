package l10n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
)

// TestNewNotes: awarekit new writes its developer note only in
// translation.yaml; what it marks unverified (printed on the draft's
// pages) says why in the new edition's language.
func TestNewNotes(t *testing.T) {
	opt, src := kit(t)
	if _, err := New(opt, "de-LU", src); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(opt.Data, "de-LU")
	e, err := content.LoadEdition(os.DirFS(dir), "data/de-LU", "de-LU")
	if err != nil {
		t.Fatal(err)
	}
	const want = "Aus einer anderen Ausgabe übernommen: vor der Veröffentlichung anhand einer offiziellen Quelle der Region zu prüfen."
	notes := []string{e.Emergency.Unverified}
	for _, c := range e.Contacts {
		notes = append(notes, c.Unverified)
	}
	for _, r := range e.Law {
		notes = append(notes, r.Unverified)
	}
	for _, n := range notes {
		if n != want {
			t.Errorf("unverified note %q, want the German one", n)
		}
	}
	for _, f := range []string{"edition.yaml", "contacts.yaml", "law.yaml"} {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		if strings.Contains(string(b), "awarekit new") {
			t.Errorf("%s carries the developer note", f)
		}
	}
	if e.Translation == nil || !strings.Contains(e.Translation.Note, "copied from "+src+" by awarekit new") {
		t.Errorf("translation.yaml note: %+v", e.Translation)
	}
}
