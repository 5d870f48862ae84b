package bundle

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/manifest"
)

func fixture(t *testing.T) (string, []manifest.File) {
	root := t.TempDir()
	var files []manifest.File
	for name, body := range map[string]string{
		"fr-FR/posters/b.pdf": "%PDF b",
		"fr-FR/posters/a.pdf": "%PDF a",
		"fr-FR/posters/a.png": "png",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
		f, err := manifest.Describe(root, manifest.File{Path: name, Kind: "x"})
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return root, files
}

func TestWriteRead(t *testing.T) {
	root, files := fixture(t)
	date := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	var a, b bytes.Buffer
	m := Manifest{Edition: "fr-FR", Version: "v1", BuildDate: "2026-11-24"}
	if err := Write(&a, root, "kit-fr-FR", m, files, date); err != nil {
		t.Fatal(err)
	}
	// Same input in another order: the same bytes.
	rev := []manifest.File{files[2], files[0], files[1]}
	if err := Write(&b, root, "kit-fr-FR", m, rev, date); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same files differ")
	}
	got, err := Read(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range got.Files {
		names = append(names, f.Path)
	}
	if strings.Join(names, " ") != "posters/a.pdf posters/a.png posters/b.pdf" || got.Edition != "fr-FR" {
		t.Errorf("manifest: %+v", got)
	}
	zr, _ := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	for _, f := range zr.File {
		if !f.Modified.Equal(date) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
}

func TestReadRejectsTampering(t *testing.T) {
	root, files := fixture(t)
	var buf bytes.Buffer
	files[0].SHA256 = strings.Repeat("0", 64) // a manifest that lies
	if err := Write(&buf, root, "kit", Manifest{}, files, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(buf.Bytes()); err == nil || !strings.Contains(err.Error(), "does not match the manifest") {
		t.Errorf("err = %v", err)
	}
}
