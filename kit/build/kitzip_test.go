package build_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestKitReadme: the zip holds, at its root, a README in the edition's
// language (what is in it, what to print where, the site, the sources)
// and the guide; every entry is dated from the edition even when
// SOURCE_DATE_EPOCH says 2023; two builds give the same bytes.
func TestKitReadme(t *testing.T) {
	epoch := time.Unix(1700000000, 0) // SOURCE_DATE_EPOCH: 2023-11-14
	k := testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR")
	zipOf := func(out string) []byte {
		opt := kitOptions(k)
		opt.Out, opt.BaseURL, opt.SourceDate = out, "https://exemple.org/", epoch
		if _, err := build.Run(opt); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, "fr-FR", "kit-fr-FR.zip"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a := zipOf(filepath.Join(t.TempDir(), "a"))
	if b := zipOf(filepath.Join(t.TempDir(), "b")); !bytes.Equal(a, b) {
		t.Error("two builds give different zips")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	edition := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	entries := map[string]string{}
	for _, f := range zr.File {
		if !f.Modified.Equal(edition) {
			t.Errorf("%s dated %v, want the edition's date", f.Name, f.Modified)
		}
		if f.Name == "kit-fr-FR/README.txt" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			entries[f.Name] = string(b)
		} else {
			entries[f.Name] = ""
		}
	}
	if _, ok := entries["kit-fr-FR/guide-a4.pdf"]; !ok {
		t.Error("no guide at the kit's root")
	}
	if _, ok := entries["kit-fr-FR/posters/guide-a4.pdf"]; ok {
		t.Error("the guide is in posters/ too")
	}
	readme, ok := entries["kit-fr-FR/README.txt"]
	if !ok {
		t.Fatal("no README.txt at the kit's root")
	}
	for _, want := range []string{
		"Kit de sensibilisation à la sextorsion – France (Français)",
		"guide-a4.pdf\u00a0: le guide de diffusion.",
		"Quoi imprimer, et où",
		"posters/la-sextorsion-a4.pdf",
		"https://exemple.org/fr-FR/\r\n",
		"https://exemple.org/fr-FR/downloads/",
		"sont sourcés",
		"Guide pratique sextorsion – Office mineurs (2025-06)",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("README lacks %q:\n%s", want, readme)
		}
	}
}
