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
// once, each character that no font of the edition has, naming the
// character, the edition, design, box and data field; it writes nothing.
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
	want := `fr-FR/la-sextorsion/a4/title: character U+4E2D "中" is in no font of the edition (Lato-Black has no glyph for it); it comes from ` + filepath.ToSlash(data) + `/fr-FR/texts.yaml: title`
	if !strings.Contains(err.Error(), want) {
		t.Errorf("got:\n%s\nwant a line:\n%s", err, want)
	}
	for _, size := range []string{"a3"} {
		if !strings.Contains(err.Error(), "fr-FR/la-sextorsion/"+size+"/title: character U+4E2D") {
			t.Errorf("no problem for la-sextorsion/%s:\n%s", size, err)
		}
	}
}
