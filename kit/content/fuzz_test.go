package content_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/testkit"
)

// FuzzLoad feeds arbitrary bytes as each data file of the valid fixture:
// the loader must never panic, and must report a problem or load.
func FuzzLoad(f *testing.F) {
	base := fstest.MapFS{}
	root := filepath.Join(testkit.Root(), "testdata", "valid")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			base[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		}
		return err
	})
	files := []string{"fr-FR/edition.yaml", "fr-FR/contacts.yaml", "fr-FR/advice.yaml", "fr-FR/pages/law.md"}
	for i, name := range files {
		f.Add(uint8(i), base[name].Data)
	}
	f.Add(uint8(0), []byte("a: &x [*x]"))
	f.Add(uint8(1), []byte("contacts:\n  - {id: x, phone: {dial: \"+\"}}"))
	f.Add(uint8(3), []byte("---\n---\n"))
	f.Add(uint8(3), []byte("---\ntitle: t\n---\n[a][b] [c](tel:3018) <x@y.fr> ![i](../i.png) <b>x</b>\n\n[b]: https://bücher.example/ \"t\"\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		set, err := content.Load(fsys, "data")
		if err == nil && (set == nil || len(set.Editions) != 1) {
			t.Fatalf("no error and no edition")
		}
	})
}
