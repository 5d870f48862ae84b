package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/build"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/manifest"
	"github.com/awarekit/awarekit/kit/testkit"
)

// loadKit loads the data and the kit of a testkit.Kit, in memory, as a
// build does before it calls the site.
func loadKit(t *testing.T, k *testkit.Kit) (*content.Set, *kitset.Kit) {
	t.Helper()
	set, err := content.LoadOptions(k.Data(), "data", content.Options{Now: testkit.Today})
	if err != nil {
		t.Fatal(err)
	}
	kit, err := kitset.LoadFS(k.Files, "", set.Editions)
	if err != nil {
		t.Fatal(err)
	}
	return set, kit
}

// TestItalianSite: the kit folder of testdata/kits/it-FR.txtar (Italian
// strings and locale, no Go) gives a site with Italian file sizes, month
// names and quotes.
func TestItalianSite(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/it-FR.txtar"))
	set, kit := loadKit(t, k)
	out := k.Build(t, func(k *testkit.Kit) error {
		f := manifest.File{Path: "it-FR/posters/la-sextorsion-a4.pdf", Kind: "poster-pdf", Design: "la-sextorsion", Size: "a4", Variant: "office"}
		name := filepath.Join(k.Out, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(name, bytes.Repeat([]byte("x"), 1258291), 0o644); err != nil {
			return err
		}
		f, err := manifest.Describe(k.Out, f)
		if err != nil {
			return err
		}
		job := build.SiteJob{Out: k.Out, Editions: set.Editions, All: set.Editions, Files: map[string][]manifest.File{"it-FR": {f}}, Kit: kit}
		return Build(job, Options{})
	})
	out.AssertText(t, "it-FR/downloads/index.html", "1,2\u00a0MB", "! Mo")
	var law string
	for _, f := range out.Files(t) {
		if strings.HasSuffix(f, ".html") && strings.Contains(out.Text(t, f), "giugno 2025") {
			law = f
		}
	}
	if law == "" {
		t.Errorf("no page names the source's month in Italian (giugno 2025):\n%s", out)
	}
	for _, f := range out.Files(t) {
		if strings.HasSuffix(f, ".html") && strings.Contains(out.Text(t, f), "juin 2025") {
			t.Errorf("%s has a French month", f)
		}
	}
}

// TestHebrewSite: Hebrew added as data only (testdata/kits/he-FR.txtar:
// i18n/he.yaml and i18n/locale/he.yaml with direction: rtl) gets
// right-to-left pages, and its link in the other editions' picker and
// footer says so; fr-FR, beside it, stays left to right.
func TestHebrewSite(t *testing.T) {
	k := testkit.NewKit(t, testkit.Archive(t, "testdata/kits/he-FR.txtar"))
	set, kit := loadKit(t, k)
	out := k.Build(t, func(k *testkit.Kit) error {
		if err := os.MkdirAll(k.Out, 0o755); err != nil {
			return err
		}
		job := build.SiteJob{Out: k.Out, Editions: set.Editions, All: set.Editions, Files: map[string][]manifest.File{}, Kit: kit}
		return Build(job, Options{})
	})
	n := 0
	for _, f := range out.Files(t) {
		code, _, _ := strings.Cut(f, "/")
		want := map[string]string{"he-FR": `<html lang="he-FR" dir="rtl">`, "fr-FR": `<html lang="fr-FR" dir="ltr">`}[code]
		if want == "" || !strings.HasSuffix(f, ".html") {
			continue
		}
		n++
		out.AssertText(t, f, want)
	}
	if n < 20 {
		t.Errorf("%d pages of he-FR and fr-FR:\n%s", n, out)
	}
	out.AssertText(t, "fr-FR/index.html", `hreflang="he-FR" lang="he-FR" dir="rtl"`)
	out.AssertText(t, "he-FR/index.html", `hreflang="fr-FR" lang="fr-FR" dir="ltr"`)
}
