package build

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// These tests drive the output half of a build (openOutput, temp,
// replace) with small fake builds; the end-to-end tests in cmd/awarekit
// run the same cases on the real binary.

// fakeBuild does what Run does with the output folder, the posters and
// the site replaced by the given files.
func fakeBuild(t *testing.T, opt Options, codes []string, files map[string]string) error {
	t.Helper()
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	o, err := openOutput(ctx, opt, codes)
	if err != nil {
		return err
	}
	defer o.unlock()
	tmp, err := o.temp()
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for name, body := range files {
		if err := writeFile(filepath.Join(tmp, filepath.FromSlash(name)), []byte(body)); err != nil {
			return err
		}
	}
	return o.replace(tmp, codes, "test")
}

// tree lists every file and folder under dir with its content.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case fi.IsDir():
			m[rel+"/"] = ""
		case fi.Mode()&os.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			m[rel] = "-> " + l
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func write(t *testing.T, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := writeFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
}

// project makes a kit folder with data/, posters/ and a previous output
// public/ written by a build; it returns the folder.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, map[string]string{
		filepath.Join(dir, "data", "fr-FR", "edition.yaml"):     "code: fr-FR\n",
		filepath.Join(dir, "data", "fr-FR", "pages", "a.md"):    "# a\n",
		filepath.Join(dir, "posters", "la-sextorsion.yaml"):     "id: x\n",
		filepath.Join(dir, "notes.txt"):                         "my notes\n",
		filepath.Join(dir, "thesis", "thesis.txt"):              "four years of work\n",
		filepath.Join(dir, "thesis", "photos", "2026", "a.jpg"): "jpeg",
	})
	opt := Options{Data: filepath.Join(dir, "data"), Root: dir, Out: filepath.Join(dir, "public")}
	if err := fakeBuild(t, opt, nil, map[string]string{"index.html": "v1", "fr-FR/index.html": "fr v1"}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestOutputRefused: every folder a build must not replace is refused
// with its exact message, and the whole project is left byte for byte.
func TestOutputRefused(t *testing.T) {
	for _, tc := range []struct {
		name  string
		out   string // relative to the project
		setup func(dir string)
		want  string
	}{
		{"a user's folder", "thesis", nil,
			"--out thesis is not empty and was not written by awarekit (it has no .awarekit-output.json): give a new or empty folder; nothing was written"},
		{"a user's file in the output", "public", func(dir string) {
			os.WriteFile(filepath.Join(dir, "public", "thesis.txt"), []byte("mine"), 0o644)
		}, "--out public holds files awarekit did not write (thesis.txt): move them out of it, or choose another folder; nothing was written"},
		{"a user's folder in the output", "public", func(dir string) {
			os.MkdirAll(filepath.Join(dir, "public", "photos"), 0o755)
			for i := range 7 {
				os.WriteFile(filepath.Join(dir, "public", "photos", fmt.Sprintf("%d.jpg", i)), []byte("jpeg"), 0o644)
			}
		}, "--out public holds files awarekit did not write (photos/0.jpg, photos/1.jpg, photos/2.jpg, photos/3.jpg, photos/4.jpg and 2 more): move them out of it, or choose another folder; nothing was written"},
		{"a forged marker", "thesis", func(dir string) {
			os.WriteFile(filepath.Join(dir, "thesis", MarkerName), []byte(`{"files": ["thesis.txt"]}`), 0o644)
		}, "--out thesis: .awarekit-output.json is not an awarekit output marker; nothing was written"},
		{"the data folder", "data", nil, "--out data is the --data folder; nothing was written"},
		{"inside the data", "data/fr-FR/pages", nil, "--out data/fr-FR/pages is inside the --data folder data; nothing was written"},
		{"a new folder inside the data", "data/fr-FR/out", nil, "--out data/fr-FR/out is inside the --data folder data; nothing was written"},
		{"the kit folder", ".", nil, "--out . holds the --data folder data; nothing was written"},
		{"the kit's posters", "posters", nil, "--out posters is inside the --kit folder's posters/; nothing was written"},
		{"above the data and the kit", "..", nil, "--out .. holds the --data folder data; nothing was written"},
		{"a file", "notes.txt", nil, "--out notes.txt is a file, not a folder; nothing was written"},
		{"a path through a file", "notes.txt/x", nil, "--out notes.txt/x: not a directory"},
		{"a symlink to the data", "link", func(dir string) {
			os.Symlink("data", filepath.Join(dir, "link"))
		}, "--out link is the --data folder; nothing was written"},
		{"a symlink to a missing folder", "dangling", func(dir string) {
			os.Symlink("nowhere", filepath.Join(dir, "dangling"))
		}, "--out dangling is a symbolic link to a missing folder; nothing was written"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := project(t)
			if tc.setup != nil {
				tc.setup(dir)
			}
			t.Chdir(dir)
			before := tree(t, filepath.Dir(dir))
			err := fakeBuild(t, Options{Data: "data", Root: ".", Out: tc.out}, nil, map[string]string{"index.html": "v2"})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant %s", err, tc.want)
			}
			if after := tree(t, filepath.Dir(dir)); !mapsEqual(before, after) {
				t.Errorf("the folders changed:\n%s", diffTrees(before, after))
			}
		})
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func diffTrees(a, b map[string]string) string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			out = append(out, "- "+k)
		} else if w != v {
			out = append(out, "~ "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, "+ "+k)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// TestOutputReplaced: a marked output is replaced whole (marker updated),
// an empty folder is used, a new one is made, and a symlinked --out is
// followed: its target is replaced, the link stays.
func TestOutputReplaced(t *testing.T) {
	dir := project(t)
	out := filepath.Join(dir, "public")
	opt := Options{Data: filepath.Join(dir, "data"), Root: dir, Out: out}
	if err := fakeBuild(t, opt, nil, map[string]string{"index.html": "v2", "de-LU/index.html": "de v2"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"./": "", "index.html": "v2", "de-LU/": "", "de-LU/index.html": "de v2",
		MarkerName: "{\n  \"awarekit\": \"output\",\n  \"version\": \"test\",\n  \"files\": [\n    \"de-LU/index.html\",\n    \"index.html\"\n  ]\n}\n",
	}
	if got := tree(t, out); !mapsEqual(got, want) {
		t.Errorf("replaced output:\n%s", diffTrees(want, got))
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	if len(leftovers) > 0 {
		t.Errorf("left behind: %v", leftovers)
	}

	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	if err := fakeBuild(t, Options{Out: empty}, nil, map[string]string{"index.html": "e"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(empty, "index.html")); string(b) != "e" {
		t.Errorf("empty folder: %q", b)
	}

	real := filepath.Join(dir, "www", "site")
	os.MkdirAll(real, 0o755)
	link := filepath.Join(dir, "site")
	os.Symlink(filepath.Join("www", "site"), link)
	for _, v := range []string{"s1", "s2"} {
		if err := fakeBuild(t, Options{Out: link}, nil, map[string]string{"index.html": v}); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the link was replaced: %v %v", fi.Mode(), err)
		}
		if b, _ := os.ReadFile(filepath.Join(real, "index.html")); string(b) != v {
			t.Errorf("link target: %q, want %q", b, v)
		}
	}
}

// TestOutputContents: a folder that cannot be renamed (a mount point, the
// working folder) gets its contents swapped: the folder itself stays (same
// inode), the previous files go, a user's stray file is refused first.
func TestOutputContents(t *testing.T) {
	dir := project(t)
	out := filepath.Join(dir, "public")
	var before syscall.Stat_t
	syscall.Stat(out, &before)
	opt := Options{Data: filepath.Join(dir, "data"), Root: dir, Out: out, inPlace: true}
	if err := fakeBuild(t, opt, nil, map[string]string{"index.html": "v2", "sub/a/b.txt": "b"}); err != nil {
		t.Fatal(err)
	}
	var after syscall.Stat_t
	syscall.Stat(out, &after)
	if before.Ino != after.Ino {
		t.Error("the folder itself was replaced")
	}
	got := tree(t, out)
	delete(got, MarkerName)
	want := map[string]string{"./": "", "index.html": "v2", "sub/": "", "sub/a/": "", "sub/a/b.txt": "b"}
	if !mapsEqual(got, want) {
		t.Errorf("swapped contents:\n%s", diffTrees(want, got))
	}
	var m marker
	b, _ := os.ReadFile(filepath.Join(out, MarkerName))
	if err := json.Unmarshal(b, &m); err != nil || !slices.Equal(m.Files, []string{"index.html", "sub/a/b.txt"}) {
		t.Errorf("marker %s: %v", b, err)
	}
	// The working folder is never renamed.
	t.Chdir(out)
	if !cannotRename(out) {
		t.Error("the working folder could be renamed")
	}
	if err := fakeBuild(t, Options{Out: "."}, nil, map[string]string{"index.html": "v3"}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "v3" {
		t.Errorf("--out .: %q", b)
	}
	os.WriteFile(filepath.Join(out, "thesis.txt"), []byte("mine"), 0o644)
	err := fakeBuild(t, Options{Out: ".", inPlace: true}, nil, map[string]string{"index.html": "v4"})
	if err == nil || !strings.Contains(err.Error(), "(thesis.txt)") {
		t.Errorf("stray file in a swapped folder: %v", err)
	}
	if !isMountPoint("/proc") || isMountPoint(out) {
		t.Error("/proc/self/mountinfo misread")
	}
}

// TestOutputEditions: a build of one edition replaces that edition's
// folder only and updates the marker; a user's file elsewhere is kept, one
// inside the edition's folder is refused.
func TestOutputEditions(t *testing.T) {
	dir := project(t)
	out := filepath.Join(dir, "public")
	opt := Options{Out: out}
	if err := fakeBuild(t, opt, nil, map[string]string{"index.html": "v1", "fr-FR/a": "fr1", "de-LU/a": "de1"}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, "keep.txt"), []byte("mine"), 0o644)
	for _, inPlace := range []bool{false, true} {
		opt.inPlace = inPlace
		if err := fakeBuild(t, opt, []string{"fr-FR"}, map[string]string{"index.html": "ignored", "fr-FR/b": "fr2"}); err != nil {
			t.Fatal(err)
		}
		got := tree(t, out)
		want := map[string]string{"./": "", "index.html": "v1", "keep.txt": "mine", "fr-FR/": "", "fr-FR/b": "fr2", "de-LU/": "", "de-LU/a": "de1", MarkerName: got[MarkerName]}
		if !mapsEqual(got, want) {
			t.Errorf("in place %v:\n%s", inPlace, diffTrees(want, got))
		}
		var m marker
		json.Unmarshal([]byte(got[MarkerName]), &m)
		if !slices.Equal(m.Files, []string{"de-LU/a", "fr-FR/b", "index.html"}) {
			t.Errorf("marker: %v", m.Files)
		}
	}
	os.WriteFile(filepath.Join(out, "fr-FR", "notes.txt"), []byte("mine"), 0o644)
	err := fakeBuild(t, opt, []string{"fr-FR"}, map[string]string{"fr-FR/b": "fr3"})
	if err == nil || err.Error() != "--out "+out+" holds files awarekit did not write (fr-FR/notes.txt): move them out of it, or choose another folder; nothing was written" {
		t.Errorf("stray file in the edition: %v", err)
	}
	// A full build then refuses keep.txt.
	if err := fakeBuild(t, opt, nil, map[string]string{"index.html": "v3"}); err == nil || !strings.Contains(err.Error(), "(fr-FR/notes.txt, keep.txt)") {
		t.Errorf("full build over stray files: %v", err)
	}
}

// TestStaleTemp: the temporary folders of killed builds are removed by
// the next build; folders that only look like them are kept.
func TestStaleTemp(t *testing.T) {
	dir := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stamp := func(name string, m marker) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Join(p, "fr-FR"), 0o755)
		os.WriteFile(filepath.Join(p, "fr-FR", "index.html"), []byte("partial"), 0o644)
		if m.Awarekit != "" {
			writeMarker(p, m)
		}
		return p
	}
	killed := stamp(tempPrefix+"1", marker{Awarekit: "building", PID: dead.Process.Pid})
	aside := stamp(tempPrefix+"2.old", marker{Awarekit: "output", Files: []string{"fr-FR/index.html"}})
	running := stamp(tempPrefix+"3", marker{Awarekit: "building", PID: os.Getppid()})
	unmarked := stamp(tempPrefix+"4", marker{})
	forged := stamp(tempPrefix+"5", marker{Awarekit: "thesis"})
	notOurs := stamp("awarekit-build-6", marker{Awarekit: "building", PID: dead.Process.Pid})
	// Killed between making its folder and writing its marker: empty,
	// its name holding the dead pid. A full unmarked one of a dead pid is
	// kept (not provably ours).
	emptyKilled := filepath.Join(dir, fmt.Sprintf("%s%d-7", tempPrefix, dead.Process.Pid))
	os.Mkdir(emptyKilled, 0o755)
	fullDead := stamp(fmt.Sprintf("%s%d-8", tempPrefix, dead.Process.Pid), marker{})
	// Killed while writing its marker: the folder holds only a partial
	// (here empty, or cut) marker. Removed; with anything else beside it,
	// kept.
	partial := filepath.Join(dir, fmt.Sprintf("%s%d-9", tempPrefix, dead.Process.Pid))
	os.Mkdir(partial, 0o755)
	os.WriteFile(filepath.Join(partial, MarkerName), nil, 0o644)
	cut := filepath.Join(dir, fmt.Sprintf("%s%d-10", tempPrefix, dead.Process.Pid))
	os.Mkdir(cut, 0o755)
	os.WriteFile(filepath.Join(cut, MarkerName), []byte(`{"awarekit": "buil`), 0o644)
	partOnly := filepath.Join(dir, fmt.Sprintf("%s%d-12", tempPrefix, dead.Process.Pid))
	os.Mkdir(partOnly, 0o755)
	os.WriteFile(filepath.Join(partOnly, markerPart), []byte(`{"awa`), 0o644)
	cutFull := filepath.Join(dir, fmt.Sprintf("%s%d-11", tempPrefix, dead.Process.Pid))
	os.Mkdir(cutFull, 0o755)
	os.WriteFile(filepath.Join(cutFull, MarkerName), nil, 0o644)
	os.WriteFile(filepath.Join(cutFull, "thesis.txt"), []byte("mine"), 0o644)
	if err := fakeBuild(t, Options{Out: filepath.Join(dir, "public")}, nil, map[string]string{"index.html": "v1"}); err != nil {
		t.Fatal(err)
	}
	for p, kept := range map[string]bool{killed: false, aside: false, running: true, unmarked: true, forged: true, notOurs: true, emptyKilled: false, fullDead: true, partial: false, cut: false, partOnly: false, cutFull: true} {
		if _, err := os.Stat(p); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", filepath.Base(p), err == nil, kept)
		}
	}
}

