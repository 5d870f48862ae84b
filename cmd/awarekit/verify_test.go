package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/testkit"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	b, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v (is poppler-utils installed?)", path, err)
	}
	return strings.ReplaceAll(string(b), "\u00a0", " ")
}

// TestVerify: the checklist of the fixture, as Markdown and as a PDF read
// back with pdftotext, lists every number, address, hours and cost with
// its source; the data is not written.
func TestVerify(t *testing.T) {
	dir := validKit(t)
	before, _ := os.ReadFile(filepath.Join(dir, "data", "fr-FR", "contacts.yaml"))
	r := run(t, dir, "verify", "--edition", "fr-FR", "--out", "checks")
	if r.code != 0 || r.stdout != "wrote checks/verify-fr-FR.md\nwrote checks/verify-fr-FR.pdf\n" {
		t.Fatalf("verify: %+v", r)
	}
	md, err := os.ReadFile(filepath.Join(dir, "checks", "verify-fr-FR.md"))
	if err != nil {
		t.Fatal(err)
	}
	pdf := pdfText(t, filepath.Join(dir, "checks", "verify-fr-FR.pdf"))
	for _, want := range []string{
		"Verification checklist: fr-FR",
		"Phone: 112", "never call an emergency number to test it",
		"Source: directive (UE) 2018/1972, art. 109 (2018-12-11)",
		"Address: ", "internet-signalement.gouv.fr/PharosS1/",
		"Source: Guide pratique sextorsion (2025-06), Office mineurs, seed 002_48fcdbe930d9825c.txt, lines 342",
		"State: verified on 2026-11-24 by awarekit tests",
		"Phone: 3018", "Hours: 7 j/7 de 9 h à 23 h", "Cost: Gratuit",
		"State: sourced, never verified against the live service",
		"verification: {date: YYYY-MM-DD",
	} {
		if !strings.Contains(strings.ReplaceAll(string(md), `\`, ""), want) {
			t.Errorf("the Markdown checklist lacks %q:\n%s", want, md)
		}
		if !strings.Contains(strings.Join(strings.Fields(pdf), " "), strings.Join(strings.Fields(strings.ReplaceAll(want, "\\", "")), " ")) {
			t.Errorf("the PDF checklist lacks %q:\n%s", want, pdf)
		}
	}
	if n := strings.Count(string(md), "- [ ] "); n != 5 {
		t.Errorf("%d boxes to tick, want 5 (112, PHAROS's address, 3018's number, hours, cost)", n)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "data", "fr-FR", "contacts.yaml"))
	if string(before) != string(after) {
		t.Error("verify wrote the data")
	}
	// The same data gives the same PDF.
	first, _ := os.ReadFile(filepath.Join(dir, "checks", "verify-fr-FR.pdf"))
	run(t, dir, "verify", "--edition", "fr-FR", "--out", "checks")
	again, _ := os.ReadFile(filepath.Join(dir, "checks", "verify-fr-FR.pdf"))
	if string(first) != string(again) {
		t.Error("two runs gave different PDFs")
	}
	if r := run(t, dir, "verify"); r.code != 2 || !strings.Contains(r.stderr, "--edition is required") {
		t.Errorf("verify without --edition: %+v", r)
	}
	if r := run(t, dir, "verify", "--edition", "xx-XX"); r.code != 1 || !strings.Contains(r.stderr, `no edition "xx-XX"`) {
		t.Errorf("verify of an unknown edition: %+v", r)
	}
}

// TestProvenancePrinted builds the fixture: the posters say where their
// facts come from and never that they were verified (only one of the
// fixture's facts has a verification record); the site shows the
// emergency number with its source, and no claim above the hotlines.
func TestProvenancePrinted(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "build"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "public", "fr-FR", "posters", "*.pdf"))
	if len(pdfs) == 0 {
		t.Fatal("no poster")
	}
	for _, p := range pdfs {
		txt := pdfText(t, p)
		// The footer may take several lines beside the site band: read it
		// as one text.
		flat := strings.Join(strings.Fields(txt), " ")
		if strings.Contains(txt, "vérifiés") || strings.Contains(txt, "Vérifié le") {
			t.Errorf("%s says verified:\n%s", filepath.Base(p), txt)
		}
		if strings.HasPrefix(filepath.Base(p), "la-sextorsion-a4") && !strings.Contains(flat, "Sources : Guide pratique sextorsion (juin 2025), directive (UE) 2018/1972, art. 109 (11 décembre 2018)") {
			t.Errorf("%s does not name its sources:\n%s", filepath.Base(p), txt)
		}
	}
	home, err := os.ReadFile(filepath.Join(dir, "public", "fr-FR", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	h := string(home)
	for _, want := range []string{`<a href="tel:112">112</a>`, "Source : directive (UE) 2018/1972, art. 109 (11 décembre 2018)", "Appelle :"} {
		if !strings.Contains(strings.ReplaceAll(h, "\u00a0", " "), want) {
			t.Errorf("the home page lacks %q", want)
		}
	}
	for _, bad := range []string{"confidentiel :", "Non vérifié", "vérifiés le"} {
		if strings.Contains(h, bad) {
			t.Errorf("the home page says %q", bad)
		}
	}
}

// TestBundledProvenance builds the repository's own data: no poster of any
// edition says its numbers were verified (nobody checked the live
// services), the fr-FR posters name the OFMIN guide of March 2024, and a
// draft's footer says "non vérifié".
func TestBundledProvenance(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if r := run(t, testkit.Root(), "build", "--out", out, "--edition", "fr-FR", "--edition", "fr-CH"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	for _, code := range []string{"fr-FR", "fr-CH"} {
		pdfs, _ := filepath.Glob(filepath.Join(out, code, "posters", "*.pdf"))
		if len(pdfs) < 8 {
			t.Fatalf("%s: %d PDFs", code, len(pdfs))
		}
		for _, p := range pdfs {
			txt := pdfText(t, p)
			name := code + "/" + filepath.Base(p)
			if strings.Contains(txt, "vérifiés le") || strings.Contains(txt, "Vérifié le") {
				t.Errorf("%s says verified", name)
			}
			switch {
			case code == "fr-FR" && strings.HasPrefix(filepath.Base(p), "la-sextorsion-"):
				if !strings.Contains(strings.Join(strings.Fields(txt), " "), "Sources : guide OFMIN (mars 2024), directive (UE) 2018/1972, art. 109 (11 décembre 2018)") {
					t.Errorf("%s does not name its sources:\n%s", name, txt)
				}
			case code == "fr-CH" && !strings.Contains(txt, "Non vérifié"):
				t.Errorf("%s: a draft's footer without \"Non vérifié\"", name)
			}
		}
	}
}
