package testkit

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestKit(t *testing.T) {
	k := NewKit(t, `# a comment
copy testdata/valid/fr-FR data/it-IT
copy i18n/fr.yaml i18n/it.yaml
delete data/it-IT/pages/law.md
-- data/it-IT/texts.yaml --
title: TITOLO
-- i18n/locale/it.yaml --
dates: {}
`)
	fsys := k.FS(t)
	for name, want := range map[string]bool{
		"data/it-IT/edition.yaml": true, "data/it-IT/pages/law.md": false, "data/it-IT/pages/what-is.md": true,
		"i18n/it.yaml": true, "i18n/locale/it.yaml": true, "data/fr-FR/edition.yaml": false,
	} {
		if _, ok := fsys[name]; ok != want {
			t.Errorf("%s: present %v, want %v", name, ok, want)
		}
	}
	if got := string(fsys["data/it-IT/texts.yaml"].Data); got != "title: TITOLO\n" {
		t.Errorf("texts.yaml: %q", got)
	}
	// Data is the kit's data/, read from Files when it is read.
	fsys["data/it-IT/texts.yaml"].Data = []byte("title: ALTRO\n")
	if b, err := fs.ReadFile(k.Data(), "it-IT/texts.yaml"); err != nil || string(b) != "title: ALTRO\n" {
		t.Errorf("Data: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Dir(k.Out)); err != nil {
		t.Errorf("Out's parent: %v", err)
	}
	if _, err := os.Stat(k.Out); err == nil {
		t.Error("Out exists before a build")
	}
	// Dir writes the kit out, once.
	dir := k.Dir(t)
	if b, err := os.ReadFile(filepath.Join(dir, "data", "it-IT", "texts.yaml")); err != nil || string(b) != "title: ALTRO\n" {
		t.Errorf("Dir: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "it-IT", "pages", "law.md")); err == nil {
		t.Error("Dir: the deleted page was written")
	}
	if k.Dir(t) != dir {
		t.Error("Dir wrote the kit twice")
	}
	o := k.TryBuild(t, func(k *Kit) error {
		if err := os.MkdirAll(filepath.Join(k.Out, "it-IT"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(k.Out, "it-IT", "index.html"), []byte("<p>Ciao</p>"), 0o644); err != nil {
			return err
		}
		return errors.New("half done")
	})
	if o.Err == nil || o.Err.Error() != "half done" {
		t.Errorf("error %v", o.Err)
	}
	if f := o.Files(t); len(f) != 1 || f[0] != "it-IT/index.html" {
		t.Errorf("files %v", f)
	}
	o.AssertText(t, "it-IT/index.html", "Ciao", "! Bonjour")
}

// TestKitEmpty: an archive of no file still has a data/ folder, empty.
func TestKitEmpty(t *testing.T) {
	k := NewKit(t, "# nothing\n")
	if es, err := fs.ReadDir(k.Data(), "."); err != nil || len(es) != 0 {
		t.Errorf("data/: %v, %v", es, err)
	}
}
