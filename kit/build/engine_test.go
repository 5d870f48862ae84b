package build

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/layout"
	"github.com/awarekit/awarekit/kit/personalise"
)

// TestWriteEngine: the engine lands beside every edition's personalise
// page, with a gzip copy that unpacks to the same bytes; a folder without
// a WebAssembly module, or whose module is a symbolic link, is refused.
func TestWriteEngine(t *testing.T) {
	dir := t.TempDir()
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("awarekit"), 1000)...)
	os.WriteFile(filepath.Join(dir, EngineWasm), wasm, 0o644)
	os.WriteFile(filepath.Join(dir, EngineJS), []byte("// wasm_exec.js"), 0o644)
	tmp := t.TempDir()
	if err := writeEngine(tmp, dir, []string{"fr-FR", "de-LU"}); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"fr-FR", "de-LU"} {
		got, err := os.ReadFile(filepath.Join(tmp, code, "personalise", EngineWasm))
		if err != nil || !bytes.Equal(got, wasm) {
			t.Fatalf("%s: %v", code, err)
		}
		f, err := os.Open(filepath.Join(tmp, code, "personalise", EngineWasm+".gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		un, _ := io.ReadAll(zr)
		f.Close()
		if !bytes.Equal(un, wasm) {
			t.Errorf("%s: the gzip copy differs", code)
		}
		if js, _ := os.ReadFile(filepath.Join(tmp, code, "personalise", EngineJS)); string(js) != "// wasm_exec.js" {
			t.Errorf("%s: wasm_exec.js %q", code, js)
		}
	}
	// The same bytes on a second build (no time, no name in the gzip).
	tmp2 := t.TempDir()
	writeEngine(tmp2, dir, []string{"fr-FR"})
	a, _ := os.ReadFile(filepath.Join(tmp, "fr-FR", "personalise", EngineWasm+".gz"))
	b, _ := os.ReadFile(filepath.Join(tmp2, "fr-FR", "personalise", EngineWasm+".gz"))
	if !bytes.Equal(a, b) {
		t.Error("the gzip copy differs between two builds")
	}

	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, EngineWasm), []byte("<html>not found</html>"), 0o644)
	os.WriteFile(filepath.Join(bad, EngineJS), []byte("x"), 0o644)
	if err := writeEngine(t.TempDir(), bad, []string{"fr-FR"}); err == nil || !strings.Contains(err.Error(), "not a WebAssembly module") {
		t.Errorf("a page instead of a module: %v", err)
	}
	link := t.TempDir()
	os.Symlink(filepath.Join(dir, EngineWasm), filepath.Join(link, EngineWasm))
	os.WriteFile(filepath.Join(link, EngineJS), []byte("x"), 0o644)
	if err := writeEngine(t.TempDir(), link, []string{"fr-FR"}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a symbolic link: %v", err)
	}
	if err := writeEngine(t.TempDir(), t.TempDir(), []string{"fr-FR"}); err == nil {
		t.Error("an empty folder accepted")
	}
	if err := writeEngine(tmp, "", []string{"fr-FR"}); err != nil {
		t.Errorf("no engine: %v", err)
	}
}

// TestWriteEngineKit: with an engine, each edition's personalise folder
// gets its kit.json, the edition's own strings and the kit's designs, the
// same bytes on every build; without an engine, nothing.
func TestWriteEngineKit(t *testing.T) {
	eds := []*content.Edition{{Code: "fr-FR", Language: "fr", Region: "FR"}, {Code: "de-LU", Language: "de", Region: "LU"}}
	k, err := kitset.Load("", eds)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := writeEngineKit(tmp, "engine", k, "https://exemple.org/", eds); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ code, title string }{{"fr-FR", k.I18n["fr-FR"]["design_la-sextorsion"]}, {"de-LU", k.I18n["de-LU"]["design_la-sextorsion"]}} {
		b, err := os.ReadFile(filepath.Join(tmp, c.code, "personalise", personalise.KitFile))
		if err != nil {
			t.Fatal(err)
		}
		var kd personalise.KitData
		if err := json.Unmarshal(b, &kd); err != nil {
			t.Fatal(err)
		}
		if want := "https://exemple.org/" + c.code + "/"; kd.SiteURL != want {
			t.Errorf("%s: site_url %q, want %q", c.code, kd.SiteURL, want)
		}
		if c.title == "" || kd.Strings["design_la-sextorsion"] != c.title || len(kd.Designs) != len(k.Designs) || !slices.ContainsFunc(kd.Designs, func(d *layout.Design) bool { return d.ID == "la-sextorsion" }) {
			t.Errorf("%s: %d designs, title %q (want %q)", c.code, len(kd.Designs), kd.Strings["design_la-sextorsion"], c.title)
		}
		again, _ := personalise.KitJSON(k, eds[slices.IndexFunc(eds, func(e *content.Edition) bool { return e.Code == c.code })], "https://exemple.org/"+c.code+"/")
		if !bytes.Equal(again, b) {
			t.Errorf("%s: kit.json differs between two writes", c.code)
		}
	}
	if fr, de := k.I18n["fr-FR"]["design_la-sextorsion"], k.I18n["de-LU"]["design_la-sextorsion"]; fr == de {
		t.Errorf("the test cannot tell the editions apart: %q", fr)
	}
	none := t.TempDir()
	if err := writeEngineKit(none, "", k, "", eds[:1]); err != nil {
		t.Fatal(err)
	}
	if es, _ := os.ReadDir(none); len(es) != 0 {
		t.Errorf("without an engine: %v", es)
	}
}
