package site

import (
	"os"
	"path/filepath"
	"slices"
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
