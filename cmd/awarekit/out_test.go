package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The output folder on the real binary (docs/OUTPUT.md): what --out may
// be, the marker, the lock, signals. kit/build/output_test.go tests the
// same logic in more cases.

const nothing = "; nothing was written\n"

// TestOutRefused: every --out a build must not replace is refused before
// anything is written, with exit 1 and its exact message; the data, the
// kit, the user's files and the previous output stay byte for byte.
func TestOutRefused(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	os.MkdirAll(filepath.Join(dir, "thesis", "photos"), 0o755)
	os.WriteFile(filepath.Join(dir, "thesis", "thesis.txt"), []byte("four years"), 0o644)
	os.WriteFile(filepath.Join(dir, "thesis", "photos", "a.jpg"), []byte("jpeg"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("notes"), 0o644)
	os.MkdirAll(filepath.Join(dir, "kit", "posters"), 0o755)
	for _, tc := range []struct {
		name  string
		args  []string
		setup func()
		want  string
	}{
		{"a user's folder", []string{"--out", "thesis"}, nil,
			"awarekit: --out thesis is not empty and was not written by awarekit (it has no .awarekit-output.json): give a new or empty folder" + nothing},
		{"a user's file in the output", []string{}, func() {
			os.WriteFile(filepath.Join(dir, "public", "thesis.txt"), []byte("mine"), 0o644)
		}, "awarekit: --out public holds files awarekit did not write (thesis.txt): move them out of it, or choose another folder" + nothing},
		{"the data", []string{"--out", "data"}, nil, "awarekit: --out data is the --data folder" + nothing},
		{"the data's pages", []string{"--out", "data/fr-FR/pages"}, nil, "awarekit: --out data/fr-FR/pages is inside the --data folder data" + nothing},
		{"the kit", []string{"--kit", "kit", "--out", "kit"}, nil, "awarekit: --out kit is the --kit folder" + nothing},
		{"the kit's posters", []string{"--kit", "kit", "--out", "kit/posters/x"}, nil, "awarekit: --out kit/posters/x is inside the --kit folder's posters/" + nothing},
		{"above the data", []string{"--out", "..", "--kit", "kit"}, nil, "awarekit: --out .. holds the --data folder data" + nothing},
		{"a file", []string{"--out", "notes.txt"}, nil, "awarekit: --out notes.txt is a file, not a folder" + nothing},
		{"a symlink to the data", []string{"--out", "link"}, func() {
			os.Symlink("data", filepath.Join(dir, "link"))
		}, "awarekit: --out link is the --data folder" + nothing},
		{"a missing kit", []string{"--kit", "kti"}, nil, "awarekit: --kit kti: no such folder\n"},
		{"a kit that is a file", []string{"--kit", "notes.txt"}, nil, "awarekit: --kit notes.txt: not a folder\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup()
			}
			before := snapshot(t, filepath.Dir(dir))
			r := run(t, dir, append([]string{"build"}, tc.args...)...)
			if r.code != 1 || r.stderr != tc.want || r.stdout != "" {
				t.Errorf("exit %d\nstderr: %s\nwant:   %s", r.code, r.stderr, tc.want)
			}
			if after := snapshot(t, filepath.Dir(dir)); after != before {
				t.Error("files changed")
			}
		})
		os.Remove(filepath.Join(dir, "public", "thesis.txt"))
		os.Remove(filepath.Join(dir, "link"))
	}
}

// TestOutFollowsSymlink: a symlinked --out is followed: the folder it
// points to gets the build, the link stays a link.
func TestOutFollowsSymlink(t *testing.T) {
	dir := validKit(t)
	os.MkdirAll(filepath.Join(dir, "www", "html"), 0o755)
	os.Symlink(filepath.Join("www", "html"), filepath.Join(dir, "public"))
	for range 2 {
		if r := run(t, dir, "build"); r.code != 0 {
			t.Fatalf("build: %+v", r)
		}
		if fi, err := os.Lstat(filepath.Join(dir, "public")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("public is no longer a symlink: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "www", "html", "fr-FR", "index.html")); err != nil {
			t.Fatal(err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "www", ".awarekit-build-*"))
	if len(leftovers) > 0 {
		t.Errorf("left behind: %v", leftovers)
	}
}

// TestOutModes: folders 0755 and files 0644 under umask 022 (the output
// root included: os.MkdirTemp would make it 0700, unreadable by a web
// server running as another user), and the marker lists exactly the files.
func TestOutModes(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := validKit(t)
	for range 2 { // new, then replaced
		if r := run(t, dir, "build"); r.code != 0 {
			t.Fatalf("build: %+v", r)
		}
	}
	out := filepath.Join(dir, "public")
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		fi, _ := d.Info()
		want := os.FileMode(0o644)
		if d.IsDir() {
			want = 0o755
		} else if rel, _ := filepath.Rel(out, p); rel != ".awarekit-output.json" {
			files = append(files, filepath.ToSlash(rel))
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: %v, want %v", p, fi.Mode().Perm(), want)
		}
		return nil
	})
	m := readMarker(t, out)
	if !slices.Equal(m.Files, files) || m.Awarekit != "output" || m.Version == "" {
		t.Errorf("marker: %+v\nfiles %v", m, files)
	}
}

type marker struct {
	Awarekit, Version string
	Files             []string
}

