package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAnywhere: every command takes its flags before and after its
// positional arguments.
func TestFlagsAnywhere(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "new", "--from", "fr-FR", "de-AT"); r.code != 0 || !strings.Contains(r.stdout, "created de-AT from fr-FR") {
		t.Fatalf("new --from fr-FR de-AT: %+v", r)
	}
	if r := run(t, dir, "new", "fr-BE", "--data", "data", "--from", "fr-FR"); r.code != 0 || !strings.Contains(r.stdout, "created fr-BE from fr-FR") {
		t.Fatalf("new fr-BE --data data --from fr-FR: %+v", r)
	}
	po := filepath.Join(dir, "de-AT.po")
	if r := run(t, dir, "i18n", "export", "--edition", "de-AT", "--out", po); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if r := run(t, dir, "i18n", "import", "--data", "data", po, "--kit", "."); r.code != 0 || !strings.Contains(r.stdout, "de-AT: ") {
		t.Fatalf("i18n import --data data FILE --kit .: %+v", r)
	}
	for _, tc := range []struct {
		args []string
		code int
		in   string
	}{
		{[]string{"new", "de-CH", "fr-FR", "--from", "fr-FR"}, 2, `unexpected argument "fr-FR"`},
		{[]string{"new", "--from", "fr-FR"}, 2, "give the new edition's code and --from"},
		{[]string{"i18n", "import", po, po}, 2, "unexpected argument"},
		{[]string{"i18n", "import", "--data", "data"}, 2, "give the file to import"},
		{[]string{"i18n", "status", "--json", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"check", "--", "--strict"}, 2, `unexpected argument "--strict"`},
		{[]string{"build", "--help"}, 0, "[--base-url URL] [--strict]"},
		{[]string{"check", "--help"}, 0, "check [--data DIR] [--kit DIR] [--strict]"},
		{[]string{"i18n", "import", "--help"}, 0, "i18n import FILE [--data DIR] [--kit DIR]"},
		{[]string{"help"}, 0, "awarekit i18n status [--json] [--data DIR] [--kit DIR]"},
	} {
		r := run(t, dir, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.in) {
			t.Errorf("awarekit %v: exit %d, output:\n%s%s", tc.args, r.code, r.stdout, r.stderr)
		}
	}
}

// TestKitMissing: a --kit folder that does not exist is an error for
// every command that takes it (a misspelt one used to mean "the built-in
// designs"), before anything is read or written.
func TestKitMissing(t *testing.T) {
	dir := validKit(t)
	before := snapshot(t, dir)
	for _, args := range [][]string{
		{"check", "--kit", "kti"},
		{"build", "--kit", "kti"},
		{"serve", "--kit", "kti"},
		{"new", "de-AT", "--from", "fr-FR", "--kit", "kti"},
		{"i18n", "export", "--edition", "fr-FR", "--kit", "kti"},
		{"i18n", "import", "x.po", "--kit", "kti"},
		{"i18n", "status", "--kit", "kti"},
	} {
		r := run(t, dir, args...)
		if r.code != 1 || r.stderr != "awarekit: --kit kti: no such folder\n" {
			t.Errorf("awarekit %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Error("files changed")
	}
}

// TestExportAcrossFileSystems: i18n export --out onto another file system
// (/dev/shm is a tmpfs, the test's folder is not) writes the file beside
// its destination and renames it there: no "invalid cross-device link",
// no temporary file left, mode 0644 less the umask.
func TestExportAcrossFileSystems(t *testing.T) {
	dir := validKit(t)
	shm, err := os.MkdirTemp("/dev/shm", "awarekit-test-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(shm)
	if r := run(t, dir, "new", "de-AT", "--from", "fr-FR"); r.code != 0 {
		t.Fatalf("new: %+v", r)
	}
	out := filepath.Join(shm, "de-AT.po")
	r := run(t, dir, "i18n", "export", "--edition", "de-AT", "--out", out)
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	fi, err := os.Stat(out)
	if err != nil || fi.Size() == 0 || fi.Mode().Perm()&^0o022 != 0o644&^0o022 || fi.Mode().Perm()&0o600 != 0o600 {
		t.Errorf("%s: %v %v", out, fi, err)
	}
	if ents, _ := os.ReadDir(shm); len(ents) != 1 {
		t.Errorf("left beside it: %v", ents)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*export*")); len(m) > 0 {
		t.Errorf("left in the working folder: %v", m)
	}
}

// TestClockInjected: the date the binary compares with is AWAREKIT_NOW
// when set (every test sets it: see run), so no test depends on the day
// it runs. Two years on, the fixture's contacts are stale.
func TestClockInjected(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "check", "--strict"); r.code != 0 {
		t.Errorf("check --strict on %s: %+v", today, r)
	}
	later := []string{"AWAREKIT_NOW=2028-12-01"}
	if r := runEnv(t, dir, later, "check", "--strict"); r.code != 1 || !strings.Contains(r.stderr, "PHAROS") {
		t.Errorf("check --strict two years on: %+v", r)
	}
	if r := runEnv(t, dir, later, "build", "--strict"); r.code != 1 || !strings.Contains(r.stderr, "PHAROS") {
		t.Errorf("build --strict two years on: %+v", r)
	}
	if r := runEnv(t, dir, []string{"AWAREKIT_NOW=tomorrow"}, "check"); r.code != 1 || r.stderr != "awarekit: AWAREKIT_NOW=\"tomorrow\": not a date such as 2026-12-01\n" {
		t.Errorf("a bad AWAREKIT_NOW: %+v", r)
	}
}
