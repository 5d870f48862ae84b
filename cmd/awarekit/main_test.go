package main_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/testkit"
)

// These tests run the real binary, as a user would.

var binary string

// buildFlags are the flags of the binary's go build (race_test.go adds
// -race).
var buildFlags = []string{"build"}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "awarekit-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "awarekit")
	out, err := exec.Command("go", append(buildFlags, "-o", binary, ".")...).CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "building awarekit: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

// today is the date every run of the binary takes for today
// (AWAREKIT_NOW): no test depends on the day it runs.
const today = "2026-12-01"

func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runEnv(t, dir, nil, args...)
}

// runEnv runs the binary with env added to the environment.
func runEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := command(dir, env, args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{o.String(), e.String(), code}
}

// command is the binary, ready to run in dir with the fixed date.
func command(dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "AWAREKIT_NOW="+today), env...)
	return cmd
}

func validKit(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "valid"), filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCheckValid(t *testing.T) {
	r := run(t, validKit(t), "check", "--base-url", "https://exemple.org/")
	if r.code != 0 || r.stdout != "ok: 1 edition (fr-FR)\n" || r.stderr != "" {
		t.Fatalf("check: %+v", r)
	}
}

func TestCheckBundledData(t *testing.T) {
	r := run(t, testkit.Root(), "check")
	if r.code != 0 {
		t.Fatalf("the bundled data/ does not pass check:\n%s", r.stderr)
	}
}

// TestCheckMalformed runs check on every case of the malformed corpus and
// compares the exact output and the exit status.
func TestCheckMalformed(t *testing.T) {
	cases, err := testkit.BadCases()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			if err := c.Materialise(dir); err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, "check")
			n := strings.Count(c.Want, "\n")
			s := "s"
			if n == 1 {
				s = ""
			}
			want := c.Want + fmt.Sprintf("awarekit: %d problem%s found\n", n, s)
			if r.code != 1 || r.stderr != want || r.stdout != "" {
				t.Errorf("exit %d\nstderr:\n%s\nwant:\n%s", r.code, r.stderr, want)
			}
		})
	}
}