func readMarker(t *testing.T, out string) marker {
	t.Helper()
	var m marker
	b, err := os.ReadFile(filepath.Join(out, ".awarekit-output.json"))
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestOutDot: --out . (the working folder, which must not be renamed from
// under the shell) gets its contents swapped.
func TestOutDot(t *testing.T) {
	dir := validKit(t)
	www := filepath.Join(dir, "www")
	os.Mkdir(www, 0o755)
	for range 2 {
		if r := run(t, www, "build", "--data", "../data", "--kit", "..", "--out", "."); r.code != 0 {
			t.Fatalf("build: %+v", r)
		}
	}
	if _, err := os.Stat(filepath.Join(www, "fr-FR", "index.html")); err != nil {
		t.Fatal(err)
	}
	ents, _ := filepath.Glob(filepath.Join(www, ".awarekit-build-*"))
	ents2, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*"))
	if len(ents)+len(ents2) > 0 {
		t.Errorf("left behind: %v %v", ents, ents2)
	}
}

// TestOutMountPoint: an --out that is a mount point (a tmpfs mounted in a
// private mount namespace by unshare, as an unprivileged user may) cannot
// be renamed: its contents are swapped, built twice; a user's file in it is
// then refused.
func TestOutMountPoint(t *testing.T) {
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Fatal("unshare is not installed (util-linux)")
	}
	dir := validKit(t)
	mnt := filepath.Join(dir, "mnt")
	os.Mkdir(mnt, 0o755)
	script := `set -e
mount -t tmpfs tmpfs "$1"
"$2" build --out "$1"
"$2" build --out "$1"
ls -A "$1"
touch "$1/thesis.txt"
"$2" build --out "$1" || echo "exit $?"
`
	cmd := exec.Command(unshare, "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", mnt, binary)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "AWAREKIT_NOW="+today)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s%s", err, o.String(), e.String())
	}
	lines := strings.Split(o.String(), "\n")
	var ls []string
	for _, l := range lines {
		if l != "" && !strings.HasPrefix(l, "built ") && !strings.HasPrefix(l, "exit ") {
			ls = append(ls, l)
		}
	}
	if want := []string{".awarekit-output.json", "404.html", "fr-FR", "index.html", "sitemap.xml"}; !slices.Equal(ls, want) {
		t.Errorf("the mount point holds %v, want %v\n%s", ls, want, e.String())
	}
	if !strings.Contains(o.String(), "\nexit 1\n") || !strings.Contains(e.String(), "holds files awarekit did not write (thesis.txt)") {
		t.Errorf("a user's file on the mount point: %s%s", o.String(), e.String())
	}
}

// startBuild starts a build and waits until its temporary folder exists.
func startBuild(t *testing.T, dir string, stderr *bytes.Buffer) *exec.Cmd {
	t.Helper()
	cmd := command(dir, nil, "build")
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for start := time.Now(); ; time.Sleep(2 * time.Millisecond) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*")); len(m) > 0 {
			return cmd
		}
		if time.Since(start) > time.Minute {
			cmd.Process.Kill()
			t.Fatal("no temporary folder after a minute")
		}
	}
}

// TestOutSignal: SIGTERM or Ctrl-C in the middle of a build stops it: exit
// 128 + the signal, the previous output byte for byte, no temporary
// folder left.
func TestOutSignal(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	before := snapshot(t, filepath.Join(dir, "public"))
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		var stderr bytes.Buffer
		cmd := startBuild(t, dir, &stderr)
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 128+int(sig) {
			t.Errorf("%v: %v, want exit %d", sig, err, 128+int(sig))
		}
		if want := fmt.Sprintf("awarekit: interrupted (%v): nothing was changed\n", sig); stderr.String() != want {
			t.Errorf("%v: stderr %q, want %q", sig, stderr.String(), want)
		}
		if after := snapshot(t, filepath.Join(dir, "public")); after != before {
			t.Errorf("%v: public/ changed", sig)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*")); len(m) > 0 {
			t.Errorf("%v: left behind: %v", sig, m)
		}
	}
}

// TestOutKilled: a SIGKILLed build leaves its temporary folder (nothing
// can stop that) and the previous output; the next build removes the
// folder.
func TestOutKilled(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	before := snapshot(t, filepath.Join(dir, "public"))
	var stderr bytes.Buffer
	cmd := startBuild(t, dir, &stderr)
	cmd.Process.Kill()
	cmd.Wait()
	left, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*"))
	if len(left) == 0 {
		t.Fatal("the killed build left no temporary folder: the test proves nothing")
	}
	if after := snapshot(t, filepath.Join(dir, "public")); after != before {
		t.Error("public/ changed")
	}
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*")); len(m) > 0 {
		var in []string
		filepath.WalkDir(m[0], func(p string, d fs.DirEntry, err error) error {
			fi, _ := os.Lstat(p)
			in = append(in, fmt.Sprintf("%s %d", p, fi.Size()))
			return nil
		})
		t.Errorf("the killed build's folder is still there: %v holding %v", m, in)
	}
}

// TestOutConcurrent: a second build into the same folder while the first
// runs waits for it (and says so); both succeed and the output is one
// whole build: the marker lists exactly the files.
func TestOutConcurrent(t *testing.T) {
	dir := validKit(t)
	var e1, e2 bytes.Buffer
	first := startBuild(t, dir, &e1)
	second := command(dir, nil, "build")
	second.Stderr = &e2
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	if err := first.Wait(); err != nil {
		t.Errorf("first: %v %s", err, e1.String())
	}
	if err := second.Wait(); err != nil {
		t.Errorf("second: %v %s", err, e2.String())
	}
	if !strings.HasPrefix(e2.String(), "awarekit: waiting for another build in "+dir+" to finish\n") {
		t.Errorf("the second build did not wait: %q", e2.String())
	}
	out := filepath.Join(dir, "public")
	var files []string
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if rel, _ := filepath.Rel(out, p); !d.IsDir() && rel != ".awarekit-output.json" {
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	if m := readMarker(t, out); !slices.Equal(m.Files, files) {
		t.Errorf("marker %v\nfiles %v", m.Files, files)
	}
}
