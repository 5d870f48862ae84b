package build_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/testkit"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/kit and the golden structure files of testdata/struct")

func validEditions(t *testing.T) []*content.Edition {
	t.Helper()
	dir := filepath.Join(testkit.Root(), "testdata", "valid")
	set, err := content.Load(os.DirFS(dir), "data")
	if err != nil {
		t.Fatal(err)
	}
	return set.Editions
}

// kitProblems loads the kit folder root and returns its problems, one per
// line, the folder shown as "kit".
func kitProblems(t *testing.T, root string) string {
	t.Helper()
	return loadProblems(t, root, func(eds []*content.Edition) error { _, err := build.LoadKit(root, eds); return err })
}

// loadProblems runs load on the valid editions and returns its problems,
// one per line, root shown as "kit".
func loadProblems(t *testing.T, root string, load func([]*content.Edition) error) string {
	t.Helper()
	done := make(chan error, 1)
	eds := validEditions(t)
	go func() { done <- load(eds) }()
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("LoadKit hangs")
	}
	if err == nil {
		return ""
	}
	var d *diag.Error
	if !errors.As(err, &d) {
		t.Fatalf("not a list of problems: %v", err)
	}
	var b strings.Builder
	for _, p := range d.Problems {
		b.WriteString(strings.ReplaceAll(p.String(), filepath.ToSlash(root), "kit") + "\n")
	}
	return b.String()
}

// TestKitCases: each testdata/kit/*.txtar changes a kit folder (over the
// built-in designs and strings) and gives the exact problems LoadKit
// reports, the kit built in memory (LoadKitFS). go test ./kit/build -run
// TestKitCases -update rewrites them.
func TestKitCases(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("testdata", "kit", "*.txtar"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, n := range names {
		t.Run(strings.TrimSuffix(filepath.Base(n), ".txtar"), func(t *testing.T) {
			arc, err := txtar.ParseFile(n)
			if err != nil {
				t.Fatal(err)
			}
			kit := fstest.MapFS{}
			var want *txtar.File
			for i, f := range arc.Files {
				if f.Name == "want" {
					want = &arc.Files[i]
					continue
				}
				kit[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			if want == nil {
				t.Fatal("no want section")
			}
			got := loadProblems(t, "kit", func(eds []*content.Edition) error { _, err := build.LoadKitFS(kit, "kit", eds); return err })
			if got == "" {
				t.Fatal("the kit passes")
			}
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(n, txtar.Format(arc), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want.Data) {
				t.Errorf("got:\n%s\nwant:\n%s", got, want.Data)
			}
		})
	}
}

// TestKitFiles: links, FIFOs and devices in a kit folder are refused by
// name, never opened or followed; a kit folder that does not exist is an
// error.
func TestKitFiles(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(t.TempDir(), "passwd")
	os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644)
	for _, d := range []string{"posters", "i18n", "assets", "layouts"} {
		os.MkdirAll(filepath.Join(root, d), 0o755)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(secret, filepath.Join(root, "i18n", "fr-FR.yaml")))
	must(os.Symlink(secret, filepath.Join(root, "assets", "site.css")))
	must(syscall.Mkfifo(filepath.Join(root, "posters", "parents.yaml"), 0o644))
	must(syscall.Mkfifo(filepath.Join(root, "layouts", "home.html"), 0o644))
	got := kitProblems(t, root)
	want := `kit/assets/site.css: a symbolic link: kit files must be regular files (copy the file itself into the kit folder)
kit/i18n/fr-FR.yaml: a symbolic link: kit files must be regular files (copy the file itself into the kit folder)
kit/layouts/home.html: a named pipe (FIFO): kit files must be regular files (copy the file itself into the kit folder)
kit/posters/parents.yaml: a named pipe (FIFO): kit files must be regular files (copy the file itself into the kit folder)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, "root:") {
		t.Error("a linked file's content is printed")
	}
	missing := filepath.Join(t.TempDir(), "kti")
	if got := kitProblems(t, missing); got != "kit: the kit folder does not exist\n" && !strings.HasSuffix(got, ": the kit folder does not exist\n") {
		t.Errorf("missing kit folder: %q", got)
	}
}
