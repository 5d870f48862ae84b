package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/l10n"
)

// TestTranslateEndToEnd: a translator's whole path, by the command line
// only: new, export, translate (here: in Go, as a tool would), import,
// status, check, build.
func TestTranslateEndToEnd(t *testing.T) {
	dir := validKit(t)
	r := run(t, dir, "new", "de-FR", "--from", "fr-FR")
	if r.code != 0 || !strings.Contains(r.stdout, "created de-FR from fr-FR") {
		t.Fatalf("new: %+v", r)
	}
	if r := run(t, dir, "check"); r.code != 0 {
		t.Fatalf("check after new: %+v", r)
	}
	for _, format := range []string{"po", "xliff"} {
		file := filepath.Join(dir, "de-FR."+format)
		if r := run(t, dir, "i18n", "export", "--edition", "de-FR", "--format", format, "--out", file); r.code != 0 {
			t.Fatalf("export: %+v", r)
		}
		b, _ := os.ReadFile(file)
		c, err := l10n.Read(file, b)
		if err != nil {
			t.Fatal(err)
		}
		for i, u := range c.Units {
			if format == "xliff" && !strings.HasPrefix(u.ID, "texts.") {
				continue // the second pass translates the poster texts again
			}
			c.Units[i].Target = german(u)
			c.Units[i].State = l10n.StateTranslated
		}
		var buf bytes.Buffer
		if format == "po" {
			l10n.WritePO(&buf, c)
		} else {
			l10n.WriteXLIFF(&buf, c)
		}
		os.WriteFile(file, buf.Bytes(), 0o644)
		r := run(t, dir, "i18n", "import", file)
		if r.code != 0 || !strings.Contains(r.stdout, "de-FR: ") {
			t.Fatalf("import %s: %+v", format, r)
		}
		// Exporting again gives the file just imported.
		r = run(t, dir, "i18n", "export", "--edition", "de-FR", "--format", format)
		if r.code != 0 || r.stdout != buf.String() {
			t.Errorf("%s: export after import differs from the imported file", format)
		}
	}
	r = run(t, dir, "i18n", "status", "--json")
	var sts []l10n.EditionStatus
	if err := json.Unmarshal([]byte(r.stdout), &sts); err != nil || len(sts) != 2 {
		t.Fatalf("status --json: %v %+v", err, r)
	}
	if s := sts[0]; s.Edition != "de-FR" || s.Source != "fr-FR" || s.Missing != 0 || s.Stale != 0 || s.Translated != s.Strings {
		t.Errorf("status: %+v", s)
	}
	if sts[1].Edition != "fr-FR" || sts[1].Source != "" {
		t.Errorf("status of the original: %+v", sts[1])
	}
	if r := run(t, dir, "i18n", "status"); r.code != 0 || !strings.Contains(r.stdout, "de-FR    fr-FR") || !strings.Contains(r.stdout, "original") {
		t.Errorf("status table: %+v", r)
	}
	if r := run(t, dir, "check"); r.code != 0 {
		t.Fatalf("check after import: %+v", r)
	}
	if r := run(t, dir, "build", "--edition", "de-FR"); r.code != 0 {
		t.Fatalf("build: %+v", r)
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "de-FR", "content.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Status string `json:"status"`
		Texts  struct {
			Title string `json:"title"`
		} `json:"texts"`
	}
	json.Unmarshal(b, &got)
	if got.Status != "draft" || got.Texts.Title != "DIE SEXTORTION" {
		t.Errorf("content.json: %+v", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "de-FR", "posters", "la-sextorsion-a4.pdf")); err != nil {
		t.Error(err)
	}
}

// german is a stand-in translator: the poster texts of the fixture in
// German, the rest marked.
func german(u l10n.Unit) string {
	if s, ok := map[string]string{
		"texts.title":  "DIE SEXTORTION",
		"texts.slogan": "SEXTORTION: NEIN!",
	}[u.ID]; ok {
		return s
	}
	if strings.HasPrefix(u.ID, "i18n.") {
		return u.Source
	}
	return "DE " + u.Source
}

// TestTranslateRefused: a broken file is refused, with the exit status of
// invalid data, and the edition stays as it was.
func TestTranslateRefused(t *testing.T) {
	dir := validKit(t)
	if r := run(t, dir, "new", "fr-BE", "--from", "fr-FR"); r.code != 0 {
		t.Fatalf("new: %+v", r)
	}
	if r := run(t, dir, "check"); r.code != 0 {
		t.Fatalf("check after new in another region: %+v", r)
	}
	before := snapshot(t, filepath.Join(dir, "data"))
	bad := filepath.Join(dir, "bad.po")
	os.WriteFile(bad, []byte("msgid \"\"\nmsgstr \"\"\n\"X-Awarekit-Source: fr-FR\\n\"\n\"X-Awarekit-Target: fr-BE\\n\"\n\nmsgctxt \"texts.nope\"\nmsgid \"x\"\nmsgstr \"y\"\n"), 0o644)
	r := run(t, dir, "i18n", "import", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "texts.nope: unknown string id") {
		t.Errorf("import: %+v", r)
	}
	if snapshot(t, filepath.Join(dir, "data")) != before {
		t.Errorf("a refused import changed data/")
	}
	for _, args := range [][]string{{"new", "de-LU"}, {"i18n"}, {"i18n", "export"}, {"i18n", "frob"}} {
		if r := run(t, dir, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
}