// TestOutputModes: the output gets 0755 folders and 0644 files under
// umask 022 (os.MkdirTemp would give 0700), and follows another umask.
func TestOutputModes(t *testing.T) {
	for _, tc := range []struct {
		umask      int
		dir, files os.FileMode
	}{{0o022, 0o755, 0o644}, {0o027, 0o750, 0o640}} {
		old := syscall.Umask(tc.umask)
		out := filepath.Join(t.TempDir(), "public")
		for range 2 { // new, then replaced
			if err := fakeBuild(t, Options{Out: out}, nil, map[string]string{"index.html": "v", "fr-FR/posters/a.pdf": "pdf"}); err != nil {
				t.Fatal(err)
			}
			filepath.Walk(out, func(p string, fi os.FileInfo, err error) error {
				want := tc.files
				if fi.IsDir() {
					want = tc.dir
				}
				if fi.Mode().Perm() != want {
					t.Errorf("umask %03o: %s: %v, want %v", tc.umask, p, fi.Mode().Perm(), want)
				}
				return nil
			})
		}
		syscall.Umask(old)
	}
}

// TestOutputLock: while another build holds the output's lock, a build
// waits (and says so once), then proceeds; cancelled, it writes nothing.
// Two builds racing into one folder leave one whole build, never a mix.
func TestOutputLock(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	unlock, err := lockDir(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	waits := 0
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err = fakeBuild(t, Options{Out: out, Context: ctx, Waiting: func(string) { waits++ }}, nil, map[string]string{"index.html": "v1"})
	if !errors.Is(err, context.DeadlineExceeded) || waits != 1 {
		t.Errorf("locked: %v, %d waits", err, waits)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a build that waited for the lock wrote its output")
	}
	go func() { time.Sleep(200 * time.Millisecond); unlock() }()
	if err := fakeBuild(t, Options{Out: out}, nil, map[string]string{"index.html": "v1"}); err != nil {
		t.Fatal(err)
	}

	out = filepath.Join(dir, "new") // the first one makes it
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			files := map[string]string{}
			for j := range 20 {
				files[fmt.Sprintf("fr-FR/%d.txt", j)] = fmt.Sprint(i)
			}
			errs[i] = fakeBuild(t, Options{Out: out}, nil, files)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	first := got["fr-FR/0.txt"]
	for j := range 20 {
		if v := got[fmt.Sprintf("fr-FR/%d.txt", j)]; v != first {
			t.Fatalf("mixed output: fr-FR/%d.txt is from build %s, fr-FR/0.txt from %s", j, v, first)
		}
	}
	if len(got) != 20+3 {
		t.Errorf("%d entries", len(got))
	}
}
