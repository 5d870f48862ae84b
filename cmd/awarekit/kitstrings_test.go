package main_test

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/i18n"
	"github.com/awarekit/awarekit/kit/testkit"
)

// downloadTitles returns the design titles (h3) and descriptions of a
// downloads page.
func downloadTitles(t *testing.T, page string) (titles []string, body string) {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`<h3>([^<]*)</h3>`).FindAllStringSubmatch(string(b), -1) {
		titles = append(titles, html.UnescapeString(m[1]))
	}
	return titles, html.UnescapeString(string(b))
}

// TestGermanDownloads: the de-LU downloads page titles and describes every
// poster in German, from the kit's strings (design_<id>, where_<id> of
// i18n/de.yaml and de-LU.yaml), never with the French names of the design
// files or of i18n/fr.yaml.
func TestGermanDownloads(t *testing.T) {
	root := testkit.Root()
	out := filepath.Join(t.TempDir(), "public")
	if r := run(t, root, "build", "--edition", "de-LU", "--out", out); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	de, err := i18n.Load(os.DirFS(filepath.Join(root, "i18n")), "i18n", "de", "de-LU")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := i18n.Load(os.DirFS(filepath.Join(root, "i18n")), "i18n", "fr", "fr-FR")
	if err != nil {
		t.Fatal(err)
	}
	titles, body := downloadTitles(t, filepath.Join(out, "de-LU", "downloads", "index.html"))
	designs, err := filepath.Glob(filepath.Join(root, "posters", "*.yaml"))
	if err != nil || len(designs) < 8 {
		t.Fatalf("designs: %v %v", designs, err)
	}
	if len(titles) != len(designs) {
		t.Errorf("%d design titles on the page, want %d: %q", len(titles), len(designs), titles)
	}
	deLoc, frLoc := i18n.DefaultLocale("de"), i18n.DefaultLocale("fr")
	for _, f := range designs {
		id := strings.TrimSuffix(filepath.Base(f), ".yaml")
		name := deLoc.Apply(de["design_"+id])
		if name == "" || !strings.Contains(strings.Join(titles, "\n"), name) {
			t.Errorf("%s: no title %q on the downloads page (titles %q)", id, name, titles)
		}
		if frName := frLoc.Apply(fr["design_"+id]); frName != name && strings.Contains(body, frName) {
			t.Errorf("%s: the French name %q is on the German page", id, frName)
		}
		if where := de["where_"+id]; where != "" && !strings.Contains(body, deLoc.Apply(where)) {
			t.Errorf("%s: no German description %q", id, where)
		}
		if where := fr["where_"+id]; where != "" && strings.Contains(body, frLoc.Apply(where)) {
			t.Errorf("%s: the French description %q is on the German page", id, where)
		}
	}
}

// TestKitNewDesign: a kit folder adding a design (posters/flyer2.yaml, a
// copy of bons-reflexes.yaml with a new id) fails check, naming the
// missing strings at the design's id, one problem per language file; with
// the strings added to the kit's i18n/ (copies of the built-in files,
// which a kit file replaces whole), it builds, and the German guide and
// downloads page show its German name and where it goes. The kit is
// testdata/kits/de-LU.txtar (a French and a German edition of the valid
// fixture), written out for the binary.
func TestKitNewDesign(t *testing.T) {
	k := testkit.NewKit(t, "copy posters/bons-reflexes.yaml posters/flyer2.yaml\n"+testkit.Archive(t, "testdata/kits/de-LU.txtar"))
	f := k.Files["posters/flyer2.yaml"]
	flyer := strings.Replace(string(f.Data), "\nid: bons-reflexes\n", "\nid: flyer2\n", 1)
	if flyer == string(f.Data) {
		t.Fatal("bons-reflexes.yaml: no id line to change")
	}
	f.Data = []byte(flyer)
	idLine := strings.Count(flyer[:strings.Index(flyer, "\nid: flyer2\n")+1], "\n") + 1
	kit := k.Dir(t)
	data := filepath.Join(kit, "data")
	r := run(t, kit, "check", "--data", data, "--kit", kit)
	if r.code != 1 {
		t.Fatalf("check of a design without its strings: %+v", r)
	}
	shown := filepath.ToSlash(kit)
	for lang, code := range map[string]string{"fr": "fr-FR", "de": "de-LU"} {
		want := fmt.Sprintf("%s/posters/flyer2.yaml:%d:1: id: missing the interface strings design_flyer2, where_flyer2 for %s: add them to %s/i18n/%s.yaml", shown, idLine, code, shown, lang)
		if !slices.Contains(strings.Split(r.stderr, "\n"), want) {
			t.Errorf("check: no\n%s\nin\n%s", want, r.stderr)
		}
	}
	// The strings added: the kit's own i18n/fr.yaml and de.yaml.
	added := map[string]string{
		"fr": "design_flyer2: Le dépliant deux\nwhere_flyer2: partout où sont les jeunes.\n",
		"de": "design_flyer2: Das zweite Faltblatt\nwhere_flyer2: überall, wo junge Menschen sind.\n",
	}
	if err := os.MkdirAll(filepath.Join(kit, "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for lang, s := range added {
		b, err := os.ReadFile(filepath.Join(testkit.Root(), "i18n", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(kit, "i18n", lang+".yaml"), append(append(b, '\n'), s...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if r := run(t, kit, "check", "--data", data, "--kit", kit); r.code != 0 {
		t.Fatalf("check with the strings: %+v", r)
	}
	out := filepath.Join(t.TempDir(), "public")
	if r := run(t, kit, "build", "--data", data, "--kit", kit, "--edition", "de-LU", "--out", out); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	titles, body := downloadTitles(t, filepath.Join(out, "de-LU", "downloads", "index.html"))
	if !slices.Contains(titles, "Das zweite Faltblatt") || !strings.Contains(body, "überall, wo junge Menschen sind.") {
		t.Errorf("downloads page: no German name and place of flyer2 in %q", titles)
	}
	if !strings.Contains(body, "posters/flyer2-a5.pdf") {
		t.Error("downloads page: no flyer2-a5.pdf")
	}
	guide := strings.Join(strings.Fields(testkit.Tool(t, "pdftotext", filepath.Join(out, "de-LU", "posters", "guide-a4.pdf"), "-")), " ")
	if !strings.Contains(guide, "Das zweite Faltblatt (A5) – überall, wo junge Menschen sind.") {
		t.Errorf("guide: no line for flyer2 in\n%s", guide)
	}
	if strings.Contains(guide, "design_flyer2") || strings.Contains(guide, "where_flyer2") {
		t.Error("guide: raw keys printed")
	}
}

// TestBadSourceDateEpoch: SOURCE_DATE_EPOCH that is not a number of
// seconds is an error (reproducible-builds.org), not silently ignored.
func TestBadSourceDateEpoch(t *testing.T) {
	dir := validKit(t)
	r := runEnv(t, dir, []string{"SOURCE_DATE_EPOCH=yesterday"}, "build", "--out", filepath.Join(t.TempDir(), "public"))
	if r.code != 1 || !strings.Contains(r.stderr, `SOURCE_DATE_EPOCH="yesterday": not a number of seconds since 1970`) {
		t.Errorf("build: %+v", r)
	}
}
