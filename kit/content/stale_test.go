package content_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

func TestStale(t *testing.T) {
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "data")
	if err != nil {
		t.Fatal(err)
	}
	// The fixture's contacts were verified on 2026-11-24.
	if w := set.Stale(time.Date(2027, 11, 24, 0, 0, 0, 0, time.UTC)); len(w) != 0 {
		t.Errorf("12 months to the day is not stale: %v", w)
	}
	w := set.Stale(time.Date(2027, 11, 25, 0, 0, 0, 0, time.UTC))
	want := "data/fr-FR/contacts.yaml:10:15: contacts[0].verified: PHAROS was last verified on 2026-11-24, more than 12 months ago: check it against its source again"
	if len(w) != 2 || w[0].String() != want {
		t.Errorf("got %v\nwant first %s", w, want)
	}
}
