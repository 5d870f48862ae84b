package main_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
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

// TestKitFolderLinks: a kit folder holding a link to a system file and a
// FIFO named like a design: check and build stop at once, naming both,
// exit 1; the linked file is neither published nor printed.
func TestKitFolderLinks(t *testing.T) {
	dir := validKit(t)
	kit := filepath.Join(dir, "kit")
	for _, d := range []string{"assets", "posters"} {
		if err := os.MkdirAll(filepath.Join(kit, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	secret := filepath.Join(dir, "secret.txt")
	os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(kit, "assets", "site.css")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(kit, "posters", "parents.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--kit", "kit"}, {"build", "--kit", "kit"}} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		cmd := exec.CommandContext(ctx, binary, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		hung := ctx.Err() != nil
		cancel()
		if hung {
			t.Fatalf("%v hangs", args)
		}
		code := -1
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		s := string(out)
		if code != 1 || !strings.Contains(s, "kit/assets/site.css: a symbolic link") || !strings.Contains(s, "kit/posters/parents.yaml: a named pipe (FIFO)") || strings.Contains(s, "root:") {
			t.Errorf("%v: exit %d\n%s", args, code, s)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
			if b, _ := os.ReadFile(p); strings.Contains(string(b), "root:x:0:0") {
				t.Errorf("%s holds the linked file", p)
			}
			return nil
		})
	}
	if r := run(t, dir, "check", "--kit", "no-such-kit"); r.code != 1 || !strings.Contains(r.stderr, "no-such-kit") {
		t.Errorf("a missing --kit: %+v", r)
	}
}
