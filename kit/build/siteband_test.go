package build_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/testkit"
)

// TestSiteBand builds the valid fixture for a site at https://exemple.org/
// and reads the posters back as a reader would: zbarimg finds a QR code to
// the edition's site on every poster and on the card, rendered at 150 dpi;
// pdftotext finds the short address; the guide gives the downloads page.
func TestSiteBand(t *testing.T) {
	opt := kitOptions(testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR"))
	opt.BaseURL = "https://exemple.org/"
	out := opt.Out
	sum, err := build.Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range sum.Warnings {
		if w.File == "--base-url" {
			t.Errorf("warning with an absolute base URL: %s", w)
		}
	}
	dir := filepath.Join(out, "fr-FR", "posters")
	for _, name := range []string{"la-sextorsion-a4", "c-est-non-a4", "bons-reflexes-a5", "parents-a4", "contacts-a4", "accueil-a4", "bons-reflexes-carte-card"} {
		t.Run(name, func(t *testing.T) {
			pdf := filepath.Join(dir, name+".pdf")
			if txt := tool(t, "pdftotext", pdf, "-"); !strings.Contains(txt, "exemple.org/fr-FR") || !strings.Contains(txt, "Tout le kit, les numéros et la sortie rapide") {
				t.Errorf("pdftotext does not find the site's address:\n%s", txt)
			}
			png := filepath.Join(t.TempDir(), "p")
			tool(t, "pdftoppm", "-r", "150", "-png", pdf, png)
			pages, _ := filepath.Glob(png + "*.png")
			var codes []string
			for _, p := range pages {
				// zbarimg exits 4 when a page has no code: read its output only.
				codes = append(codes, strings.Fields(zbar(t, p))...)
			}
			found := false
			for _, c := range codes {
				found = found || c == "QR-Code:https://exemple.org/fr-FR/"
			}
			if !found {
				t.Errorf("no QR code to https://exemple.org/fr-FR/ among %q", codes)
			}
		})
	}
	if txt := tool(t, "pdftotext", filepath.Join(dir, "guide-a4.pdf"), "-"); !strings.Contains(txt, "exemple.org/fr-FR/downloads") {
		t.Errorf("the guide does not say where to download the kit:\n%s", txt)
	}
}

// TestNoSiteBand: without an absolute base URL the build warns once and
// the posters carry no site band.
func TestNoSiteBand(t *testing.T) {
	opt := kitOptions(testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR"))
	opt.BaseURL = "/sextorsion/"
	out := opt.Out
	sum, err := build.Run(opt)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range sum.Warnings {
		if w.File == "--base-url" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings about the base URL, want 1: %v", n, sum.Warnings)
	}
	if txt := tool(t, "pdftotext", filepath.Join(out, "fr-FR", "posters", "la-sextorsion-a4.pdf"), "-"); strings.Contains(txt, "Tout le kit") {
		t.Errorf("site band without a base URL:\n%s", txt)
	}
}

// TestSiteBandCache: the base URL reaches the cache key: a live build that
// changes it gets new posters, not the previous ones.
func TestSiteBandCache(t *testing.T) {
	opt := kitOptions(testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR"))
	out := opt.Out
	opt.Cache = build.NewCache()
	for _, base := range []string{"https://exemple.org/", "https://autre.example/"} {
		opt.BaseURL = base
		if _, err := build.Run(opt); err != nil {
			t.Fatal(err)
		}
	}
	if txt := tool(t, "pdftotext", filepath.Join(out, "fr-FR", "posters", "contacts-a4.pdf"), "-"); !strings.Contains(txt, "autre.example/fr-FR") {
		t.Errorf("the second build kept the first base URL:\n%s", txt)
	}
}

// zbar returns the codes zbarimg reads in a picture, one "QR-Code:…" a
// line; a picture without a code gives "" (zbarimg then exits 4).
func zbar(t *testing.T, png string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, "zbarimg"), "--quiet", png).Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 4) {
		t.Fatalf("zbarimg %s: %v", png, err)
	}
	return string(out)
}
