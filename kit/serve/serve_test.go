package serve

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEditionsOf: an edit inside editions' data folders rebuilds those
// editions; anything else rebuilds all (nil).
func TestEditionsOf(t *testing.T) {
	data := t.TempDir()
	for _, code := range []string{"fr-FR", "de-LU"} {
		if err := os.MkdirAll(filepath.Join(data, code, "pages"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	in := func(p ...string) string { return filepath.Join(append([]string{data}, p...)...) }
	for _, c := range []struct {
		name  string
		paths []string
		want  []string
	}{
		{"one file", []string{in("fr-FR", "advice.yaml")}, []string{"fr-FR"}},
		{"a page, twice", []string{in("fr-FR", "pages", "law.md"), in("fr-FR", "pages", "law.md")}, []string{"fr-FR"}},
		{"two editions", []string{in("de-LU", "texts.yaml"), in("fr-FR", "texts.yaml")}, []string{"de-LU", "fr-FR"}},
		{"an edition's names", []string{in("fr-FR", "edition.yaml")}, nil},
		{"a new edition folder", []string{in("fr-BE")}, nil},
		{"a file in a new edition", []string{in("fr-BE", "edition.yaml")}, nil},
		{"the data folder", []string{data}, nil},
		{"a file beside the editions", []string{in("README.md")}, nil},
		{"a design", []string{in("fr-FR", "advice.yaml"), filepath.Join(filepath.Dir(data), "posters", "x.yaml")}, nil},
		{"an unknown change", []string{in("fr-FR", "advice.yaml"), ""}, nil},
	} {
		if got := editionsOf(data, c.paths); !slices.Equal(got, c.want) {
			t.Errorf("%s: editionsOf = %v, want %v", c.name, got, c.want)
		}
	}
}

// The preview answers a missing path with its edition's 404 page, else
// the root's, with status 404; existing pages are served as before.
func TestPreviewNotFound(t *testing.T) {
	dir := t.TempDir()
	for name, s := range map[string]string{
		"404.html": "<head></head>root 404", "fr-FR/404.html": "<head></head>fr 404", "fr-FR/index.html": "<head></head>home",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := previewHandler(dir, newBroadcast())
	for _, c := range []struct {
		path, want string
		status     int
	}{
		{"/fr-FR/no-such-page/", "fr 404", 404},
		{"/fr-FR/x.pdf", "fr 404", 404},
		{"/de-LU/", "root 404", 404},
		{"/etc/passwd", "root 404", 404},
		{"/fr-FR/", "home", 200},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", c.path, nil))
		if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d %q, want %d %q", c.path, rec.Code, rec.Body.String(), c.status, c.want)
		}
	}
}
