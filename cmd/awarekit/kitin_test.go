package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestXLIFF12EndToEnd: i18n export --format xliff12 writes XLIFF 1.2; the
// file imported back unchanged changes nothing; a link given to i18n
// import is refused, not followed, and its target's content not printed.
func TestXLIFF12EndToEnd(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "new", "de-FR", "--from", "fr-FR"); r.code != 0 {
		t.Fatalf("new: %+v", r)
	}
	file := filepath.Join(dir, "de-FR.xlf")
	if r := run(t, dir, "i18n", "export", "--edition", "de-FR", "--format", "xliff12", "--out", file); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">`) {
		t.Fatalf("not XLIFF 1.2: %v\n%.300s", err, b)
	}
	before := tree(t, filepath.Join(dir, "data"))
	if r := run(t, dir, "i18n", "import", file); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if tree(t, filepath.Join(dir, "data")) != before {
		t.Error("importing the export unchanged changed the data")
	}
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644)
	link := filepath.Join(dir, "de-FR.po")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "i18n", "import", link)
	if r.code != 1 || !strings.Contains(r.stderr, "a symbolic link, not a regular file") || strings.Contains(r.stderr+r.stdout, "root:") {
		t.Errorf("import of a link: %+v", r)
	}
	if r := run(t, dir, "i18n", "export", "--edition", "de-FR", "--format", "xliff13"); r.code == 0 || !strings.Contains(r.stderr, "xliff12") {
		t.Errorf("unknown format: %+v", r)
	}
}

// tree is every file under dir with its contents.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
