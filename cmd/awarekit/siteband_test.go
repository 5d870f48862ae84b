package main_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSiteWarning: without an absolute --base-url, check and build warn
// once that the posters will not link the site; with one, they do not,
// and the posters print the edition's address.
func TestSiteWarning(t *testing.T) {
	dir := validKit(t)
	const warn = `warning: --base-url: "/" is not an absolute URL (https://…): the posters will not link the site (no address, no QR code)` + "\n"
	if r := run(t, dir, "check"); r.code != 0 || r.stderr != warn {
		t.Errorf("check: %+v", r)
	}
	if r := run(t, dir, "check", "--base-url", "https://exemple.org/"); r.code != 0 || r.stderr != "" {
		t.Errorf("check --base-url: %+v", r)
	}
	if r := run(t, dir, "build", "--out", "plain"); r.code != 0 || strings.Count(r.stderr, "--base-url") != 1 || !strings.Contains(r.stderr, warn) {
		t.Errorf("build: %+v", r)
	}
	if r := run(t, dir, "build", "--out", "linked", "--base-url", "https://exemple.org/"); r.code != 0 || strings.Contains(r.stderr, "--base-url") {
		t.Errorf("build --base-url: %+v", r)
	}
	text := func(out string) string {
		b, err := exec.Command("pdftotext", filepath.Join(dir, out, "fr-FR", "posters", "la-sextorsion-a4.pdf"), "-").CombinedOutput()
		if err != nil {
			t.Fatalf("pdftotext: %v\n%s", err, b)
		}
		return string(b)
	}
	if got := text("linked"); !strings.Contains(got, "exemple.org/fr-FR") {
		t.Errorf("the linked poster does not print exemple.org/fr-FR:\n%s", got)
	}
	if got := text("plain"); strings.Contains(got, "Tout le kit") {
		t.Errorf("the poster of a build without base URL has the site band:\n%s", got)
	}
}
