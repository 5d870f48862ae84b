package kitset

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/testkit"
)

func valid(t *testing.T) []*content.Edition {
	t.Helper()
	set, err := content.Load(os.DirFS(filepath.Join(testkit.Root(), "testdata", "valid")), "testdata/valid")
	if err != nil {
		t.Fatal(err)
	}
	return set.Editions
}

func problems(t *testing.T, err error) []diag.Problem {
	t.Helper()
	var d *diag.Error
	if !errors.As(err, &d) {
		t.Fatalf("error %v, want problems", err)
	}
	return d.Problems
}

// newDesignKit is a kit folder holding posters/flyer2.yaml, a copy of
// bons-reflexes.yaml with a new id, changed by edit.
func newDesignKit(t *testing.T, edit func(string) string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testkit.Root(), "posters", "bons-reflexes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "posters"), 0o755)
	s := edit(strings.Replace(string(b), "\nid: bons-reflexes\n", "\nid: flyer2\n", 1))
	if err := os.WriteFile(filepath.Join(dir, "posters", "flyer2.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLoad: the embedded kit loads with every design and the strings of
// every edition, each design named in its language.
func TestLoad(t *testing.T) {
	eds := valid(t)
	k, err := Load("", eds)
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Designs) < 8 || k.Design("guide") == nil || k.Fonts == nil {
		t.Fatalf("designs %d, guide %v, fonts %v", len(k.Designs), k.Design("guide"), k.Fonts != nil)
	}
	for _, d := range k.Designs {
		if k.I18n["fr-FR"]["design_"+d.ID] == "" {
			t.Errorf("%s: no design_%s for fr-FR", d.ID, d.ID)
		}
	}
}

// TestMissingDesignStrings: a kit's new design without its strings fails
// with the missing keys at the line of its id, naming the editions and the
// file to add them to; with them added, the kit loads.
func TestMissingDesignStrings(t *testing.T) {
	dir := newDesignKit(t, func(s string) string { return s })
	eds := valid(t)
	_, err := Load(dir, eds)
	ps := problems(t, err)
	shown := filepath.ToSlash(dir)
	want := diag.Problem{File: shown + "/posters/flyer2.yaml", Line: 3, Col: 1, Field: "id",
		Msg: "missing the interface strings design_flyer2, where_flyer2 for fr-FR: add them to " + shown + "/i18n/fr.yaml"}
	if len(ps) != 1 || ps[0] != want {
		t.Fatalf("problems %v\nwant %v", ps, want)
	}
	fr, err := os.ReadFile(filepath.Join(testkit.Root(), "i18n", "fr.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "i18n"), 0o755)
	fr = append(fr, "\ndesign_flyer2: Le dépliant deux\nwhere_flyer2: partout.\n"...)
	if err := os.WriteFile(filepath.Join(dir, "i18n", "fr.yaml"), fr, 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(dir, eds)
	if err != nil {
		t.Fatal(err)
	}
	if k.Design("flyer2") == nil || k.I18n["fr-FR"]["design_flyer2"] != "Le dépliant deux" {
		t.Errorf("flyer2 %v, name %q", k.Design("flyer2"), k.I18n["fr-FR"]["design_flyer2"])
	}
	// A document (the guide's kind) needs no where_<id>.
	doc := newDesignKit(t, func(s string) string {
		return strings.Replace(s, "\naudience: young\n", "\nkind: document\naudience: young\n", 1)
	})
	_, err = Load(doc, eds)
	if ps := problems(t, err); len(ps) != 1 || !strings.Contains(ps[0].Msg, "string design_flyer2 for fr-FR: add it to") {
		t.Errorf("document: %v", ps)
	}
}

// TestDesignProblemLines: the layout's checks of a design get the line
// of their field: an unknown box kind, a missing label key.
func TestDesignProblemLines(t *testing.T) {
	dir := newDesignKit(t, func(s string) string {
		return strings.Replace(s, "show: sheet_title", "show: sheet_titel", 1)
	})
	_, err := Load(dir, valid(t))
	var got []string
	for _, p := range problems(t, err) {
		got = append(got, p.String())
	}
	want := filepath.ToSlash(dir) + `/posters/flyer2.yaml:21:5: boxes.title.show: "sheet_titel" is not one of`
	if !strings.Contains("\n"+strings.Join(got, "\n"), "\n"+want) {
		t.Errorf("problems:\n%s\nwant one starting %s", strings.Join(got, "\n"), want)
	}
}

func TestFieldPosition(t *testing.T) {
	const src = `id: x
sizes: [a4, a3]
colors:
  paper: "#ffffff"
boxes:
  - id: title
    show: title
  - id: note
    show: label
    key: k
back:
  boxes:
    - id: nums
      show: contacts
`
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		field     string
		line, col int
	}{
		{"id", 1, 1},
		{"sizes[1]", 2, 13},
		{"colors.paper", 4, 3},
		{"boxes.note.key", 10, 5},
		{"boxes[1].show", 9, 5},
		{"back.boxes.nums.show", 14, 7},
		{"boxes.nope.show", 0, 0},
		{"sizes[7]", 0, 0},
	} {
		if l, col := fieldPosition(doc.Content[0], c.field); l != c.line || col != c.col {
			t.Errorf("%s: %d:%d, want %d:%d", c.field, l, col, c.line, c.col)
		}
	}
}

// TestLoadFS: a kit folder given in memory (testkit.NewKit) loads as a
// folder does: its new design is checked for its strings, named as the
// kit shows it; a link among its files is refused, not followed; with the
// strings added, the design is in the kit.
func TestLoadFS(t *testing.T) {
	k := testkit.NewKit(t, `copy posters/bons-reflexes.yaml posters/flyer2.yaml
-- i18n/de.yaml --
a: b
`)
	f := k.Files["posters/flyer2.yaml"]
	f.Data = []byte(strings.Replace(string(f.Data), "\nid: bons-reflexes\n", "\nid: flyer2\n", 1))
	delete(k.Files, "i18n/de.yaml")
	k.Files["i18n/de.yaml"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
	eds := valid(t)
	_, err := LoadFS(k.Files, "kit", eds)
	var got []string
	for _, p := range problems(t, err) {
		got = append(got, p.String())
	}
	want := []string{
		"kit/i18n/de.yaml: a symbolic link: kit files must be regular files (copy the file itself into the kit folder)",
		"kit/posters/flyer2.yaml:3:1: id: missing the interface strings design_flyer2, where_flyer2 for fr-FR: add them to kit/i18n/fr.yaml",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	delete(k.Files, "i18n/de.yaml")
	fr, err := os.ReadFile(filepath.Join(testkit.Root(), "i18n", "fr.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	k.Files["i18n/fr.yaml"] = &fstest.MapFile{Data: append(fr, "\ndesign_flyer2: Le dépliant deux\nwhere_flyer2: partout.\n"...)}
	kit, err := LoadFS(k.Files, "kit", eds)
	if err != nil {
		t.Fatal(err)
	}
	if kit.Design("flyer2") == nil || kit.I18n["fr-FR"]["design_flyer2"] != "Le dépliant deux" || kit.Design("guide") == nil {
		t.Errorf("flyer2 %v, name %q, guide %v", kit.Design("flyer2"), kit.I18n["fr-FR"]["design_flyer2"], kit.Design("guide"))
	}
}
