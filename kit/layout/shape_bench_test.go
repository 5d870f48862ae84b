package layout

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/testkit"
)

// BenchmarkShapedA4 is the warm layout of the bundled fr-FR la-sextorsion
// A4 poster, shaped (kit/build's BenchmarkPosterA4 adds the PDF); it
// links no Hugo, for quick comparisons while working on the shaping.
func BenchmarkShapedA4(b *testing.B) {
	set, err := content.LoadOptions(os.DirFS(filepath.Join(testkit.Root(), "data")), "data", content.Options{Now: testkit.Today})
	if err != nil {
		b.Fatal(err)
	}
	e := set.Edition("fr-FR")
	posters, _ := fs.Sub(awarekit.Defaults, "posters")
	ds, err := LoadDesigns(posters, "posters")
	if err != nil {
		b.Fatal(err)
	}
	var d *Design
	for _, x := range ds {
		if x.ID == "la-sextorsion" {
			d = x
		}
	}
	tr, _ := fs.Sub(awarekit.Defaults, "i18n")
	strs, err := i18n.Load(tr, "i18n", "fr", "fr-FR")
	if err != nil {
		b.Fatal(err)
	}
	fs, err := LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	j := Job{Edition: e, Design: d, Size: "a4", I18n: strs}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(fs, j); err != nil {
			b.Fatal(err)
		}
	}
}
