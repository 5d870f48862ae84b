package awarekit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/awarekit/awarekit/kit/diag"
)

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func problems(t *testing.T, err error) []string {
	t.Helper()
	var d *diag.Error
	if !errors.As(err, &d) {
		t.Fatalf("want a *diag.Error, got %v", err)
	}
	var out []string
	for _, p := range d.Problems {
		out = append(out, p.String())
	}
	return out
}

// TestUserKitRefuses: links, FIFOs and sockets in a kit folder are named
// in the error and absent from the file system; the walk never opens them
// (a FIFO would hang it) and never prints what a link points to.
func TestUserKitRefuses(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "posters", "ok.yaml"), "id: ok\n")
	write(t, filepath.Join(root, "layouts", "home.html"), "<p>home</p>\n")
	write(t, filepath.Join(root, "data", "ignored.yaml"), "not a kit folder\n")
	secret := filepath.Join(t.TempDir(), "secret")
	write(t, secret, "root:x:0:0:root:/root:/bin/bash\n")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "assets"), 0o755))
	must(os.Symlink(secret, filepath.Join(root, "assets", "site.css")))
	must(os.Symlink(filepath.Dir(secret), filepath.Join(root, "layouts", "_partials")))
	must(os.MkdirAll(filepath.Join(root, "i18n"), 0o755))
	must(syscall.Mkfifo(filepath.Join(root, "i18n", "fr.yaml"), 0o644))

	done := make(chan struct{})
	var fsys fs.FS
	var err error
	go func() { fsys, err = UserKit(root); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("UserKit hangs on a FIFO")
	}
	shown := filepath.ToSlash(root)
	want := []string{
		shown + "/assets/site.css: a symbolic link: kit files must be regular files (copy the file itself into the kit folder)",
		shown + "/i18n/fr.yaml: a named pipe (FIFO): kit files must be regular files (copy the file itself into the kit folder)",
		shown + "/layouts/_partials: a symbolic link: kit files must be regular files (copy the file itself into the kit folder)",
	}
	got := problems(t, err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(err.Error(), "root:x") || strings.Contains(err.Error(), filepath.Dir(secret)) {
		t.Errorf("the error shows what a link points to: %v", err)
	}
	if b, err := fs.ReadFile(fsys, "posters/ok.yaml"); err != nil || string(b) != "id: ok\n" {
		t.Errorf("posters/ok.yaml: %q, %v", b, err)
	}
	for _, name := range []string{"assets/site.css", "i18n/fr.yaml", "layouts/_partials", "data/ignored.yaml"} {
		if _, err := fsys.Open(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: want not found, got %v", name, err)
		}
	}
	var walked []string
	if err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		walked = append(walked, p)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(walked, " "), ". assets i18n layouts layouts/home.html posters posters/ok.yaml"; got != want {
		t.Errorf("walked %s, want %s", got, want)
	}

	// Over the defaults: the refused site.css is not replaced by the embedded one silently,
	// the error says so; a user file wins over the default.
	kit, err := KitFS(root)
	if err == nil {
		t.Fatal("KitFS: no error")
	}
	if b, err := fs.ReadFile(kit, "layouts/home.html"); err != nil || string(b) != "<p>home</p>\n" {
		t.Errorf("layouts/home.html: %q, %v", b, err)
	}
	if _, err := fs.ReadFile(kit, "posters/la-sextorsion.yaml"); err != nil {
		t.Errorf("default design: %v", err)
	}
}

// TestUserKitChanged: a file replaced by a link or a FIFO after the walk
// is not opened.
func TestUserKitChanged(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "i18n", "fr.yaml")
	write(t, p, "a: b\n")
	fsys, err := UserKit(root)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "other")
	write(t, other, "secret\n")
	os.Remove(p)
	if err := os.Symlink(other, p); err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(fsys, "i18n/fr.yaml"); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("a link put in place of a file: read %q, %v", b, err)
	}
	os.Remove(p)
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(fsys, "i18n/fr.yaml"); err == nil {
		t.Error("a FIFO put in place of a file: read")
	}
	// The overlay does not fall back on the default for a file the kit folder holds.
	if _, err := fs.ReadFile(Overlay(fsys, Defaults), "i18n/fr.yaml"); err == nil {
		t.Error("overlay: the default stands in for a refused file")
	}
}

func TestUserKitRoot(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	write(t, file, "x")
	for _, c := range []struct{ root, want string }{
		{filepath.Join(dir, "missing"), filepath.ToSlash(filepath.Join(dir, "missing")) + ": the kit folder does not exist"},
		{file, filepath.ToSlash(file) + ": the kit folder is not a folder"},
	} {
		_, err := UserKit(c.root)
		if got := strings.Join(problems(t, err), "\n"); got != c.want {
			t.Errorf("%s: %s, want %s", c.root, got, c.want)
		}
		if _, err := KitFS(c.root); err == nil {
			t.Errorf("KitFS(%s): no error", c.root)
		}
	}
	if fsys, err := UserKit(""); fsys != nil || err != nil {
		t.Errorf(`UserKit(""): %v, %v`, fsys, err)
	}
	// An empty kit folder: the defaults.
	kit, err := KitFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(kit, "i18n/fr.yaml"); err != nil {
		t.Error(err)
	}
}

// TestCheckKit: a kit given as a file system (a test's kit in memory) is
// checked as a folder is: a link is named and left out, nothing outside
// the kit folders is taken, and a file turned into a link after the check
// is not opened.
func TestCheckKit(t *testing.T) {
	m := fstest.MapFS{
		"posters/ok.yaml":   {Data: []byte("id: ok\n")},
		"i18n/fr.yaml":      {Data: []byte("a: b\n")},
		"assets/site.css":   {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
		"data/fr-FR/x.yaml": {Data: []byte("not a kit folder\n")},
		"layouts/home.html": {Data: []byte("<p>home</p>\n")},
		"layouts/big.html":  {Data: make([]byte, MaxKitFileSize+1)},
	}
	fsys, err := CheckKit(m, "kit")
	want := []string{
		"kit/assets/site.css: a symbolic link: kit files must be regular files (copy the file itself into the kit folder)",
		fmt.Sprintf("kit/layouts/big.html: file too large: %d bytes (at most %d)", MaxKitFileSize+1, MaxKitFileSize),
	}
	if got := problems(t, err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(err.Error(), "passwd") {
		t.Errorf("the error shows what a link points to: %v", err)
	}
	var walked []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		walked = append(walked, p)
		return err
	})
	if got, want := strings.Join(walked, " "), ". assets i18n i18n/fr.yaml layouts layouts/home.html posters posters/ok.yaml"; got != want {
		t.Errorf("walked %s, want %s", got, want)
	}
	if b, err := fs.ReadFile(Overlay(fsys, Defaults), "i18n/fr.yaml"); err != nil || string(b) != "a: b\n" {
		t.Errorf("i18n/fr.yaml over the defaults: %q, %v", b, err)
	}
	m["i18n/fr.yaml"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	if b, err := fs.ReadFile(fsys, "i18n/fr.yaml"); err == nil {
		t.Errorf("a link put in place of a file: read %q", b)
	}
	if fsys, err := CheckKit(nil, "kit"); fsys != nil || err != nil {
		t.Errorf("CheckKit(nil): %v, %v", fsys, err)
	}
}
