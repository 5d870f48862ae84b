package testkit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// Kit is a whole small kit folder built in memory from one txtar archive,
// in the style of Hugo's integration tests (hugolib.Test): each file of
// the archive is a file of the kit (data/fr-FR/edition.yaml,
// posters/x.yaml, i18n/it.yaml, i18n/locale/it.yaml, layouts/…,
// assets/…), over the embedded defaults as every kit folder is. The
// archive's comment (before its first file) may hold directives, one a
// line, run before the files are added:
//
//	copy testdata/valid/fr-FR data/fr-FR   a file or folder of the repository, copied into the kit
//	delete data/fr-FR/pages/law.md         a file or folder removed (after the copies)
//
// Lines starting with # are comments. Nothing is written to disk: a test
// passes Files (the kit folder) and Data (its data/) to the build as file
// systems (build.Options.KitFS and DataFS, kitset.LoadFS, content.Load),
// runs it with Build (its own package's build function: testkit sits
// below kit/build) and asserts on what Build wrote into Out, the one real
// folder. A test of something that needs a folder on disk (the binary,
// the live preview's watcher) writes the kit out with Dir.
type Kit struct {
	// Files is the kit: every file of the archive, directives applied,
	// data/ included. A test may change it between two builds.
	Files fstest.MapFS
	// Out is a temporary folder's public/ (not made yet), where a build
	// writes (--out).
	Out string
	dir string // Dir's folder, once written
}

// NewKit builds the archive in memory. A bad directive, a copy of a
// missing file or an archive that names a path outside the kit fails the
// test.
func NewKit(t testing.TB, archive string) *Kit {
	t.Helper()
	arc := txtar.Parse([]byte(archive))
	k := &Kit{Files: fstest.MapFS{"data": {Mode: fs.ModeDir | 0o755}}, Out: filepath.Join(t.TempDir(), "public")}
	var deletes []string
	for i, line := range strings.Split(string(arc.Comment), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 0 || strings.HasPrefix(f[0], "#"):
		case f[0] == "copy" && len(f) == 3:
			if err := k.copy(t, f[1], f[2]); err != nil {
				t.Fatalf("kit archive line %d: %v", i+1, err)
			}
		case f[0] == "delete" && len(f) == 2:
			deletes = append(deletes, checkPath(t, f[1]))
		default:
			t.Fatalf("kit archive line %d: %q is not a directive (copy SRC DST, delete PATH)", i+1, line)
		}
	}
	for _, d := range deletes {
		for name := range k.Files {
			if name == d || strings.HasPrefix(name, d+"/") {
				delete(k.Files, name)
			}
		}
	}
	for _, f := range arc.Files {
		k.Files[checkPath(t, f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return k
}

// copy adds the repository's file or folder src (a slash path from its
// root) to the kit as dst.
func (k *Kit) copy(t testing.TB, src, dst string) error {
	dst = checkPath(t, dst)
	from := filepath.Join(Root(), filepath.FromSlash(src))
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		k.Files[path.Join(dst, filepath.ToSlash(rel))] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
}

// checkPath returns name, failing the test for a path that leaves the kit.
func checkPath(t testing.TB, name string) string {
	t.Helper()
	if !fs.ValidPath(name) || name == "." {
		t.Fatalf("kit archive: %q is not a path inside the kit", name)
	}
	return name
}

// Archive reads a txtar file of the repository (a slash path from its
// root, e.g. testdata/kits/it-FR.txtar) for NewKit.
func Archive(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Root(), filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// FS returns the kit in memory (Files).
func (k *Kit) FS(t testing.TB) fstest.MapFS { return k.Files }

// Data returns the kit's data/ folder as a file system (--data), read from
// Files when it is read.
func (k *Kit) Data() fs.FS {
	sub, _ := fs.Sub(k.Files, "data")
	return sub
}

// Dir writes the kit into a temporary folder, once, and returns it: for
// a test that needs a kit folder on disk (the binary's --kit and --data,
// the live preview). Later changes to Files are not written.
func (k *Kit) Dir(t testing.TB) string {
	t.Helper()
	if k.dir != "" {
		return k.dir
	}
	dir := t.TempDir()
	for name, f := range k.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if f.Mode.IsDir() {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	k.dir = dir
	return dir
}

// Build runs build (the caller's: build.Run with KitFS Files, DataFS Data
// and Out Out, or a site build) and returns its outputs. An error fails the
// test; use TryBuild to assert on it.
func (k *Kit) Build(t testing.TB, build func(k *Kit) error) *Output {
	t.Helper()
	o := k.TryBuild(t, build)
	if o.Err != nil {
		t.Fatalf("build: %v", o.Err)
	}
	return o
}

// TryBuild runs build and returns its outputs and its error.
func (k *Kit) TryBuild(t testing.TB, build func(k *Kit) error) *Output {
	t.Helper()
	return &Output{Dir: k.Out, Err: build(k)}
}

// Output is what a build of a Kit wrote.
type Output struct {
	Dir string // the output folder
	Err error  // what the build returned
}

// Files lists the output's files, slash paths relative to Dir, sorted.
func (o *Output) Files(t testing.TB) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(o.Dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// File returns the bytes of an output file; a missing file fails the test.
func (o *Output) File(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(o.Dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatalf("output: %v", err)
	}
	return b
}

// Text returns the text of an output file as a reader gets it: pdftotext
// for a PDF (which must be installed), the file itself otherwise. A name
// such as fr-FR/kit-fr-FR.zip/README.txt is a file inside a zip.
func (o *Output) Text(t testing.TB, name string) string {
	t.Helper()
	if zipName, entry, ok := strings.Cut(name, ".zip/"); ok {
		r, err := zip.OpenReader(filepath.Join(o.Dir, filepath.FromSlash(zipName+".zip")))
		if err != nil {
			t.Fatalf("output: %v", err)
		}
		defer r.Close()
		b, err := fs.ReadFile(r, entry)
		if err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		return string(b)
	}
	if path.Ext(name) == ".pdf" {
		o.File(t, name) // a missing PDF is named as such
		return Tool(t, "pdftotext", "-enc", "UTF-8", filepath.Join(o.Dir, filepath.FromSlash(name)), "-")
	}
	return string(o.File(t, name))
}

// AssertText checks that the text of an output file (see Text) holds each
// of the wanted strings and none of those starting with "! ", in the
// manner of Hugo's AssertFileContent.
func (o *Output) AssertText(t testing.TB, name string, want ...string) {
	t.Helper()
	text := o.Text(t, name)
	for _, w := range want {
		if not, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(text, not) {
				t.Errorf("%s holds %q", name, not)
			}
			continue
		}
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", name, w, shorten(text))
		}
	}
}

func shorten(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// String describes the output's files, one a line (for messages).
func (o *Output) String() string {
	var b bytes.Buffer
	filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(o.Dir, p)
			fmt.Fprintln(&b, filepath.ToSlash(rel))
		}
		return nil
	})
	return b.String()
}
