package build_test

import (
	"os"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestCheckMissingGlyph: check lays out every poster and reports, all at
// once, each character that no font of the edition has (its fallbacks
// considered), naming the character and the data field it comes from,
// file:line:col; it writes nothing.
func TestCheckMissingGlyph(t *testing.T) {
	k := testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR")
	texts := k.Files["data/fr-FR/texts.yaml"]
	texts.Data = []byte(strings.Replace(string(texts.Data), "title: LA SEXTORSION", "title: LA SEXTORSION \u4e2d", 1))
	_, err := build.CheckOptions(kitOptions(k))
	if err == nil {
		t.Fatal("check passed")
	}
	if _, err := os.Stat(k.Out); !os.IsNotExist(err) {
		t.Errorf("check wrote %s", k.Out)
	}
	// Reported at the field, file:line:col, once for all the posters and
	// sizes that print it.
	want := `data/fr-FR/texts.yaml:2:8: title: character U+4E2D "中" is in no font of the edition (Lato-Black has no glyph for it)`
	if n := strings.Count(err.Error(), want); n != 1 {
		t.Errorf("got:\n%s\nwant this line once (%d times):\n%s", err, n, want)
	}
	if n := strings.Count(err.Error(), "U+4E2D"); n != 1 {
		t.Errorf("the character is reported %d times:\n%s", n, err)
	}
}
