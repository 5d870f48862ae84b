package build_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// BenchmarkBuildCached is a whole build of the bundled data (posters,
// previews, kits; no site: kit/build does not hold it) in a warm process
// reusing the previous build's unchanged posters and kits through a
// build.Cache, as the live preview does: after one edition's edit, and
// with nothing changed.
func BenchmarkBuildCached(b *testing.B) {
	root := testkit.Root()
	data := filepath.Join(b.TempDir(), "data")
	if err := testkit.CopyDir(filepath.Join(root, "data"), data); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	c := build.NewCache()
	run := func() {
		if _, err := build.Run(build.Options{Root: root, Data: data, Out: out, Cache: c, Now: testkit.Today}); err != nil {
			b.Fatal(err)
		}
	}
	run()
	advice := filepath.Join(data, "fr-FR", "advice.yaml")
	orig, err := os.ReadFile(advice)
	if err != nil {
		b.Fatal(err)
	}
	const word = "immédiatement de lui parler."
	if !bytes.Contains(orig, []byte(word)) {
		b.Fatalf("%s: no %q to edit", advice, word)
	}
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			run()
		}
	})
	b.Run("fr-FR-edited", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			b.StopTimer()
			// The first step's text changes, as in BenchmarkServeUpdate.
			edited := bytes.Replace(orig, []byte(word), []byte(fmt.Sprintf("immédiatement de lui parler (Édition%d).", i)), 1)
			if err := os.WriteFile(advice, edited, 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			run()
		}
	})
}
