package build_test

import (
	"os"
	"path/filepath"
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
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "valid"), data); err != nil {
		t.Fatal(err)
	}
	texts := filepath.Join(data, "fr-FR", "texts.yaml")
	b, err := os.ReadFile(texts)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), "title: LA SEXTORSION", "title: LA SEXTORSION \u4e2d", 1))
	if err := os.WriteFile(texts, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = build.CheckAll(testkit.Root(), data, testkit.Today)
	if err == nil {
		t.Fatal("check passed")
	}
	// Reported at the field, file:line:col, once for all the posters and
	// sizes that print it.
	want := filepath.ToSlash(data) + `/fr-FR/texts.yaml:2:8: title: character U+4E2D "中" is in no font of the edition (Lato-Black has no glyph for it)`
	if n := strings.Count(err.Error(), want); n != 1 {
		t.Errorf("got:\n%s\nwant this line once (%d times):\n%s", err, n, want)
	}
	if n := strings.Count(err.Error(), "U+4E2D"); n != 1 {
		t.Errorf("the character is reported %d times:\n%s", n, err)
	}
}
