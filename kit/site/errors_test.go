package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/testkit"
)

// A template error names the kit folder's file, with its line and column,
// never the temporary project; a parse error in home.html is reported in
// home.html, not in baseof.html where Hugo joins them.
func TestTemplateErrors(t *testing.T) {
	eds := fixture(t)[:1]
	for _, c := range []struct {
		name, file, text, want string
	}{
		{"parse error", "layouts/home.html", "{{ define \"main\" }}\n<p>\n{{ if }}\n{{ end }}\n",
			"layouts/home.html:3: "},
		{"execution error", "layouts/home.html", "{{ define \"main\" }}\n<p>\n  {{ .Nope.X }}\n{{ end }}\n",
			"layouts/home.html:3:10: "},
		{"in a partial", "layouts/_partials/call.html", "<a>\n{{ .phone.dial.x }}</a>\n",
			"layouts/_partials/call.html:2:9: "},
	} {
		kit := t.TempDir()
		p := filepath.Join(kit, filepath.FromSlash(c.file))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		err := Build(kitset.SiteJob{Out: t.TempDir(), Editions: eds, All: eds}, Options{Root: kit})
		want := filepath.Join(kit, filepath.FromSlash(c.want))
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), ".site-") {
			t.Errorf("%s: got %v\nwant it to start with %s", c.name, err, want)
		}
	}
}

// TestTemplateErrorsInMemory: a kit built in memory (testkit.NewKit) has
// its template errors named at its own file too, as the kit shows it.
func TestTemplateErrorsInMemory(t *testing.T) {
	k := testkit.NewKit(t, "copy testdata/valid/fr-FR data/fr-FR\n-- layouts/home.html --\n{{ define \"main\" }}\n<p>\n  {{ .Nope.X }}\n{{ end }}\n")
	set, kit := loadKit(t, k)
	err := Build(kitset.SiteJob{Out: t.TempDir(), Editions: set.Editions, All: set.Editions, Kit: kit}, Options{})
	if want := "layouts/home.html:3:10: "; err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "default") {
		t.Errorf("got %v\nwant it to start with %s", err, want)
	}
}