func TestBuildWritesContent(t *testing.T) {
	dir := validKit(t)
	r := run(t, dir, "build")
	if r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "fr-FR", "content.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Code     string `json:"code"`
		Contacts []struct {
			ID           string `json:"id"`
			SourceLines  string `json:"source_lines"`
			Verification struct {
				Date string `json:"date"`
			} `json:"verification"`
		} `json:"contacts"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Code != "fr-FR" || len(got.Contacts) != 2 || got.Contacts[0].Verification.Date != "2026-11-24" || got.Contacts[0].SourceLines != "342" {
		t.Errorf("content.json: %+v", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

// TestFailedBuildKeepsOutput: a build that fails validation leaves the
// previous public/ exactly as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("first build: %+v", r)
	}
	before := snapshot(t, filepath.Join(dir, "public"))
	contacts := filepath.Join(dir, "data", "fr-FR", "contacts.yaml")
	b, _ := os.ReadFile(contacts)
	os.WriteFile(contacts, bytes.Replace(b, []byte(`dial: "3018"`), []byte(`dial: "301"`), 1), 0o644)
	r := run(t, dir, "build")
	if r.code != 1 || !strings.Contains(r.stderr, `contacts[1].phone.dial: "301" is not a valid phone number for region FR`) {
		t.Fatalf("second build: %+v", r)
	}
	if after := snapshot(t, filepath.Join(dir, "public")); after != before {
		t.Errorf("public/ changed after a failed build:\nbefore %s\nafter %s", before, after)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".awarekit-build-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			fmt.Fprintf(&b, "%s/\n", rel)
			return nil
		}
		data, _ := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %x\n", rel, data)
		return nil
	})
	return b.String()
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		in   string // expected in stdout+stderr
	}{
		{nil, 2, "Usage:"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"check", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"check", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"build", "--help"}, 0, "-edition"},
		{[]string{"version"}, 0, "awarekit "},
		{[]string{"build", "--data", "missing"}, 1, "cannot read the data folder"},
	} {
		r := run(t, dir, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.in) {
			t.Errorf("awarekit %v: exit %d, output:\n%s%s", tc.args, r.code, r.stdout, r.stderr)
		}
	}
}

func TestBuildOneEditionKeepsOthers(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	other := filepath.Join(dir, "public", "xx-XX", "keep.txt")
	os.MkdirAll(filepath.Dir(other), 0o755)
	os.WriteFile(other, []byte("kept"), 0o644)
	if r := run(t, dir, "build", "--edition", "fr-FR"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another edition's output was removed: %v", err)
	}
	if r := run(t, dir, "build", "--edition", "de-AT"); r.code != 1 || !strings.Contains(r.stderr, `no edition "de-AT" (have fr-FR)`) {
		t.Errorf("unknown edition: %+v", r)
	}
}

// TestCheckOverflow: check lays out every poster and lists every overflow.
func TestCheckOverflow(t *testing.T) {
	dir := validKit(t)
	b, err := os.ReadFile(filepath.Join(testkit.Root(), "testdata", "overflow", "advice.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "data", "fr-FR", "advice.yaml"), b, 0o644)
	want, _ := os.ReadFile(filepath.Join(testkit.Root(), "testdata", "overflow", "want.txt"))
	n := strings.Count(string(want), "\n")
	r := run(t, dir, "check")
	if r.code != 1 || r.stderr != string(want)+fmt.Sprintf("awarekit: %d problems found\n", n) {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestBuildPosters: build writes every poster, in every size and variant,
// with previews.
func TestBuildPosters(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	for _, d := range []string{"la-sextorsion", "c-est-non"} {
		for _, f := range []string{"-a4.pdf", "-a4-bleed.pdf", "-a3.pdf", "-a3-bleed.pdf", "-a4.png", "-a4-thumb.png", "-a3.png", "-a3-thumb.png"} {
			p := filepath.Join(dir, "public", "fr-FR", "posters", d+f)
			if st, err := os.Stat(p); err != nil || st.Size() < 1000 {
				t.Errorf("%s: %v", d+f, err)
			}
		}
	}
}

// TestThrowAwayEdition proves that an edition is added with data only: a
// Belgian draft made of files under testdata/ builds every design in every
// size, its site pages and its kit, each marked as a draft.
func TestThrowAwayEdition(t *testing.T) {
	dir := validKit(t)
	be := filepath.Join(dir, "data", "fr-BE")
	if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "valid", "fr-FR"), be); err != nil {
		t.Fatal(err)
	}
	if err := testkit.CopyDir(filepath.Join(testkit.Root(), "testdata", "throwaway", "fr-BE"), be); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "public", "fr-BE", "posters", "*.pdf"))
	want, _ := filepath.Glob(filepath.Join(dir, "public", "fr-FR", "posters", "*.pdf"))
	if len(pdfs) == 0 || len(pdfs) != len(want) {
		t.Errorf("fr-BE has %d PDFs, fr-FR %d", len(pdfs), len(want))
	}
	for _, f := range []string{"index.html", "kit-fr-BE.zip", "content.json"} {
		if _, err := os.Stat(filepath.Join(dir, "public", "fr-BE", f)); err != nil {
			t.Error(err)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "public", "fr-BE", "index.html"))
	if !strings.Contains(string(html), `class="draft"`) {
		t.Error("the draft's home page has no draft banner")
	}
	html, _ = os.ReadFile(filepath.Join(dir, "public", "fr-FR", "index.html"))
	if strings.Contains(string(html), `class="draft"`) {
		t.Error("a published edition shows the draft banner")
	}
}

// TestBundledDraftMarks builds the repository's own data with the real
// binary: every page of every PDF and every HTML page of a draft edition
// carries the draft mark, and no published edition's does.
func TestBundledDraftMarks(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is not installed (make test-deps installs poppler-utils)")
	}
	root := testkit.Root()
	out := filepath.Join(t.TempDir(), "public")
	if r := run(t, root, "build", "--out", out); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	eds, _ := os.ReadDir(filepath.Join(root, "data"))
	for _, ed := range eds {
		code := ed.Name()
		b, err := os.ReadFile(filepath.Join(root, "data", code, "edition.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		draft := strings.Contains(string(b), "\nstatus: draft")
		mark := "BROUILLON – NON VÉRIFIÉ"
		if strings.HasPrefix(code, "de-") {
			mark = "ENTWURF – NICHT ÜBERPRÜFT"
		}
		if strings.HasPrefix(code, "uk-") {
			mark = "ЧЕРНЕТКА – НЕ ПЕРЕВІРЕНО"
		}
		if strings.HasPrefix(code, "ar-") {
			mark = "مسودة – لم يتم التحقق منها" // in logical order: pdftotext only wraps it in U+202B…U+202C
		}
		pdfs, _ := filepath.Glob(filepath.Join(out, code, "posters", "*.pdf"))
		if len(pdfs) == 0 {
			t.Errorf("%s: no PDF", code)
		}
		for _, p := range pdfs {
			info, _ := exec.Command("pdfinfo", p).Output()
			pages := 1
			if strings.Contains(string(info), "\nPages:          2\n") {
				pages = 2
			}
			for pg := 1; pg <= pages; pg++ {
				txt, err := exec.Command(pdftotext, "-f", fmt.Sprint(pg), "-l", fmt.Sprint(pg), p, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				if has := strings.Contains(strings.ReplaceAll(string(txt), "\u00a0", " "), mark); has != draft {
					t.Errorf("%s page %d: draft mark %v, edition draft %v", filepath.Base(p), pg, has, draft)
				}
			}
		}
		n := 0
		filepath.WalkDir(filepath.Join(out, code), func(p string, d os.DirEntry, err error) error {
			if err != nil || !strings.HasSuffix(p, ".html") {
				return err
			}
			n++
			h, _ := os.ReadFile(p)
			if has := strings.Contains(string(h), `class="draft"`); has != draft {
				t.Errorf("%s: draft banner %v, edition draft %v", p, has, draft)
			}
			return nil
		})
		if n < 10 {
			t.Errorf("%s: only %d pages", code, n)
		}
	}
}

// TestStaleContacts: a verification more than 12 months old gives a
// warning in check and build, and an error with --strict.
func TestStaleContacts(t *testing.T) {
	dir := validKit(t)
	p := filepath.Join(dir, "data", "fr-FR", "contacts.yaml")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte("date: 2026-11-24"), []byte("date: 2020-01-15"), 1), 0o644)
	want := "data/fr-FR/contacts.yaml:11:26: contacts[0].verification.date: PHAROS was verified on 2020-01-15, more than 12 months ago: check it again (awarekit verify) and record the new verification"
	r := run(t, dir, "check", "--base-url", "https://exemple.org/")
	if r.code != 0 || r.stderr != "warning: "+want+"\n" {
		t.Errorf("check: %+v", r)
	}
	r = run(t, dir, "check", "--strict", "--base-url", "https://exemple.org/")
	if r.code != 1 || r.stderr != want+"\nawarekit: 1 problem found\n" {
		t.Errorf("check --strict: %+v", r)
	}
	if r := run(t, dir, "build"); r.code != 0 || !strings.Contains(r.stderr, "warning: "+want) {
		t.Errorf("build: %+v", r)
	}
	if r := run(t, dir, "build", "--strict", "--out", "strict"); r.code != 1 {
		t.Errorf("build --strict: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "strict")); err == nil {
		t.Error("build --strict wrote its output")
	}
}

// TestHostileBuildKeepsOutput runs build on every case of the malformed and
// hostile corpus over an existing public/: each fails with exit 1 and its
// exact problems, and leaves public/ byte for byte as it was.
func TestHostileBuildKeepsOutput(t *testing.T) {
	good := validKit(t)
	if r := run(t, good, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	before := snapshot(t, filepath.Join(good, "public"))
	cases, err := testkit.BadCases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Fatalf("the hostile corpus has %d cases, want at least 30", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			if err := c.Materialise(dir); err != nil {
				t.Fatal(err)
			}
			if err := testkit.CopyDir(filepath.Join(good, "public"), filepath.Join(dir, "public")); err != nil {
				t.Fatal(err)
			}
			data, err := testkit.Snapshot(filepath.Join(dir, "data"))
			if err != nil {
				t.Fatal(err)
			}
			r := run(t, dir, "build")
			if r.code != 1 || !strings.HasPrefix(r.stderr, c.Want) {
				t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", r.code, r.stderr, c.Want)
			}
			if after, err := testkit.Snapshot(filepath.Join(dir, "data")); err != nil || after != data {
				t.Errorf("data/ changed after a failed build (%v)", err)
			}
			if after := snapshot(t, filepath.Join(dir, "public")); after != before {
				t.Error("public/ changed after a failed build")
			}
		})
	}
}
